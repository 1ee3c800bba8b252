// How the execution rows of the Harness tree look (label, description, tooltip, icon) and the
// nodes an execution's detail becomes: stages, then steps, step groups, parallel blocks and
// matrix/repeat instances. vscode-free (the tree provider turns these into TreeItems), so the
// mapping is unit tested. `now` is passed in: a running node's duration grows with it.
import type { ExecutionDetail, ExecutionNode, ExecutionSummary } from '../api/types';
import { nodeIds, type ExecutionPartNode, type ExecutionRowNode, type HarnessNode } from '../tree/nodes';
import { OPEN_STEP_LOG_COMMAND, type StepLogTarget } from './stepLogTarget';
import { elapsed, formatDuration, fullTime, shortTime, statusText, triggerText } from './format';

export interface RowView {
  label: string;
  description?: string;
  /** Markdown. */
  tooltip: string;
  collapsible: 'none' | 'collapsed';
}

function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function tooltip(title: string, rows: [string, string | undefined][], footer?: string): string {
  const out = [`**${md(title)}**`, ''];
  for (const [k, v] of rows) if (v) out.push(`${k}: ${md(v)}  `);
  if (footer) out.push('', md(footer));
  return out.join('\n');
}

function durationText(
  startTs: number | undefined,
  endTs: number | undefined,
  now: number,
): string | undefined {
  const e = elapsed(startTs, endTs, now);
  return e ? `${formatDuration(e.ms)}${e.running ? ' so far' : ''}` : undefined;
}

/** The branch a run is about: the Git pipeline's YAML branch, else the branch a CI build ran on. */
export function executionBranch(s: ExecutionSummary): string | undefined {
  return s.branch ?? s.ciBranch;
}

/** `#42` (or the id when Harness sent no sequence); `Manual by Jane · ⎇ main · 2026-12-02 14:05 UTC · 3m 12s`. */
export function executionRowView(s: ExecutionSummary, now: number): RowView {
  const trigger = triggerText(s.trigger);
  const branch = executionBranch(s);
  const duration = durationText(s.startTs, s.endTs, now);
  const started = s.startTs ?? s.createdAt;
  const status = statusText(s.status, s.rawStatus);
  const label = s.runSequence !== undefined ? `#${s.runSequence}` : s.planExecutionId;
  const stages =
    s.totalStagesCount !== undefined
      ? `${s.successfulStagesCount ?? 0} of ${s.totalStagesCount} succeeded${s.failedStagesCount ? `, ${s.failedStagesCount} failed` : ''}`
      : undefined;
  return {
    label,
    description: [
      trigger,
      branch ? `⎇ ${branch}` : undefined,
      started ? shortTime(started) : undefined,
      duration,
    ]
      .filter(Boolean)
      .join(' · '),
    tooltip: tooltip(`${s.name ?? s.pipelineIdentifier} ${label}`, [
      ['Status', status],
      ['Started by', trigger],
      ['Branch', branch],
      ['Repository', s.repoName],
      ['Started', started ? fullTime(started) : undefined],
      ['Ended', s.endTs ? fullTime(s.endTs) : undefined],
      ['Duration', duration],
      ['Stages', stages],
      ['Error', s.executionErrorInfo?.message],
      ['Execution id', s.planExecutionId],
    ]),
    collapsible: 'collapsed',
  };
}

const KIND_NAMES: Record<ExecutionNode['kind'], string> = {
  stage: 'Stage',
  step: 'Step',
  stepGroup: 'Step group',
  parallel: 'Parallel',
  strategy: 'Matrix / repeat',
};

/** A stage, group or step: its status and duration, and the failure message when it failed. */
export function executionPartView(part: ExecutionNode, now: number): RowView {
  const duration = durationText(part.startTs, part.endTs, now);
  const status = statusText(part.status, part.rawStatus);
  const failure = part.failureMessage?.replace(/\s+/g, ' ').trim();
  return {
    label: part.name || part.identifier,
    description: [status, duration, failure].filter(Boolean).join(' · '),
    tooltip: tooltip(part.name || part.identifier, [
      [KIND_NAMES[part.kind], part.type ?? part.identifier],
      ['Identifier', part.identifier],
      ['Status', status],
      ['Started', part.startTs ? fullTime(part.startTs) : undefined],
      ['Duration', duration],
      ['Failure', part.failureMessage],
    ]),
    collapsible: part.children.length > 0 ? 'collapsed' : 'none',
  };
}

/** The child nodes of `parts` under `parent`; a stage's own id is the stage link of what is inside it. */
export function partNodes(
  parent: HarnessNode,
  run: Pick<ExecutionPartNode, 'scope' | 'pipelineIdentifier' | 'planExecutionId' | 'runSequence'>,
  parts: readonly ExecutionNode[],
  stageNodeId?: string,
): ExecutionPartNode[] {
  return parts.map((part) => {
    const stage = part.kind === 'stage' ? part.id : stageNodeId;
    return {
      kind: 'executionPart',
      id: nodeIds.executionPart(run.planExecutionId, part.id),
      parent,
      scope: run.scope,
      pipelineIdentifier: run.pipelineIdentifier,
      planExecutionId: run.planExecutionId,
      ...(run.runSequence !== undefined ? { runSequence: run.runSequence } : {}),
      ...(stage ? { stageNodeId: stage } : {}),
      part,
    };
  });
}

/** The stages of a run, as the children of its row. */
export function executionChildren(row: ExecutionRowNode, detail: ExecutionDetail): ExecutionPartNode[] {
  return partNodes(
    row,
    {
      scope: row.scope,
      pipelineIdentifier: row.pipelineIdentifier,
      planExecutionId: row.summary.planExecutionId,
      runSequence: detail.summary.runSequence ?? row.summary.runSequence,
    },
    detail.stages,
  );
}

/** The nodes inside a stage, group, parallel block or matrix. */
export function partChildren(node: ExecutionPartNode): ExecutionPartNode[] {
  return partNodes(node, node, node.part.children, node.stageNodeId);
}

/** What "open this step's log" needs; undefined for nodes without a log (no `logBaseKey` yet). */
export function stepLogTarget(accountId: string, node: ExecutionPartNode): StepLogTarget | undefined {
  const { part } = node;
  if (part.kind !== 'step' || !part.logBaseKey) return undefined;
  return {
    accountId,
    scope: node.scope,
    pipelineIdentifier: node.pipelineIdentifier,
    planExecutionId: node.planExecutionId,
    ...(node.runSequence !== undefined ? { runSequence: node.runSequence } : {}),
    stepIdentifier: part.identifier,
    stepName: part.name,
    logBaseKey: part.logBaseKey,
    status: part.status,
    nodeId: part.id,
  };
}

/** The click command of a step row with a log. */
export function stepLogCommand(
  accountId: string,
  node: ExecutionPartNode,
): { command: string; title: string; arguments: [StepLogTarget] } | undefined {
  const target = stepLogTarget(accountId, node);
  return target ? { command: OPEN_STEP_LOG_COMMAND, title: 'Open Step Log', arguments: [target] } : undefined;
}
