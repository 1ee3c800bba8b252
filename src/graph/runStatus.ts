// A watched run on the graph: the execution's stage → step tree (ExecutionUpdate.detail) mapped
// onto the graph nodes of the same pipeline. A node is found by the execution node's `baseFqn`
// (Harness's fully qualified name) when it has one, else by the chain of identifiers (stage, step
// groups, step; parallel blocks are no level), else by a step identifier unique in its stage.
// Matrix/repeat instances are not spread over the one YAML node: the strategy node's own status is.
import type { ExecutionNode, ExecutionStatusGroup } from '../api/types';
import { executionStatusInfo } from '../api/types';
import type { ExecutionUpdate } from '../executions/updates';
import type { StepLogTarget } from '../executions/stepLogTarget';
import type { GraphNode, PipelineGraph } from './model';

export interface NodeRun {
  /** Status as Harness names it (PascalCase when known). */
  readonly status: string;
  readonly group: ExecutionStatusGroup;
  readonly failureMessage?: string;
  /** For steps with a log: what OPEN_STEP_LOG_COMMAND takes. */
  readonly log?: StepLogTarget;
}

export interface RunMarks {
  readonly planExecutionId: string;
  readonly runSequence?: number;
  readonly status: string;
  readonly group: ExecutionStatusGroup;
  readonly ended: boolean;
  /** By graph node id. */
  readonly byNode: ReadonlyMap<string, NodeRun>;
}

/** Is `update` a run of the pipeline the graph shows (same identifier; same org/project when the YAML names them)? */
export function runMatchesGraph(
  update: Pick<ExecutionUpdate, 'pipelineIdentifier' | 'scope'>,
  graph: PipelineGraph,
): boolean {
  if (!graph.identifier || update.pipelineIdentifier !== graph.identifier) return false;
  if (
    graph.orgIdentifier &&
    !graph.orgIdentifier.startsWith('<+') &&
    graph.orgIdentifier !== update.scope.orgIdentifier
  )
    return false;
  if (
    graph.projectIdentifier &&
    !graph.projectIdentifier.startsWith('<+') &&
    graph.projectIdentifier !== update.scope.projectIdentifier
  )
    return false;
  return true;
}

/**
 * The update to show after `next`, given the one kept for its pipeline: a poll without the stage
 * tree (nobody asked for it that time) keeps the tree of the same run; a new run replaces all.
 */
export function mergeRun(kept: ExecutionUpdate | undefined, next: ExecutionUpdate): ExecutionUpdate {
  if (next.detail || !kept?.detail || kept.planExecutionId !== next.planExecutionId) return next;
  return { ...next, detail: kept.detail };
}

interface Index {
  byFqn: Map<string, GraphNode>;
  byPath: Map<string, GraphNode>;
  /** `stage/identifier` → the steps and groups with that identifier anywhere in the stage. */
  inStage: Map<string, GraphNode[]>;
}

function index(graph: PipelineGraph): Index {
  const ix: Index = { byFqn: new Map(), byPath: new Map(), inStage: new Map() };
  const walk = (nodes: readonly GraphNode[], path: readonly string[], stage: string | undefined) => {
    for (const n of nodes) {
      if (n.kind === 'parallel') {
        walk(n.children, path, stage);
        continue;
      }
      if (n.identifier === undefined) continue;
      const here = [...path, n.identifier];
      if (n.fqn && !ix.byFqn.has(n.fqn)) ix.byFqn.set(n.fqn, n);
      const key = here.join('/');
      if (!ix.byPath.has(key)) ix.byPath.set(key, n);
      const stageId = n.kind === 'stage' ? n.identifier : stage;
      if (n.kind !== 'stage' && stageId !== undefined) {
        const k = `${stageId}/${n.identifier}`;
        ix.inStage.set(k, [...(ix.inStage.get(k) ?? []), n]);
      }
      walk(n.children, here, stageId);
      walk(n.rollbackChildren, here, stageId);
    }
  };
  walk(graph.stages, [], undefined);
  return ix;
}

/** The run's statuses on the graph's nodes (empty when the update has no stage tree or is another pipeline's). */
export function markRun(graph: PipelineGraph, update: ExecutionUpdate): RunMarks {
  const summary = update.summary;
  const info = executionStatusInfo(summary.status);
  const byNode = new Map<string, NodeRun>();
  const marks: RunMarks = {
    planExecutionId: update.planExecutionId,
    ...(summary.runSequence !== undefined ? { runSequence: summary.runSequence } : {}),
    status: info.status,
    group: info.group,
    ended: update.ended,
    byNode,
  };
  if (!update.detail || !runMatchesGraph(update, graph)) return marks;
  const ix = index(graph);

  const find = (
    e: ExecutionNode,
    path: readonly string[],
    stage: string | undefined,
  ): GraphNode | undefined =>
    (e.baseFqn !== undefined ? ix.byFqn.get(e.baseFqn) : undefined) ??
    ix.byPath.get([...path, e.identifier].join('/')) ??
    unique(
      stage !== undefined && e.kind !== 'stage' ? ix.inStage.get(`${stage}/${e.identifier}`) : undefined,
    );

  const visit = (nodes: readonly ExecutionNode[], path: readonly string[], stage: string | undefined) => {
    for (const e of nodes) {
      if (e.kind === 'parallel') {
        visit(e.children, path, stage);
        continue;
      }
      const node = find(e, path, stage);
      if (node && !byNode.has(node.id)) byNode.set(node.id, nodeRun(e, node, update));
      // A strategy's children are its instances (`build_0`, …): one YAML node cannot show them all.
      if (e.kind === 'strategy') continue;
      const stageId = e.kind === 'stage' ? e.identifier : stage;
      visit(e.children, [...path, e.identifier], stageId);
    }
  };
  visit(update.detail.stages, [], undefined);
  return marks;
}

function unique(list: GraphNode[] | undefined): GraphNode | undefined {
  return list && list.length === 1 ? list[0] : undefined;
}

function nodeRun(e: ExecutionNode, node: GraphNode, update: ExecutionUpdate): NodeRun {
  const info = executionStatusInfo(e.status);
  const log: StepLogTarget | undefined =
    node.kind === 'step' && e.logBaseKey
      ? {
          accountId: update.accountId,
          scope: update.scope,
          pipelineIdentifier: update.pipelineIdentifier,
          planExecutionId: update.planExecutionId,
          ...(update.summary.runSequence !== undefined ? { runSequence: update.summary.runSequence } : {}),
          stepIdentifier: e.identifier,
          stepName: e.name,
          logBaseKey: e.logBaseKey,
          status: info.status,
          nodeId: e.id,
        }
      : undefined;
  return {
    status: info.status,
    group: info.group,
    ...(e.failureMessage ? { failureMessage: e.failureMessage } : {}),
    ...(log ? { log } : {}),
  };
}
