// The entity tree of a Harness document: pipeline → stages → steps, with step groups and
// parallel blocks, and the variables each level declares; for the other kinds (trigger,
// service, environment …) the entity with its type and, for services, its manifests and
// artifact sources. Symbols, go-to-definition and expression completion all read this one walk.
import type { Document, Node } from 'yaml';
import { HARNESS_ROOT_KEYS, type HarnessRootKey } from '../../shared/protocol';
import { derive, type ParsedYaml } from '../yaml/types';
import { mapItems, pairOf, rangeOf, seqItems, stringOf, valueOf, type YNode } from './nodes';

export type EntityKind =
  | 'pipeline'
  | 'template'
  | 'inputSet'
  | 'overlayInputSet'
  | 'trigger'
  | 'service'
  | 'environment'
  | 'infrastructureDefinition'
  | 'connector'
  | 'secret'
  | 'manifest'
  | 'artifact'
  | 'stage'
  | 'step'
  | 'stepGroup'
  | 'parallel';

/** Root kinds whose outline is the entity itself (with a type), not a stage tree. */
const FLAT_ROOTS = HARNESS_ROOT_KEYS.filter(
  (k): k is Exclude<HarnessRootKey, 'pipeline' | 'template' | 'inputSet'> =>
    k !== 'pipeline' && k !== 'template' && k !== 'inputSet',
);

export interface Variable {
  name: string;
  type?: string;
  /** Offsets of the whole variable entry and of its name value. */
  range: [number, number];
  nameRange: [number, number];
}

export interface Entity {
  kind: EntityKind;
  name?: string;
  identifier?: string;
  type?: string;
  /** The node holding the entity (the map under `stage:`/`step:`, or the parallel sequence). */
  range: [number, number];
  /** Where the entity is named: its identifier value, else its key. */
  selectionRange: [number, number];
  children: Entity[];
  variables: Variable[];
  /** Output variable names a step declares (Run/ShellScript `outputVariables`). */
  outputs: string[];
  /** The enclosing stage, for steps. */
  stage?: Entity;
}

function variablesOf(list: YNode): Variable[] {
  const out: Variable[] = [];
  for (const item of seqItems(list)) {
    const name = stringOf(item, 'name');
    const range = rangeOf(item);
    const nameRange = rangeOf(valueOf(item, 'name'));
    if (name && range && nameRange) out.push({ name, type: stringOf(item, 'type'), range, nameRange });
  }
  return out;
}

function outputsOf(spec: YNode): string[] {
  const names: string[] = [];
  for (const item of seqItems(valueOf(spec, 'outputVariables'))) {
    const n = stringOf(item, 'name');
    if (n) names.push(n);
  }
  return names;
}

function entity(kind: EntityKind, keyNode: YNode, body: YNode): Entity | undefined {
  const range = rangeOf(body) ?? rangeOf(keyNode);
  if (!range) return undefined;
  const idNode = valueOf(body, 'identifier');
  return {
    kind,
    name: stringOf(body, 'name'),
    identifier: stringOf(body, 'identifier'),
    type: stringOf(body, 'type') ?? (valueOf(body, 'template') ? 'Template' : undefined),
    range,
    selectionRange: rangeOf(idNode) ?? rangeOf(keyNode) ?? range,
    children: [],
    variables: [],
    outputs: [],
  };
}

/** Steps under an `execution`-like map: `steps` and `rollbackSteps`. */
function stepsOf(list: YNode, stage: Entity | undefined, depth: number): Entity[] {
  const out: Entity[] = [];
  if (depth > 50) return out;
  for (const item of seqItems(list)) {
    for (const pair of mapItems(item)) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
      if (key === 'step') {
        const e = entity('step', pair.key, pair.value);
        if (!e) continue;
        e.stage = stage;
        e.outputs = outputsOf(valueOf(pair.value, 'spec'));
        out.push(e);
      } else if (key === 'stepGroup') {
        const e = entity('stepGroup', pair.key, pair.value);
        if (!e) continue;
        e.stage = stage;
        e.children = stepsOf(valueOf(pair.value, 'steps'), stage, depth + 1);
        out.push(e);
      } else if (key === 'parallel') {
        const e = entity('parallel', pair.key, pair.value);
        if (!e) continue;
        e.name = 'parallel';
        e.stage = stage;
        e.children = stepsOf(pair.value, stage, depth + 1);
        out.push(e);
      }
    }
  }
  return out;
}

function stagesOf(list: YNode, depth: number): Entity[] {
  const out: Entity[] = [];
  if (depth > 20) return out;
  for (const item of seqItems(list)) {
    for (const pair of mapItems(item)) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
      if (key === 'stage') {
        const e = entity('stage', pair.key, pair.value);
        if (!e) continue;
        e.variables = variablesOf(valueOf(pair.value, 'variables'));
        const execution = valueOf(valueOf(pair.value, 'spec'), 'execution');
        e.children = [
          ...stepsOf(valueOf(execution, 'steps'), e, 0),
          ...stepsOf(valueOf(execution, 'rollbackSteps'), e, 0),
        ];
        out.push(e);
      } else if (key === 'parallel') {
        const e = entity('parallel', pair.key, pair.value);
        if (!e) continue;
        e.name = 'parallel';
        e.children = stagesOf(pair.value, depth + 1);
        out.push(e);
      }
    }
  }
  return out;
}

const OUTLINE = Symbol('outline');

/**
 * The entity tree of a document, or undefined when its root is not a Harness entity. Kept on
 * the parse (the engine parses once per version), so hover/completion/definition share one walk.
 */
export function outlineOf(parsed: ParsedYaml): Entity | undefined {
  const doc = parsed.doc;
  return doc ? derive(parsed, OUTLINE, () => buildOutline(doc)) : undefined;
}

/** A service's manifests and artifact sources (primary sources and sidecars), in file order. */
function servicePartsOf(definitionSpec: YNode): Entity[] {
  const out: Entity[] = [];
  const add = (kind: EntityKind, key: string, list: YNode) => {
    for (const item of seqItems(list)) {
      const pair = pairOf(item, key);
      const e = pair && entity(kind, pair.key, pair.value);
      if (e) out.push(e);
    }
  };
  add('manifest', 'manifest', valueOf(definitionSpec, 'manifests'));
  const artifacts = valueOf(definitionSpec, 'artifacts');
  for (const item of seqItems(valueOf(valueOf(artifacts, 'primary'), 'sources'))) {
    const e = entity('artifact', item, item);
    if (e) out.push(e);
  }
  add('artifact', 'sidecar', valueOf(artifacts, 'sidecars'));
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

/** The outline of a root that is not a pipeline, template or input set. */
function flatEntity(kind: (typeof FLAT_ROOTS)[number], keyNode: YNode, body: YNode): Entity | undefined {
  const top = entity(kind, keyNode, body);
  if (!top) return undefined;
  if (kind === 'trigger') {
    const source = valueOf(body, 'source');
    top.type = [stringOf(source, 'type'), stringOf(valueOf(source, 'spec'), 'type')]
      .filter(Boolean)
      .join(' / ');
  } else if (kind === 'service') {
    const definition = valueOf(body, 'serviceDefinition');
    top.type = stringOf(definition, 'type');
    top.children = servicePartsOf(valueOf(definition, 'spec'));
  }
  top.variables = variablesOf(valueOf(body, 'variables'));
  return top;
}

function buildOutline(doc: Document): Entity | undefined {
  const root = doc.contents as Node | null | undefined;
  for (const kind of FLAT_ROOTS) {
    const pair = pairOf(root, kind);
    if (pair) return flatEntity(kind, pair.key, pair.value);
  }
  for (const kind of ['pipeline', 'template', 'inputSet'] as const) {
    const pair = pairOf(root, kind);
    if (!pair) continue;
    const top = entity(kind, pair.key, pair.value);
    if (!top) return undefined;
    if (kind === 'template') {
      // A template wraps a pipeline, stage, stepGroup or step under `spec`.
      const spec = valueOf(pair.value, 'spec');
      top.variables = variablesOf(valueOf(spec, 'variables'));
      top.children = stagesOf(valueOf(spec, 'stages'), 0);
      const execution = valueOf(valueOf(spec, 'spec'), 'execution') ?? valueOf(spec, 'execution');
      if (top.children.length === 0 && execution)
        top.children = stepsOf(valueOf(execution, 'steps'), undefined, 0);
      if (top.children.length === 0) top.children = stepsOf(valueOf(spec, 'steps'), undefined, 0);
      return top;
    }
    const body = kind === 'inputSet' ? valueOf(pair.value, 'pipeline') : pair.value;
    top.variables = variablesOf(valueOf(body, 'variables'));
    top.children = stagesOf(valueOf(body, 'stages'), 0);
    return top;
  }
  return undefined;
}

/** Every entity of the tree, depth first. */
export function* walkEntities(root: Entity | undefined): Generator<Entity> {
  if (!root) return;
  const stack: Entity[] = [root];
  while (stack.length) {
    const e = stack.pop() as Entity;
    yield e;
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
}

/** The innermost stage whose range contains `offset`. */
export function stageAt(root: Entity | undefined, offset: number): Entity | undefined {
  let found: Entity | undefined;
  for (const e of walkEntities(root)) {
    if (e.kind === 'stage' && e.range[0] <= offset && offset <= e.range[1]) found = e;
  }
  return found;
}
