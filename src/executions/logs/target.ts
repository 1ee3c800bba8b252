// A StepLogTarget as a document: its title, its URI's parts (no token, nothing secret: ids
// only), and a check of the command's argument, which may come from another extension.
import { executionStatusInfo } from '../../api/types';
import type { StepLogTarget } from '../stepLogTarget';

export const STEP_LOG_SCHEME = 'harness-log';

/** `deploy_web › Run tests #42`: the pipeline, the step and the run. */
export function stepLogTitle(target: StepLogTarget): string {
  const run = target.runSequence !== undefined ? ` #${target.runSequence}` : '';
  return `${target.pipelineIdentifier} › ${target.stepName}${run}`;
}

/** `Run tests (deploy_web #42)`: the document's first line names the log so. */
export function stepLogLabel(target: StepLogTarget): string {
  const run = target.runSequence !== undefined ? ` #${target.runSequence}` : '';
  return `${target.stepName} (${target.pipelineIdentifier}${run})`;
}

/**
 * The URI's path (what the editor tab shows: `/deploy_web › Run tests #42.log`) and query (what
 * tells two documents apart: the account, the run and the step node). Slashes in names would
 * make folders of the title: they become a look-alike.
 */
export function stepLogUriParts(target: StepLogTarget): { path: string; query: string } {
  const name = stepLogTitle(target).replace(/[/\\]/g, '∕');
  const q = new URLSearchParams();
  q.set('account', target.accountId);
  q.set('run', target.planExecutionId);
  q.set('step', target.nodeId ?? target.stepIdentifier);
  return { path: `/${name}.log`, query: q.toString() };
}

/** Follow the stream first (the step has not ended), or read the blob. */
export function followsStream(target: StepLogTarget): boolean {
  return !executionStatusInfo(target.status).final;
}

const str = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** The command's argument as a target, or what is wrong with it. */
export function checkStepLogTarget(value: unknown): StepLogTarget | string {
  if (typeof value !== 'object' || value === null) return 'no step was given';
  const t = value as Record<string, unknown>;
  const scope = t.scope as Record<string, unknown> | undefined;
  for (const key of ['accountId', 'pipelineIdentifier', 'planExecutionId', 'stepIdentifier', 'logBaseKey'])
    if (!str(t[key])) return `the step has no ${key}`;
  if (!scope || !str(scope.orgIdentifier) || !str(scope.projectIdentifier))
    return 'the step has no project scope';
  if (typeof t.status !== 'string') return 'the step has no status';
  if (t.runSequence !== undefined && typeof t.runSequence !== 'number') return 'runSequence is not a number';
  if (t.nodeId !== undefined && typeof t.nodeId !== 'string') return 'nodeId is not a string';
  if (t.stepName !== undefined && typeof t.stepName !== 'string') return 'stepName is not a string';
  return {
    ...(value as StepLogTarget),
    stepName: str(t.stepName) ? t.stepName : (t.stepIdentifier as string),
  };
}
