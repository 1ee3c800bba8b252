// Simulated pipeline runs. A run's status is computed from the clock (no timers to clean up):
// step i runs during [startTs + i·stepMs, startTs + (i+1)·stepMs); approval steps show
// `ApprovalWaiting`; after step `endStep` the run ends as `outcome` (Failed at the first step
// whose command contains `exit 1`, else Success). A `stuck` seeded run stays in its status.
// Which statuses are final comes from test/contract/enums.ts (Harness's StatusUtils).
// The detail's layoutNodeMap (stages, a stage-level `parallel:` as a parallel node) and
// executionGraph (stage node → NG_EXECUTION section → steps chained by nextIds, STEP_GROUP,
// NG_FORK and STRATEGY nodes holding theirs) follow test/contract/runLoop.ts; so do step logs.
import { EXECUTION_SUMMARY_STATUSES } from '../contract/enums';
import { sha1 } from './ids';
import type { SimExecution, SimExecutionStep, SimPipeline, SimState } from './model';

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
  parallel?: string;
  failureMessage?: string;
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
        ...(step.stageParallel ? { parallel: step.stageParallel } : {}),
      };
      stages.push(stage);
    }
    stage.statuses.push(status);
    if (FAILED.has(status)) stage.failureMessage ??= failureText(step, status);
    if (status !== 'NotStarted') {
      stage.startTs ??= e.startTs + i * e.stepMs;
      if (isTerminal(status)) stage.endTs = e.startTs + (i + 1) * e.stepMs;
    }
  });
  for (const s of stages) {
    s.status = rollUp(s.statuses);
    if (!isTerminal(s.status)) s.endTs = undefined;
  }
  return stages.map(({ statuses: _statuses, ...view }) => view);
}

function failureText(step: SimExecutionStep, status: string): string {
  return status === 'Failed'
    ? `1 error occurred: step ${step.name}: command exited with status 1`
    : `Step ${step.name} ${status.toLowerCase()}`;
}

/** The layout node id of a stage (what `stageNodeId` names), and of its graph node's setupId. */
export function stageLayoutId(e: SimExecution, stage: string): string {
  return nodeId(e, `stage.${stage}`);
}

function parallelLayoutId(e: SimExecution, block: string): string {
  return nodeId(e, `stages.${block}`);
}

/** layoutNodeMap: stages in order; the stages of a `parallel:` block under one parallel node. */
function layout(
  e: SimExecution,
  stages: StageView[],
): { map: Record<string, unknown>; start: string | null } {
  const items: { id: string; stages: StageView[]; block?: string }[] = [];
  for (const s of stages) {
    const last = items.at(-1);
    if (s.parallel && last?.block === s.parallel) last.stages.push(s);
    else if (s.parallel) items.push({ id: parallelLayoutId(e, s.parallel), stages: [s], block: s.parallel });
    else items.push({ id: stageLayoutId(e, s.identifier), stages: [s] });
  }
  const map: Record<string, unknown> = {};
  const stageNode = (s: StageView, nextIds: string[]): Record<string, unknown> => ({
    nodeType: s.type,
    nodeGroup: 'STAGE',
    nodeIdentifier: s.identifier,
    name: s.name,
    nodeUuid: stageLayoutId(e, s.identifier),
    status: s.status,
    module: s.type === 'CI' ? 'ci' : s.type === 'Deployment' ? 'cd' : 'pms',
    moduleInfo: {},
    startTs: s.startTs,
    endTs: s.endTs,
    edgeLayoutList: { currentNodeChildren: [], nextIds },
    ...(s.failureMessage ? { failureInfo: { message: s.failureMessage } } : {}),
  });
  items.forEach((item, i) => {
    const next = i + 1 < items.length ? [items[i + 1].id] : [];
    if (!item.block) {
      map[item.id] = stageNode(item.stages[0], next);
      return;
    }
    for (const s of item.stages) map[stageLayoutId(e, s.identifier)] = stageNode(s, []);
    const statuses = item.stages.map((s) => s.status);
    map[item.id] = {
      nodeType: 'parallel',
      nodeGroup: 'STAGE',
      nodeIdentifier: `parallel${item.block}`,
      name: null,
      nodeUuid: item.id,
      status: rollUp(statuses),
      edgeLayoutList: {
        currentNodeChildren: item.stages.map((s) => stageLayoutId(e, s.identifier)),
        nextIds: next,
      },
    };
  });
  return { map, start: items[0]?.id ?? null };
}

/** A holder's status: its failing or current child; all done ⇒ Success; partly done ⇒ Running. */
function rollUp(statuses: string[]): string {
  return (
    statuses.find((x) => FAILED.has(x)) ??
    statuses.find((x) => x !== 'Success' && x !== 'NotStarted' && !isTerminal(x)) ??
    (statuses.every((x) => x === 'Success')
      ? 'Success'
      : statuses.every((x) => x === 'NotStarted')
        ? 'NotStarted'
        : statuses.every((x) => isTerminal(x))
          ? (statuses.find((x) => x !== 'Success') ?? 'Success')
          : 'Running')
  );
}

export function executionSummary(
  e: SimExecution,
  pipeline: SimPipeline | undefined,
  now: number,
): Record<string, unknown> {
  const stages = stageViews(e, now);
  const { map: layoutNodeMap, start } = layout(e, stages);
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
      isRerun: e.rerunOf !== undefined,
      ...(e.rerunOf ? { rerunInfo: { rootExecutionId: e.rerunOf, prevExecutionId: e.rerunOf } } : {}),
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
    startingNodeId: start,
    startTs: e.startTs,
    ...(e.endTs !== undefined ? { endTs: e.endTs } : {}),
    createdAt: e.createdAt,
    canRetry: FAILED.has(e.status) && e.retriedBy === undefined,
    showRetryHistory: e.retryOf !== undefined || e.retriedBy !== undefined,
    runSequence: e.runSequence,
    successfulStagesCount: stages.filter((s) => s.status === 'Success').length,
    runningStagesCount: stages.filter((s) => s.status !== 'NotStarted' && !isTerminal(s.status)).length,
    failedStagesCount: stages.filter((s) => FAILED.has(s.status)).length,
    totalStagesCount: stages.length,
    storeType: pipeline?.storeType ?? 'INLINE',
    ...(pipeline?.git
      ? {
          gitDetails: {
            objectId: pipeline.git.objectId,
            branch: pipeline.git.branch,
            repoIdentifier: null,
            rootFolder: null,
            filePath: pipeline.git.filePath,
            repoName: pipeline.git.repoName,
          },
        }
      : {}),
    executionInputConfigured: false,
    allowStageExecutions: false,
    stagesExecution: false,
  };
}

/** The log service key of a step's log (the simplified key shape mcp-server builds, plus the step). */
export function stepLogKey(e: SimExecution, accountId: string, i: number): string {
  const step = e.steps[i];
  const path = [...(step.containers ?? []).map((c) => c.identifier), step.identifier].join('/');
  return `${accountId}/pipeline/${e.pipelineIdentifier}/${e.runSequence}/-${e.planExecutionId}/${step.stageIdentifier}/${path}`;
}

interface GraphItem {
  id: string;
  node: Record<string, unknown>;
  /** Held nodes: chained by nextIds (sections, groups) or side by side (parallel, strategy). */
  children: GraphItem[];
  chained: boolean;
  statuses: string[];
  startTs?: number;
  endTs?: number;
}

/**
 * The executionGraph of the stages in `stages` (all when undefined): for each stage its node
 * (setupId = its layout node id), an NG_EXECUTION section and the steps, with step groups,
 * parallel blocks and matrix instances as holder nodes.
 */
export function executionGraph(
  e: SimExecution,
  now: number,
  accountId: string,
  stages?: readonly string[],
): Record<string, unknown> {
  const nodeMap: Record<string, unknown> = {};
  const adjacency: Record<string, unknown> = {};
  const fqnBase = (stage: string): string => `pipeline.stages.${stage}.spec.execution.steps`;

  const leaf = (i: number): GraphItem => {
    const step = e.steps[i];
    const status = stepStatus(e, i, now);
    const started = status !== 'NotStarted';
    const startTs = started ? e.startTs + i * e.stepMs : undefined;
    const endTs = started && isTerminal(status) ? e.startTs + (i + 1) * e.stepMs : undefined;
    const path = [...(step.containers ?? []).map((c) => c.identifier), step.identifier].join('.');
    const id = nodeId(e, `stage.${step.stageIdentifier}.step.${path}`);
    return {
      id,
      chained: false,
      children: [],
      statuses: [status],
      ...(startTs !== undefined ? { startTs } : {}),
      ...(endTs !== undefined ? { endTs } : {}),
      node: {
        uuid: id,
        setupId: sha1(`setup:${step.stageIdentifier}.${path}`).slice(0, 22),
        name: step.name,
        identifier: step.identifier,
        baseFqn: `${fqnBase(step.stageIdentifier)}.${path}`,
        stepType: step.type,
        status,
        ...(startTs !== undefined ? { startTs } : {}),
        ...(endTs !== undefined ? { endTs } : {}),
        failureInfo: FAILED.has(status)
          ? {
              message: '',
              failureTypeList: ['APPLICATION_ERROR'],
              responseMessages: [
                { code: 'GENERAL_ERROR', level: 'ERROR', message: failureText(step, status) },
              ],
            }
          : { message: '', failureTypeList: [], responseMessages: [] },
        ...(started ? { logBaseKey: stepLogKey(e, accountId, i) } : {}),
        outcomes: {},
        stepParameters: {},
        unitProgresses: [],
        executableResponses: [],
        delegateInfoList: [],
        interruptHistories: [],
      },
    };
  };

  const holder = (
    id: string,
    identifier: string,
    name: string,
    stepType: string,
    baseFqn: string,
    children: GraphItem[],
    chained: boolean,
  ): GraphItem => {
    const statuses = children.flatMap((c) => c.statuses);
    const status = rollUp(statuses);
    const starts = children.map((c) => c.startTs).filter((t): t is number => t !== undefined);
    const ends = children.map((c) => c.endTs).filter((t): t is number => t !== undefined);
    const startTs = starts.length > 0 ? Math.min(...starts) : undefined;
    const endTs = isTerminal(status) && ends.length > 0 ? Math.max(...ends) : undefined;
    return {
      id,
      children,
      chained,
      statuses,
      ...(startTs !== undefined ? { startTs } : {}),
      ...(endTs !== undefined ? { endTs } : {}),
      node: {
        uuid: id,
        setupId: sha1(`setup:${baseFqn}`).slice(0, 22),
        name,
        identifier,
        baseFqn,
        stepType,
        status,
        ...(startTs !== undefined ? { startTs } : {}),
        ...(endTs !== undefined ? { endTs } : {}),
        failureInfo: { message: '', failureTypeList: [], responseMessages: [] },
        outcomes: {},
        stepParameters: {},
        executableResponses: [],
      },
    };
  };

  const TYPE: Record<string, string> = { stepGroup: 'STEP_GROUP', parallel: 'NG_FORK', strategy: 'STRATEGY' };

  /** Steps `indexes` (all in one stage) at container depth `depth`, as sibling items. */
  const build = (indexes: number[], depth: number, stage: string, prefix: string): GraphItem[] => {
    const items: GraphItem[] = [];
    let k = 0;
    while (k < indexes.length) {
      const c = e.steps[indexes[k]].containers?.[depth];
      if (!c) {
        items.push(leaf(indexes[k]));
        k++;
        continue;
      }
      const group: number[] = [];
      while (k < indexes.length) {
        const d = e.steps[indexes[k]].containers?.[depth];
        if (!d || d.identifier !== c.identifier || d.kind !== c.kind) break;
        group.push(indexes[k]);
        k++;
      }
      const path = prefix ? `${prefix}.${c.identifier}` : c.identifier;
      items.push(
        holder(
          nodeId(e, `stage.${stage}.holder.${path}`),
          c.identifier,
          c.name,
          TYPE[c.kind],
          `${fqnBase(stage)}.${path}`,
          build(group, depth + 1, stage, path),
          c.kind === 'stepGroup',
        ),
      );
    }
    return items;
  };

  const emit = (item: GraphItem, nextIds: string[]): void => {
    nodeMap[item.id] = item.node;
    const children = item.chained ? item.children.slice(0, 1) : item.children;
    adjacency[item.id] = { children: children.map((c) => c.id), nextIds };
    item.children.forEach((c, i) =>
      emit(c, item.chained && i + 1 < item.children.length ? [item.children[i + 1].id] : []),
    );
  };

  const byStage = new Map<string, number[]>();
  e.steps.forEach((step, i) =>
    byStage.set(step.stageIdentifier, [...(byStage.get(step.stageIdentifier) ?? []), i]),
  );
  let rootNodeId: string | null = null;
  for (const [stage, indexes] of byStage) {
    if (stages && !stages.includes(stage)) continue;
    const first = e.steps[indexes[0]];
    const section = holder(
      nodeId(e, `stage.${stage}.execution`),
      'execution',
      'Execution',
      'NG_EXECUTION',
      `pipeline.stages.${stage}.spec.execution`,
      build(indexes, 0, stage, ''),
      true,
    );
    const stageItem = holder(
      nodeId(e, `stage.${stage}.node`),
      stage,
      first.stageName,
      first.stageType,
      `pipeline.stages.${stage}`,
      [section],
      true,
    );
    stageItem.node.setupId = stageLayoutId(e, stage);
    const failed = indexes.find((i) => FAILED.has(stepStatus(e, i, now)));
    if (failed !== undefined)
      stageItem.node.failureInfo = {
        message: failureText(e.steps[failed], stepStatus(e, failed, now)),
        failureTypeList: ['APPLICATION_ERROR'],
        responseMessages: [],
      };
    emit(stageItem, []);
    rootNodeId ??= stageItem.id;
  }
  return {
    rootNodeId,
    nodeMap,
    nodeAdjacencyListMap: adjacency,
    representationStrategy: 'camelCase',
  };
}

/** The stage whose graph Harness shows when none is asked for: the current, failed or last one. */
export function currentStage(e: SimExecution, now: number): string | undefined {
  const statuses = e.steps.map((_s, i) => stepStatus(e, i, now));
  const at = statuses.findIndex((st) => st !== 'Success' && st !== 'NotStarted');
  if (at >= 0) return e.steps[at].stageIdentifier;
  const lastStarted = statuses.map((st) => st !== 'NotStarted').lastIndexOf(true);
  return e.steps[Math.max(0, lastStarted)]?.stageIdentifier;
}

// ---- step logs -------------------------------------------------------------------------------

/** A step's log as its lines and when each appears (spread over the step's tick). */
export function stepLogLines(e: SimExecution, i: number): { at: number; line: Record<string, unknown> }[] {
  const step = e.steps[i];
  const start = e.startTs + i * e.stepMs;
  const texts: { level: string; out: string }[] = [
    { level: 'info', out: `Executing ${step.type} step ${step.name}` },
  ];
  for (const cmd of (step.script ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    texts.push({ level: 'info', out: `\u001b[36m+ ${cmd}\u001b[0m` });
    const echo = /^echo\s+(.*)$/.exec(cmd);
    if (echo) texts.push({ level: 'info', out: echo[1].replace(/^["']|["']$/g, '') });
    // `seq N` prints N numbered lines: a step with a long log (over the client's 8 MB cap with
    // ~100,000 of them). Ours, like every log text here.
    const seq = /^seq\s+(\d+)$/.exec(cmd);
    if (seq)
      for (let k = 1; k <= Math.min(Number(seq[1]), 500_000); k++)
        texts.push({ level: 'info', out: String(k) });
  }
  const status = e.endTs !== undefined && i === e.endStep ? e.outcome : undefined;
  if (step.fails || (status !== undefined && FAILED.has(status)))
    texts.push({ level: 'error', out: '\u001b[31mCommand exited with status 1\u001b[0m' });
  else texts.push({ level: 'info', out: '\u001b[32mCommand completed successfully\u001b[0m' });
  return texts.map((t, k) => {
    const at = start + Math.floor(((k + 1) * e.stepMs) / (texts.length + 1));
    return {
      at,
      line: { level: t.level, pos: k, out: `${t.out}\n`, time: new Date(at).toISOString(), args: null },
    };
  });
}

/** The step of a log key, in the executions of the account. */
export function stepOfLogKey(
  state: SimState,
  key: string,
): { execution: SimExecution; index: number } | undefined {
  const m = /^[^/]+\/pipeline\/[^/]+\/\d+\/-([^/]+)\//.exec(key);
  const e = m ? state.executions.find((x) => x.planExecutionId === m[1]) : undefined;
  if (!e) return undefined;
  const index = e.steps.findIndex((_s, i) => stepLogKey(e, state.account.identifier, i) === key);
  return index >= 0 ? { execution: e, index } : undefined;
}

/** Whether step `i` has ended (its log moved from the stream to the blob). */
export function stepEnded(e: SimExecution, i: number, now: number): boolean {
  return isTerminal(stepStatus(e, i, now)) || (e.endTs !== undefined && i <= e.endStep);
}

/** Whether step `i` has started (it has a log at all). */
export function stepStarted(e: SimExecution, i: number, now: number): boolean {
  return stepStatus(e, i, now) !== 'NotStarted';
}
