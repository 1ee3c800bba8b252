// Simulated pipeline runs. A run's status is computed from the clock (no timers to clean up):
// step i runs during [startTs + i·stepMs, startTs + (i+1)·stepMs); approval steps show
// `ApprovalWaiting`; after step `endStep` the run ends as `outcome` (Failed at the first step
// whose command contains `exit 1`, else Success). A `stuck` seeded run stays in its status.
// Which statuses are final comes from test/contract/enums.ts (Harness's StatusUtils).
import { EXECUTION_SUMMARY_STATUSES } from '../contract/enums';
import { sha1 } from './ids';
import type { SimExecution, SimPipeline, SimState } from './model';

const TERMINAL = new Set(EXECUTION_SUMMARY_STATUSES.filter((f) => f.final).map((f) => f.value));

function liveStatus(e: SimExecution, now: number): { status: string; index: number } {
  const index = Math.floor((now - e.startTs) / e.stepMs);
  if (index > e.endStep) return { status: e.outcome, index: e.endStep };
  const step = e.steps[Math.max(0, index)];
  return {
    status: step?.type === 'HarnessApproval' ? 'ApprovalWaiting' : 'Running',
    index: Math.max(0, index),
  };
}

/** Brings every unfinished run (and its pipeline's last-execution info) up to `now`. */
export function refreshExecutions(state: SimState, now: number): void {
  for (const e of state.executions) {
    if (e.endTs !== undefined || e.stuck) continue;
    const { status } = liveStatus(e, now);
    e.status = status;
    if (TERMINAL.has(status)) e.endTs = e.startTs + (e.endStep + 1) * e.stepMs;
    const p = state.pipelines.find(
      (x) =>
        x.identifier === e.pipelineIdentifier &&
        x.orgIdentifier === e.orgIdentifier &&
        x.projectIdentifier === e.projectIdentifier,
    );
    if (p && p.executionSummaryInfo.lastExecutionId === e.planExecutionId)
      p.executionSummaryInfo.lastExecutionStatus = status;
  }
}

export function isTerminal(status: string): boolean {
  return TERMINAL.has(status);
}

/** Status of step `i` as of the run's current status. */
function stepStatus(e: SimExecution, i: number, now: number): string {
  if (e.endTs !== undefined || e.stuck) {
    if (i < e.endStep) return 'Success';
    if (i === e.endStep) return e.outcome;
    return 'NotStarted';
  }
  const { status, index } = liveStatus(e, now);
  if (i < index) return 'Success';
  return i === index ? status : 'NotStarted';
}

const FAILED = new Set(['Failed', 'Errored', 'Aborted', 'AbortedByFreeze', 'Expired', 'ApprovalRejected']);

function nodeId(e: SimExecution, fqn: string): string {
  return sha1(`${e.planExecutionId}:${fqn}`).slice(0, 22);
}

interface StageView {
  identifier: string;
  name: string;
  type: string;
  status: string;
  startTs?: number;
  endTs?: number;
}

function stageViews(e: SimExecution, now: number): StageView[] {
  const stages: (StageView & { statuses: string[] })[] = [];
  e.steps.forEach((step, i) => {
    const status = stepStatus(e, i, now);
    let stage = stages.find((s) => s.identifier === step.stageIdentifier);
    if (!stage) {
      stage = {
        identifier: step.stageIdentifier,
        name: step.stageName,
        type: step.stageType,
        status: '',
        statuses: [],
      };
      stages.push(stage);
    }
    stage.statuses.push(status);
    if (status !== 'NotStarted') {
      stage.startTs ??= e.startTs + i * e.stepMs;
      if (isTerminal(status)) stage.endTs = e.startTs + (i + 1) * e.stepMs;
    }
  });
  for (const s of stages) {
    // A stage shows its failing or current step; all done ⇒ Success; partly done ⇒ Running.
    s.status =
      s.statuses.find((x) => FAILED.has(x)) ??
      s.statuses.find((x) => x !== 'Success' && x !== 'NotStarted' && !isTerminal(x)) ??
      (s.statuses.every((x) => x === 'Success')
        ? 'Success'
        : s.statuses.every((x) => x === 'NotStarted')
          ? 'NotStarted'
          : s.statuses.every((x) => isTerminal(x))
            ? (s.statuses.find((x) => x !== 'Success') ?? 'Success')
            : 'Running');
    if (!isTerminal(s.status)) s.endTs = undefined;
  }
  return stages.map(({ statuses: _statuses, ...view }) => view);
}

export function executionSummary(
  e: SimExecution,
  pipeline: SimPipeline | undefined,
  now: number,
): Record<string, unknown> {
  const stages = stageViews(e, now);
  const layoutNodeMap: Record<string, unknown> = {};
  stages.forEach((s, i) => {
    const id = nodeId(e, `stage.${s.identifier}`);
    layoutNodeMap[id] = {
      nodeType: s.type,
      nodeGroup: 'STAGE',
      nodeIdentifier: s.identifier,
      name: s.name,
      nodeUuid: id,
      status: s.status,
      module: s.type === 'CI' ? 'ci' : s.type === 'Deployment' ? 'cd' : 'pms',
      startTs: s.startTs,
      endTs: s.endTs,
      edgeLayoutList: {
        currentNodeChildren: [],
        nextIds: i + 1 < stages.length ? [nodeId(e, `stage.${stages[i + 1].identifier}`)] : [],
      },
    };
  });
  const failedStep = FAILED.has(e.status) ? e.steps[e.endStep] : undefined;
  return {
    pipelineIdentifier: e.pipelineIdentifier,
    orgIdentifier: e.orgIdentifier,
    projectIdentifier: e.projectIdentifier,
    planExecutionId: e.planExecutionId,
    name: e.name,
    status: e.status,
    tags: Object.entries(pipeline?.tags ?? {}).map(([key, value]) => ({ key, value })),
    executionTriggerInfo: {
      triggerType: 'MANUAL',
      triggeredBy: {
        uuid: e.triggeredBy.uuid,
        identifier: e.triggeredBy.identifier,
        extraInfo: { email: e.triggeredBy.email ?? '' },
      },
      isRerun: false,
    },
    ...(failedStep
      ? {
          executionErrorInfo: {
            message:
              e.status === 'Failed'
                ? `Step ${failedStep.name} failed: command exited with status 1`
                : `Pipeline execution ${e.status.toLowerCase()} at step ${failedStep.name}`,
          },
        }
      : {}),
    governanceMetadata: null,
    moduleInfo: {},
    layoutNodeMap,
    modules: e.modules,
    startingNodeId: stages.length > 0 ? nodeId(e, `stage.${stages[0].identifier}`) : null,
    startTs: e.startTs,
    ...(e.endTs !== undefined ? { endTs: e.endTs } : {}),
    createdAt: e.createdAt,
    canRetry: FAILED.has(e.status),
    showRetryHistory: false,
    runSequence: e.runSequence,
    successfulStagesCount: stages.filter((s) => s.status === 'Success').length,
    runningStagesCount: stages.filter((s) => s.status !== 'NotStarted' && !isTerminal(s.status)).length,
    failedStagesCount: stages.filter((s) => FAILED.has(s.status)).length,
    totalStagesCount: stages.length,
    storeType: pipeline?.storeType ?? 'INLINE',
    executionInputConfigured: false,
    allowStageExecutions: false,
    stagesExecution: false,
  };
}

export function executionGraph(e: SimExecution, now: number): Record<string, unknown> {
  const nodeMap: Record<string, unknown> = {};
  const adjacency: Record<string, unknown> = {};
  const ids = e.steps.map((s) => nodeId(e, `stage.${s.stageIdentifier}.step.${s.identifier}`));
  e.steps.forEach((step, i) => {
    const status = stepStatus(e, i, now);
    const started = status !== 'NotStarted';
    nodeMap[ids[i]] = {
      uuid: ids[i],
      setupId: sha1(`setup:${step.stageIdentifier}.${step.identifier}`).slice(0, 22),
      name: step.name,
      identifier: step.identifier,
      baseFqn: `pipeline.stages.${step.stageIdentifier}.spec.execution.steps.${step.identifier}`,
      stepType: step.type,
      status,
      ...(started ? { startTs: e.startTs + i * e.stepMs } : {}),
      ...(started && isTerminal(status) ? { endTs: e.startTs + (i + 1) * e.stepMs } : {}),
      failureInfo: FAILED.has(status)
        ? { message: `Step ${step.name} ${status.toLowerCase()}`, failureTypeList: [] }
        : null,
      outcomes: {},
      stepParameters: {},
      unitProgresses: [],
      executableResponses: [],
      delegateInfoList: [],
      interruptHistories: [],
    };
    adjacency[ids[i]] = { children: [], nextIds: i + 1 < ids.length ? [ids[i + 1]] : [] };
  });
  return {
    rootNodeId: ids[0] ?? null,
    nodeMap,
    nodeAdjacencyListMap: adjacency,
    representationStrategy: 'camelCase',
  };
}
