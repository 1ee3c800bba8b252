// Pipeline YAML text → the shape Pipeline Studio draws: stages in order, parallel blocks, step
// groups, steps and rollback steps, each with the source offsets of its YAML. Pure (no `vscode`),
// and total: any text, however broken, gives a graph (possibly empty, with a notice), never an
// exception. The YAML structure follows Harness's pipeline schema (stage/step/stepGroup/parallel
// wrappers, `spec.execution.steps` and `rollbackSteps`, `template`, `strategy`).
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';

/**
 * Above this size the preview is not built: the parse runs on the extension host's thread after
 * each pause in typing (about 0.3 s per MB on a laptop).
 */
export const MAX_GRAPH_TEXT = 1024 * 1024;
/** Wrappers nested deeper than this are not followed (step groups in step groups in …). */
const MAX_DEPTH = 32;

export type GraphNodeKind = 'stage' | 'step' | 'stepGroup' | 'parallel';

/** Offsets into the text, `start` inclusive, `end` exclusive. */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

export interface TemplateRef {
  readonly ref: string;
  readonly version?: string;
}

export type StrategyKind = 'matrix' | 'repeat' | 'parallelism' | 'runtime';

export interface GraphNode {
  /** Unique within the graph and stable while the structure stays (its position: `0`, `0.2`, `0.r1`). */
  readonly id: string;
  readonly kind: GraphNodeKind;
  readonly identifier?: string;
  readonly name?: string;
  /** Stage or step `type` (absent for templates, groups and parallel blocks). */
  readonly type?: string;
  readonly template?: TemplateRef;
  readonly strategy?: StrategyKind;
  /** In a `rollbackSteps` list (of a stage or a step group). */
  readonly rollback: boolean;
  /**
   * Harness's fully qualified name (`pipeline.stages.s.spec.execution.steps.g.steps.x`), when
   * every identifier on the way is known; execution nodes carry it as `baseFqn`.
   */
  readonly fqn?: string;
  /** The wrapper's YAML (`stage: …`, `step: …`), for reveal and for placing diagnostics. */
  readonly range: SourceRange;
  /** Stage: its execution steps; step group: its steps; parallel: the members. */
  readonly children: readonly GraphNode[];
  /** Stage or step group: its rollback steps. */
  readonly rollbackChildren: readonly GraphNode[];
}

export interface PipelineGraph {
  readonly identifier?: string;
  readonly name?: string;
  readonly orgIdentifier?: string;
  readonly projectIdentifier?: string;
  readonly stages: readonly GraphNode[];
  /** Why the graph is empty or partial (not a pipeline, a YAML syntax error, too large). */
  readonly notice?: string;
}

/** Builds the graph of `text`; never throws. */
export function buildGraph(text: string): PipelineGraph {
  if (text.length > MAX_GRAPH_TEXT)
    return {
      stages: [],
      notice: `This document is too large for a graph preview (${mb(text.length)} MB; the limit is ${mb(MAX_GRAPH_TEXT)} MB).`,
    };
  try {
    return graphOf(text);
  } catch (err) {
    // The yaml parser or a pathological nesting (stack overflow): an empty graph that says so.
    return {
      stages: [],
      notice: `The graph could not be built: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

function mb(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}

function graphOf(text: string): PipelineGraph {
  // Not `toJS`: the tree is walked node by node, so aliases are never expanded (no alias bombs).
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false });
  const syntax = doc.errors.length > 0 ? `YAML error: ${doc.errors[0].message.split('\n')[0]}` : undefined;
  const root = doc.contents;
  if (!isMap(root)) return { stages: [], notice: syntax ?? 'Not a Harness pipeline (no pipeline: key).' };
  let pipeline = get(root, 'pipeline');
  // A pipeline template (`template: {type: Pipeline, spec: {stages: …}}`) has the same shape.
  const template = get(root, 'template');
  if (!isMap(pipeline) && isMap(template) && str(template, 'type') === 'Pipeline') {
    const spec = get(template, 'spec');
    pipeline = isMap(spec) ? spec : undefined;
  }
  if (!isMap(pipeline)) return { stages: [], notice: syntax ?? 'Not a Harness pipeline (no pipeline: key).' };
  const stages = trimRanges(stageList(get(pipeline, 'stages'), '', 0), text);
  return defined({
    identifier: str(pipeline, 'identifier') ?? (isMap(template) ? str(template, 'identifier') : undefined),
    name: str(pipeline, 'name') ?? (isMap(template) ? str(template, 'name') : undefined),
    orgIdentifier: str(pipeline, 'orgIdentifier'),
    projectIdentifier: str(pipeline, 'projectIdentifier'),
    stages,
    notice: syntax ?? (stages.length === 0 ? 'This pipeline has no stages yet.' : undefined),
  });
}

/** `stages:` (or a parallel block's list): `- stage: …` and `- parallel: [- stage: …]`. */
function stageList(seq: Node | undefined | null, prefix: string, depth: number): GraphNode[] {
  if (!isSeq(seq) || depth > MAX_DEPTH) return [];
  const out: GraphNode[] = [];
  seq.items.forEach((item, i) => {
    if (!isMap(item)) return;
    const id = `${prefix}${i}`;
    const stage = get(item, 'stage');
    const parallel = get(item, 'parallel');
    if (isMap(stage)) out.push(stageNode(item, stage, id, depth));
    else if (isSeq(parallel)) out.push(group('parallel', item, id, stageList(parallel, `${id}.`, depth + 1)));
  });
  return out;
}

function stageNode(item: YAMLMap, stage: YAMLMap, id: string, depth: number): GraphNode {
  const identifier = str(stage, 'identifier');
  const fqn = identifier !== undefined ? `pipeline.stages.${identifier}` : undefined;
  const execution = get(get(stage, 'spec'), 'execution');
  const stepsFqn = fqn && `${fqn}.spec.execution.steps`;
  const rollbackFqn = fqn && `${fqn}.spec.execution.rollbackSteps`;
  return defined({
    id,
    kind: 'stage' as const,
    identifier,
    name: str(stage, 'name'),
    type: str(stage, 'type'),
    template: templateOf(stage),
    strategy: strategyOf(stage),
    rollback: false,
    fqn,
    range: rangeOf(item),
    children: stepList(get(execution, 'steps'), `${id}.`, stepsFqn, false, depth + 1),
    rollbackChildren: stepList(get(execution, 'rollbackSteps'), `${id}.r`, rollbackFqn, true, depth + 1),
  });
}

/** `steps:` / `rollbackSteps:`: `- step:`, `- stepGroup:` and `- parallel: [...]`. */
function stepList(
  seq: Node | undefined | null,
  prefix: string,
  parentFqn: string | undefined,
  rollback: boolean,
  depth: number,
): GraphNode[] {
  if (!isSeq(seq) || depth > MAX_DEPTH) return [];
  const out: GraphNode[] = [];
  seq.items.forEach((item, i) => {
    if (!isMap(item)) return;
    const id = `${prefix}${i}`;
    const step = get(item, 'step');
    const stepGroup = get(item, 'stepGroup');
    const parallel = get(item, 'parallel');
    if (isMap(step)) out.push(stepNode(item, step, id, parentFqn, rollback));
    else if (isMap(stepGroup)) out.push(stepGroupNode(item, stepGroup, id, parentFqn, rollback, depth));
    else if (isSeq(parallel)) {
      // A parallel block is no level of its own in the FQN: its members sit beside their siblings.
      const members = stepList(parallel, `${id}.`, parentFqn, rollback, depth + 1);
      out.push({ ...group('parallel', item, id, members), rollback });
    }
  });
  return out;
}

function stepNode(
  item: YAMLMap,
  step: YAMLMap,
  id: string,
  parentFqn: string | undefined,
  rollback: boolean,
): GraphNode {
  const identifier = str(step, 'identifier');
  return defined({
    id,
    kind: 'step' as const,
    identifier,
    name: str(step, 'name'),
    type: str(step, 'type'),
    template: templateOf(step),
    strategy: strategyOf(step),
    rollback,
    fqn: parentFqn && identifier !== undefined ? `${parentFqn}.${identifier}` : undefined,
    range: rangeOf(item),
    children: [],
    rollbackChildren: [],
  });
}

function stepGroupNode(
  item: YAMLMap,
  g: YAMLMap,
  id: string,
  parentFqn: string | undefined,
  rollback: boolean,
  depth: number,
): GraphNode {
  const identifier = str(g, 'identifier');
  const fqn = parentFqn && identifier !== undefined ? `${parentFqn}.${identifier}` : undefined;
  return defined({
    id,
    kind: 'stepGroup' as const,
    identifier,
    name: str(g, 'name'),
    template: templateOf(g),
    strategy: strategyOf(g),
    rollback,
    fqn,
    range: rangeOf(item),
    children: stepList(get(g, 'steps'), `${id}.`, fqn && `${fqn}.steps`, rollback, depth + 1),
    rollbackChildren: stepList(
      get(g, 'rollbackSteps'),
      `${id}.r`,
      fqn && `${fqn}.rollbackSteps`,
      true,
      depth + 1,
    ),
  });
}

function group(kind: 'parallel', item: YAMLMap, id: string, children: GraphNode[]): GraphNode {
  return { id, kind, rollback: false, range: rangeOf(item), children, rollbackChildren: [] };
}

function templateOf(m: YAMLMap): TemplateRef | undefined {
  const t = get(m, 'template');
  if (!isMap(t)) return undefined;
  const ref = str(t, 'templateRef');
  if (ref === undefined) return undefined;
  return defined({ ref, version: str(t, 'versionLabel') });
}

function strategyOf(m: YAMLMap): StrategyKind | undefined {
  const s = get(m, 'strategy');
  if (isScalar(s) && typeof s.value === 'string' && s.value.startsWith('<+input>')) return 'runtime';
  if (!isMap(s)) return undefined;
  for (const kind of ['matrix', 'repeat', 'parallelism'] as const) if (get(s, kind) != null) return kind;
  return undefined;
}

/** The value at `key` of a map (aliases are not followed). */
function get(m: Node | undefined | null, key: string): Node | undefined {
  if (!isMap(m)) return undefined;
  for (const pair of m.items) {
    const k = pair.key;
    if (isScalar(k) && k.value === key) {
      const v = pair.value;
      return v === null || isAlias(v) ? undefined : (v as Node);
    }
  }
  return undefined;
}

/** A scalar value at `key`, as text (numbers and booleans too: `identifier: 123` is still shown). */
function str(m: YAMLMap, key: string): string | undefined {
  const v = get(m, key);
  if (!isScalar(v) || v.value === null || v.value === undefined) return undefined;
  const s = String(v.value);
  return s === '' ? undefined : s;
}

/**
 * Ranges end at the node's last character, not at the line break or blank lines after it: a
 * revealed node's selection ends on its own last line.
 */
function trimRanges(nodes: GraphNode[], text: string): GraphNode[] {
  return nodes.map((n) => {
    let end = n.range.end;
    while (end > n.range.start && /\s/.test(text[end - 1])) end--;
    return {
      ...n,
      range: { start: n.range.start, end },
      children: trimRanges([...n.children], text),
      rollbackChildren: trimRanges([...n.rollbackChildren], text),
    };
  });
}

function rangeOf(n: Node): SourceRange {
  const r = n.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

/** Drops keys whose value is undefined (so tests can compare with deepEqual and optional fields stay absent). */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Every node of the graph, depth first (a node before its children, children before rollback). */
export function allNodes(graph: PipelineGraph): GraphNode[] {
  const out: GraphNode[] = [];
  const walk = (nodes: readonly GraphNode[]) => {
    for (const n of nodes) {
      out.push(n);
      walk(n.children);
      walk(n.rollbackChildren);
    }
  };
  walk(graph.stages);
  return out;
}

/** The node with `id`, if any. */
export function findNode(graph: PipelineGraph, id: string): GraphNode | undefined {
  return allNodes(graph).find((n) => n.id === id);
}
