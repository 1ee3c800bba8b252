// Parsers of the run loop's answers: the execution detail with its stage and step graph, the
// interrupt (abort) answer, retry information, input sets and their merge. Shapes: harness-go-sdk
// nextgen models (PipelineExecutionDetail, GraphLayoutNode, ExecutionGraph, ExecutionNode,
// ExecutionNodeAdjacencyList, FailureInfoDto, InterruptResponse, RetryInfo, InputSetSummaryResponse,
// InputSetResponse, MergeInputSetResponse), with harness/mcp-server's graph walk and `logBaseKey`.
import { executionStatus, parseExecutionSummary } from './parsers';
import type {
  ExecutionDetail,
  ExecutionInputs,
  ExecutionNode,
  GitDetails,
  InputSet,
  InputSetError,
  InputSetSummary,
  InterruptResult,
  MergedInputSets,
  RetryInfo,
} from './types';
import {
  ResponseShapeError,
  defined,
  isRecord,
  optBool,
  optNum,
  optRecord,
  optStr,
  optTags,
  record,
  str,
} from './validate';

type Obj = Record<string, unknown>;

/**
 * Graph nodes that only hold others (the stage's `execution` section, rollback chains): their
 * children take their place. Any other type is a step, kept with its type as sent.
 */
const SECTION_TYPES = new Set([
  'NG_SECTION',
  'NG_EXECUTION',
  'NG_SECTION_WITH_ROLLBACK_INFO',
  'ROLLBACK_OPTIONAL_CHILD_CHAIN',
  'ROLLBACK_OPTIONAL_CHILD_CHAIN_STEP',
  'NG_SPEC_STEP',
  'NG_STAGES',
  'PIPELINE_SECTION',
]);
const PARALLEL_TYPES = new Set(['NG_FORK', 'PARALLEL']);
const GROUP_TYPES = new Set(['STEP_GROUP']);
const STRATEGY_TYPES = new Set(['STRATEGY', 'MATRIX', 'LOOP', 'PARALLELISM']);

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

/** failureInfo.message, else its responseMessages (or a layout node's ExecutionErrorInfo message). */
function failureMessage(n: Obj): string | undefined {
  for (const key of ['failureInfo', 'failureInfoDTO']) {
    const f = optRecord(n, key);
    if (!f) continue;
    const message = optStr(f, 'message')?.trim();
    if (message) return message;
    const more = Array.isArray(f.responseMessages)
      ? f.responseMessages
          .filter(isRecord)
          .map((m) => optStr(m, 'message')?.trim())
          .filter((m): m is string => Boolean(m))
      : [];
    if (more.length > 0) return more.join('; ');
  }
  return undefined;
}

function upper(v: string | undefined): string {
  return (v ?? '').toUpperCase();
}

interface Graph {
  nodeMap: Obj;
  adjacency: Obj;
  visited: Set<string>;
}

/** The nodes `id` contains, each followed by the chain of its `nextIds`. */
function contained(g: Graph, id: string): ExecutionNode[] {
  const adj = optRecord(g.adjacency, id);
  return strings(adj?.children).flatMap((child) => chain(g, child));
}

/** `start` and the siblings after it (nextIds), in order. */
function chain(g: Graph, start: string): ExecutionNode[] {
  const out: ExecutionNode[] = [];
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (g.visited.has(id)) continue;
    g.visited.add(id);
    out.push(...graphNode(g, id));
    queue.push(...strings(optRecord(g.adjacency, id)?.nextIds));
  }
  return out;
}

/** One graph node as the tree shows it (a section is replaced by what it holds). */
function graphNode(g: Graph, id: string): ExecutionNode[] {
  const n = optRecord(g.nodeMap, id);
  if (!n) return [];
  const type = optStr(n, 'stepType');
  const t = upper(type);
  if (SECTION_TYPES.has(t)) return contained(g, id);
  const kind: ExecutionNode['kind'] = PARALLEL_TYPES.has(t)
    ? 'parallel'
    : GROUP_TYPES.has(t)
      ? 'stepGroup'
      : STRATEGY_TYPES.has(t)
        ? 'strategy'
        : 'step';
  const identifier = optStr(n, 'identifier') ?? id;
  return [
    defined({
      id: optStr(n, 'uuid') || id,
      identifier,
      name: optStr(n, 'name') || identifier,
      kind,
      type,
      ...executionStatus(n, 'status'),
      startTs: optNum(n, 'startTs') || undefined,
      endTs: optNum(n, 'endTs') || undefined,
      failureMessage: failureMessage(n),
      logBaseKey: optStr(n, 'logBaseKey') || undefined,
      baseFqn: optStr(n, 'baseFqn') || undefined,
      children: kind === 'step' ? [] : contained(g, id),
    }),
  ];
}

interface Layout {
  map: Obj;
  visited: Set<string>;
}

function isParallelLayout(n: Obj): boolean {
  return upper(optStr(n, 'nodeType')) === 'PARALLEL';
}

function isStrategyLayout(n: Obj): boolean {
  return STRATEGY_TYPES.has(upper(optStr(n, 'nodeType'))) || upper(optStr(n, 'nodeGroup')) === 'STRATEGY';
}

/** The stage (or parallel block / matrix) at `id`, without the stages after it. */
function layoutNode(l: Layout, id: string): ExecutionNode[] {
  if (l.visited.has(id)) return [];
  l.visited.add(id);
  const n = optRecord(l.map, id);
  if (!n) return [];
  const edges = optRecord(n, 'edgeLayoutList');
  const inner = strings(edges?.currentNodeChildren);
  const holder =
    isParallelLayout(n) || isStrategyLayout(n) || (inner.length > 0 && optStr(n, 'nodeGroup') !== 'STAGE');
  const identifier = optStr(n, 'nodeIdentifier') ?? id;
  return [
    defined({
      id,
      identifier,
      name: optStr(n, 'name') || identifier,
      kind: holder ? (isStrategyLayout(n) ? 'strategy' : 'parallel') : 'stage',
      type: optStr(n, 'nodeType'),
      ...executionStatus(n, 'status'),
      startTs: optNum(n, 'startTs') || undefined,
      endTs: optNum(n, 'endTs') || undefined,
      failureMessage: failureMessage(n),
      children: holder ? inner.flatMap((child) => layoutNode(l, child)) : [],
    }) as ExecutionNode,
  ];
}

/** Stages in run order from `startingNodeId`, then any layout node not reached (kept, not lost). */
function layoutStages(map: Obj, start: string | undefined): ExecutionNode[] {
  const l: Layout = { map, visited: new Set() };
  const out: ExecutionNode[] = [];
  const queue = start ? [start] : [];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (l.visited.has(id)) continue;
    out.push(...layoutNode(l, id));
    queue.push(...strings(optRecord(optRecord(map, id) ?? {}, 'edgeLayoutList')?.nextIds));
  }
  // A map whose starting node is missing or that is not fully linked: the rest, in map order.
  for (const id of Object.keys(map)) if (!l.visited.has(id)) out.push(...layoutNode(l, id));
  return out;
}

function stagesOf(nodes: ExecutionNode[]): ExecutionNode[] {
  return nodes.flatMap((n) => (n.kind === 'stage' ? [n] : stagesOf(n.children)));
}

/** The graph node of a stage: its setupId is the layout node id (or the layout names its execution). */
function stageGraphId(
  nodeMap: Obj,
  layoutId: string,
  layout: Obj | undefined,
  identifier: string,
): string | undefined {
  const executionId = layout ? optStr(layout, 'nodeExecutionId') : undefined;
  if (executionId && isRecord(nodeMap[executionId])) return executionId;
  let byFqn: string | undefined;
  for (const [key, v] of Object.entries(nodeMap)) {
    if (!isRecord(v)) continue;
    if (v.setupId === layoutId) return key;
    if (byFqn === undefined && v.baseFqn === `pipeline.stages.${identifier}`) byFqn = key;
  }
  return byFqn;
}

/**
 * `{pipelineExecutionSummary, executionGraph}` → the summary and the stage tree, each stage with
 * its steps when its graph is in the answer (the stage asked for, or all with renderFullBottomGraph).
 */
export function parseExecutionDetailGraph(x: unknown): ExecutionDetail {
  const o = record(x, 'execution detail');
  const summaryObj = record(o.pipelineExecutionSummary, 'execution detail.pipelineExecutionSummary');
  const summary = parseExecutionSummary(summaryObj);
  const layoutMap = optRecord(summaryObj, 'layoutNodeMap') ?? {};
  const stages = layoutStages(layoutMap, optStr(summaryObj, 'startingNodeId'));
  const graph = optRecord(o, 'executionGraph');
  const nodeMap = graph ? optRecord(graph, 'nodeMap') : undefined;
  const stagesWithSteps: string[] = [];
  if (graph && nodeMap) {
    const g: Graph = {
      nodeMap,
      adjacency: optRecord(graph, 'nodeAdjacencyListMap') ?? {},
      visited: new Set(),
    };
    for (const stage of stagesOf(stages)) {
      const id = stageGraphId(nodeMap, stage.id, optRecord(layoutMap, stage.id), stage.identifier);
      if (id === undefined) continue;
      g.visited.add(id);
      stage.children = contained(g, id);
      const stageNode = optRecord(nodeMap, id);
      const message = stageNode ? failureMessage(stageNode) : undefined;
      if (message && !stage.failureMessage) stage.failureMessage = message;
      stagesWithSteps.push(stage.id);
    }
  }
  return { summary, stages, stagesWithSteps };
}

/** Every node of a tree, depth first (stages, groups, steps): for finding a step or a failure. */
export function flattenExecution(nodes: readonly ExecutionNode[]): ExecutionNode[] {
  return nodes.flatMap((n) => [n, ...flattenExecution(n.children)]);
}

export function parseExecutionInputs(x: unknown): ExecutionInputs {
  const o = record(x, 'execution inputs');
  return defined({
    inputSetYaml: optStr(o, 'inputSetYaml') || undefined,
    inputSetTemplateYaml: optStr(o, 'inputSetTemplateYaml') || undefined,
    latestTemplateYaml: optStr(o, 'latestTemplateYaml') || undefined,
  });
}

export function parseInterrupt(x: unknown): InterruptResult {
  const o = record(x, 'interrupt response');
  return defined({
    id: optStr(o, 'id') || undefined,
    type: optStr(o, 'type') || undefined,
    planExecutionId: optStr(o, 'planExecutionId') || undefined,
  });
}

export function parseRetryInfo(x: unknown): RetryInfo {
  const o = record(x, 'retry info');
  const groups = (Array.isArray(o.groups) ? o.groups.filter(isRecord) : []).map((g) =>
    (Array.isArray(g.info) ? g.info.filter(isRecord) : []).map((s) =>
      defined({
        identifier: str(s, 'identifier', 'retry stage'),
        name: optStr(s, 'name') || undefined,
        ...executionStatus(s, 'status'),
      }),
    ),
  );
  return defined({
    resumable: optBool(o, 'isResumable') ?? optBool(o, 'resumable') ?? false,
    errorMessage: optStr(o, 'errorMessage') || undefined,
    groups: groups.filter((g) => g.length > 0),
  });
}

function gitDetailsOf(o: Obj): GitDetails | undefined {
  const g = optRecord(o, 'gitDetails');
  if (!g) return undefined;
  const out = defined({
    objectId: optStr(g, 'objectId') || undefined,
    commitId: optStr(g, 'commitId') || undefined,
    branch: optStr(g, 'branch') || undefined,
    repoName: optStr(g, 'repoName') || undefined,
    filePath: optStr(g, 'filePath') || undefined,
    fileUrl: optStr(g, 'fileUrl') || undefined,
  });
  return Object.keys(out).length > 0 ? out : undefined;
}

export function parseInputSetSummary(x: unknown): InputSetSummary {
  const o = record(x, 'input set summary');
  const raw = o.inputSetType;
  const known = raw === 'INPUT_SET' || raw === 'OVERLAY_INPUT_SET' ? raw : undefined;
  return defined({
    identifier: str(o, 'identifier', 'input set'),
    name: optStr(o, 'name'),
    pipelineIdentifier: optStr(o, 'pipelineIdentifier'),
    description: optStr(o, 'description') || undefined,
    inputSetType: known ?? 'UNKNOWN',
    rawType: known
      ? undefined
      : raw === undefined
        ? 'missing'
        : typeof raw === 'string'
          ? raw
          : JSON.stringify(raw),
    tags: optTags(o, 'tags'),
    isOutdated: optBool(o, 'isOutdated'),
    gitDetails: gitDetailsOf(o),
    createdAt: optNum(o, 'createdAt'),
    lastUpdatedAt: optNum(o, 'lastUpdatedAt'),
  });
}

/**
 * `inputSetErrorWrapper.uuidToErrorResponseMap`: for each field (by its FQN or a placeholder
 * uuid), `{errors: [{fieldName, message, identifierOfErrorSource}]}`.
 */
function inputSetErrors(o: Obj): InputSetError[] | undefined {
  const wrapper = optRecord(o, 'inputSetErrorWrapper');
  const map = wrapper ? optRecord(wrapper, 'uuidToErrorResponseMap') : undefined;
  if (!map) return undefined;
  const out: InputSetError[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (!isRecord(value)) continue;
    const list = Array.isArray(value.errors) ? value.errors.filter(isRecord) : [value];
    for (const e of list) {
      const message = optStr(e, 'message')?.trim();
      if (!message) continue;
      out.push(defined({ field: optStr(e, 'fieldName') || key, message }));
    }
  }
  return out.length > 0 ? out : undefined;
}

export function parseInputSet(x: unknown): InputSet {
  const o = record(x, 'input set');
  const errors = inputSetErrors(o);
  return defined({
    identifier: str(o, 'identifier', 'input set'),
    name: optStr(o, 'name'),
    pipelineIdentifier: optStr(o, 'pipelineIdentifier'),
    description: optStr(o, 'description') || undefined,
    tags: optTags(o, 'tags'),
    inputSetYaml: str(o, 'inputSetYaml', 'input set'),
    isOutdated: optBool(o, 'isOutdated') ?? optBool(o, 'outdated'),
    errors,
    gitDetails: gitDetailsOf(o),
    version: optNum(o, 'version'),
  });
}

export function parseMergedInputSets(x: unknown): MergedInputSets {
  const o = record(x, 'merge input sets response');
  const isErrorResponse = optBool(o, 'isErrorResponse') ?? optBool(o, 'errorResponse') ?? false;
  const pipelineYaml = optStr(o, 'pipelineYaml');
  if (pipelineYaml === undefined && !isErrorResponse)
    throw new ResponseShapeError('merge input sets response.pipelineYaml is not a string');
  return defined({
    pipelineYaml: pipelineYaml ?? '',
    completePipelineYaml: optStr(o, 'completePipelineYaml') || undefined,
    isErrorResponse,
    errors: inputSetErrors(o),
  });
}
