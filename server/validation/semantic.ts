// Checks the schema cannot express: expression syntax, duplicate identifiers, identifier /
// name / timeout rules, Deployment failureStrategies, `when` statuses, `strategy` shape,
// template references, undeclared variables and (through a provider) account references.
//
// Identifier namespaces follow Harness's fully qualified names: stages are unique across the
// pipeline (parallel blocks included); steps and step groups are unique within one steps list
// and its parallel blocks; a step group's steps are a namespace of their own (their names go
// through the group's identifier), and so is each `rollbackSteps` list.
import type { Document, Node, Scalar, YAMLMap } from 'yaml';
import { mapEntries, mapGet, mapGetPair, scalarString, isAlias, isMap, isScalar, isSeq } from '../yaml/ast';
import type { ParsedYaml } from '../yaml/types';
import { ERROR, WARNING, type Problem } from './problems';
import { scanExpressions, variableRefs } from './expressions';
import { scalarOffsetMapper } from './scalarOffsets';
import { suggest } from './suggest';
import { PIPELINE_IDENTIFIER_PATTERN, RESERVED_IDENTIFIERS } from '../../shared/identifiers';

export const IDENTIFIER_PATTERN = PIPELINE_IDENTIFIER_PATTERN;
export const NAME_PATTERN = /^[a-zA-Z_0-9-.][-0-9a-zA-Z_\s.]{0,127}$/;
export const VARIABLE_NAME_PATTERN = /^[a-zA-Z_][0-9a-zA-Z_.$-]{0,127}$/;
export const TIMEOUT_PATTERN = /^(?:\d+(?:ms|[smhdw])\s*)+$/;
export const TEMPLATE_REF_PATTERN = /^(?:account\.|org\.)?[a-zA-Z_][0-9a-zA-Z_$]{0,127}$/;
export const VERSION_LABEL_PATTERN = /^[0-9a-zA-Z][^\s/&]{0,63}$/;
export { RESERVED_IDENTIFIERS };

export function isValidTimeout(v: string): boolean {
  const t = v.trim();
  return t === '' || t.includes('<+') || TIMEOUT_PATTERN.test(t);
}

type Owner = 'pipeline' | 'stage' | 'step' | 'stepGroup' | 'other';

interface Scope {
  pipelineVars?: Set<string>;
  stageVars?: Set<string>;
}

export function semanticChecks(parsed: ParsedYaml, doc: Document): Problem[] {
  const out: Problem[] = [];
  const root = doc.contents as Node | null;
  if (!root || !isMap(root)) return out;
  const text = parsed.text;

  checkRoot(root, parsed.rootKey, out);
  const scope: Scope = {};
  const pipeline = mapGet(root, 'pipeline');
  if (pipeline && isMap(pipeline) && mapGet(pipeline, 'template') === undefined)
    scope.pipelineVars = variableNames(pipeline);

  // Generic walk: every map and scalar once (aliases are not followed: their anchors are walked).
  // Inside runtime-input overrides (`templateInputs`, a chained pipeline's `inputs`, input
  // sets) entities are partial, so only expressions are checked there.
  const partialRoot = parsed.rootKey === 'inputSet';
  const walk = (
    node: Node | null | undefined,
    owner: Owner,
    key: string | undefined,
    sc: Scope,
    depth: number,
    partial = partialRoot,
    keyRange?: [number, number],
  ): void => {
    if (!node || depth > 300 || isAlias(node)) return;
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.value.includes('<+'))
        checkExpressions(text, node, node.value, sc, out);
      return;
    }
    if (isSeq(node)) {
      for (const item of node.items)
        walk(item as Node, key === 'variables' ? 'other' : owner, key, sc, depth + 1, partial);
      if (key === 'variables' && !partial)
        for (const item of node.items) if (isMap(item as Node)) checkVariableName(item as YAMLMap, out);
      return;
    }
    if (!isMap(node)) return;
    const kind: Owner =
      key === 'pipeline' || key === 'stage' || key === 'step' || key === 'stepGroup' ? key : 'other';
    let inner = sc;
    if (kind === 'stage') {
      inner = {
        ...sc,
        stageVars: mapGet(node, 'template') === undefined && !partial ? variableNames(node) : undefined,
      };
      // A chained pipeline stage's expressions talk about the child pipeline's variables.
      if (scalarString(mapGet(node, 'type')) === 'Pipeline') inner.pipelineVars = undefined;
    }
    if (kind !== 'other' && !partial) checkEntity(node, kind, keyRange, out);
    for (const e of mapEntries(node)) {
      const v = e.value;
      if (e.key === 'templateRef' || e.key === 'versionLabel') checkTemplateField(e.key, v, out);
      // Timeouts Harness reads: of a pipeline, stage, step group or step, of a manual start
      // (runMode) and of a manual intervention. A `timeout` key elsewhere (a plugin's settings,
      // environment variables, a spec the bundled schema does not know) is someone else's value.
      if (e.key === 'timeout' && (kind !== 'other' || key === 'runMode')) checkTimeout(v, out);
      if (e.key === 'spec' && v && isMap(v) && scalarString(mapGet(node, 'type')) === 'ManualIntervention')
        checkTimeout(mapGet(v, 'timeout'), out);
      const childPartial = partial || e.key === 'inputs' || e.key.endsWith('Inputs');
      const childScope = childPartial && !partial ? { ...inner, stageVars: undefined } : inner;
      walk(
        v,
        kind === 'other' ? owner : kind,
        e.key,
        childScope,
        depth + 1,
        childPartial,
        e.keyNode.range ? [e.keyNode.range[0], e.keyNode.range[1]] : undefined,
      );
    }
  };
  walk(root, 'other', undefined, scope, 0);

  // Structure: identifier uniqueness.
  if (pipeline && isMap(pipeline)) checkStages(mapGet(pipeline, 'stages'), out);
  const template = mapGet(root, 'template');
  if (template && isMap(template)) {
    const spec = mapGet(template, 'spec');
    const type = scalarString(mapGet(template, 'type'));
    if (spec && isMap(spec)) {
      if (type === 'Pipeline') checkStages(mapGet(spec, 'stages'), out);
      else if (type === 'Stage') checkStageSteps(spec, out);
      else if (type === 'StepGroup') {
        collectSteps(mapGet(spec, 'steps'), new Map(), out);
        collectSteps(mapGet(spec, 'rollbackSteps'), new Map(), out);
      }
    }
  }
  return out;
}

/**
 * A Harness file has one root key (`pipeline:`, `template:` …) and everything under it. Harness
 * refuses a file with anything else at its root. The usual way to get there is a paste that lost
 * its indentation: `pipeline:` left empty with `name:`, `stages:` … at the root beside it.
 */
function checkRoot(root: YAMLMap, rootKey: string | undefined, out: Problem[]): void {
  if (!rootKey) return;
  const entries = mapEntries(root);
  const main = entries.find((e) => e.key === rootKey);
  const others = entries.filter((e) => e.key !== rootKey);
  if (!main || others.length === 0) return;
  const empty = main.value === null || (isScalar(main.value) && (main.value.value ?? '') === '');
  if (empty) {
    const names = others.map((e) => e.key);
    out.push(
      problemAt(
        main.keyNode.range,
        'misplaced-root-key',
        `"${rootKey}:" is empty and ${names.length === 1 ? 'its key' : `${names.length} of its keys`} (${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}) ${names.length === 1 ? 'is' : 'are'} at the root: indent ${names.length === 1 ? 'it' : 'them'} under "${rootKey}:"`,
        // The quick fix indents every line after the root key by two spaces.
        { root: rootKey, indentAfter: main.keyNode.range?.[0] ?? 0 },
      ),
    );
  }
  for (const e of others)
    out.push(
      problemAt(
        e.keyNode.range,
        'misplaced-root-key',
        empty
          ? `"${e.key}" belongs under "${rootKey}:" (indent it)`
          : `Unknown root key "${e.key}": a Harness file has only "${rootKey}:" at its root, and Harness refuses anything beside it`,
        empty && (main.keyNode.range?.[0] ?? 0) < (e.keyNode.range?.[0] ?? 0)
          ? { property: e.key, root: rootKey, indentAfter: main.keyNode.range?.[0] ?? 0 }
          : { property: e.key, root: rootKey },
      ),
    );
}

function variableNames(map: YAMLMap): Set<string> {
  const names = new Set<string>();
  const vars = mapGet(map, 'variables');
  if (vars && isSeq(vars)) {
    for (const item of vars.items) {
      if (isMap(item as Node)) {
        const n = scalarString(mapGet(item as YAMLMap, 'name'));
        if (n) names.add(n);
      }
    }
  }
  return names;
}

function checkExpressions(text: string, node: Scalar, value: string, sc: Scope, out: Problem[]): void {
  const at = scalarOffsetMapper(text, node, value);
  const spans = scanExpressions(value, at, out);
  for (const span of spans) {
    const body = span.inner.trim();
    for (const ref of variableRefs(body)) {
      const declared = ref.scope === 'pipeline' ? sc.pipelineVars : sc.stageVars;
      if (!declared || declared.has(ref.name)) continue;
      const bodyStart = value.indexOf(body, span.start);
      const s = bodyStart + ref.index;
      const len = `${ref.scope}.variables.${ref.name}`.length;
      const hint = suggest(ref.name, declared);
      out.push({
        code: 'unknown-variable',
        message: `No ${ref.scope} variable "${ref.name}" is declared in this ${ref.scope === 'pipeline' ? 'pipeline' : 'stage'}${hint ? ` — did you mean "${hint}"?` : ''}`,
        start: at(s),
        end: at(s + len - 1) + 1,
        severity: WARNING,
        // The quick fix replaces the whole reference (the range covers scope.variables.name).
        data: hint
          ? { scope: ref.scope, name: ref.name, suggestion: `${ref.scope}.variables.${hint}` }
          : { scope: ref.scope, name: ref.name },
      });
    }
  }
}

/** The rules every pipeline, stage and step has beyond the schema, each a named check. */
function checkEntity(
  node: YAMLMap,
  kind: Owner,
  keyRange: [number, number] | undefined,
  out: Problem[],
): void {
  checkIdentifier(node, out);
  checkName(node, out);
  if (kind === 'stage') checkDeploymentFailureStrategies(node, keyRange, out);
  if (kind !== 'pipeline') checkWhen(node, kind, out);
  checkStrategy(node, out);
}

function problemAt(
  range: readonly number[] | null | undefined,
  code: string,
  message: string,
  data?: Problem['data'],
): Problem {
  const r = range ?? [0, 0];
  return { code, message, start: r[0], end: r[1], severity: ERROR, ...(data ? { data } : {}) };
}

/** Harness's identifier rule and reserved words (expressions are not checked). */
function checkIdentifier(node: YAMLMap, out: Problem[]): void {
  const id = mapGetPair(node, 'identifier');
  const value = id?.value;
  if (!value || !isScalar(value) || (typeof value.value !== 'string' && typeof value.value !== 'number'))
    return;
  const v = String(value.value);
  if (v.includes('<+')) return;
  if (!IDENTIFIER_PATTERN.test(v)) {
    out.push(
      problemAt(
        value.range,
        'invalid-identifier',
        `Identifier "${v}" is invalid: it must start with a letter or "_" and contain only letters, digits and "_" (at most 128 characters)`,
        { suggestion: suggestIdentifier(v) },
      ),
    );
  } else if (RESERVED_IDENTIFIERS.has(v)) {
    out.push(
      problemAt(
        value.range,
        'invalid-identifier',
        `"${v}" is a reserved word and cannot be used as an identifier`,
      ),
    );
  }
}

/** Names: at most 128 characters of letters, digits, spaces, "-", "_" and ".". */
function checkName(node: YAMLMap, out: Problem[]): void {
  const value = mapGetPair(node, 'name')?.value;
  if (!value || !isScalar(value) || typeof value.value !== 'string' || value.value.includes('<+')) return;
  const v = value.value;
  if (v.length > 128) out.push(problemAt(value.range, 'invalid-name', `Name is longer than 128 characters`));
  else if (!NAME_PATTERN.test(v))
    out.push(
      problemAt(
        value.range,
        'invalid-name',
        `Name "${v}" may only contain letters, digits, spaces, "-", "_" and "."`,
      ),
    );
}

/** A Deployment stage (not a template use) needs failureStrategies. */
function checkDeploymentFailureStrategies(
  node: YAMLMap,
  keyRange: [number, number] | undefined,
  out: Problem[],
): void {
  if (mapGet(node, 'template') !== undefined) return;
  if (scalarString(mapGet(node, 'type')) !== 'Deployment' || mapGet(node, 'failureStrategies') !== undefined)
    return;
  out.push(
    problemAt(
      keyRange ?? mapEntries(node)[0]?.keyNode.range ?? node.range,
      'missing-required',
      'Missing required property "failureStrategies" in stage',
      { missing: ['failureStrategies'] },
    ),
  );
}

/** A stage's `when` needs pipelineStatus, a step's stageStatus. */
function checkWhen(node: YAMLMap, kind: Owner, out: Problem[]): void {
  const when = mapGetPair(node, 'when');
  if (!when?.value || !isMap(when.value)) return;
  const needed = kind === 'stage' ? 'pipelineStatus' : 'stageStatus';
  if (mapGet(when.value, needed) !== undefined) return;
  out.push(
    problemAt(when.keyNode.range, 'missing-required', `Missing required property "${needed}" in when`, {
      missing: [needed],
    }),
  );
}

/** A looping strategy has exactly one of matrix, parallelism and repeat. */
function checkStrategy(node: YAMLMap, out: Problem[]): void {
  const strategy = mapGetPair(node, 'strategy');
  if (!strategy?.value || !isMap(strategy.value)) return;
  const kinds = mapEntries(strategy.value).filter(
    (e) => e.key === 'matrix' || e.key === 'parallelism' || e.key === 'repeat',
  );
  if (kinds.length === 0) {
    out.push(
      problemAt(
        strategy.keyNode.range,
        'invalid-strategy',
        'A strategy needs exactly one of "matrix", "parallelism" or "repeat"',
      ),
    );
    return;
  }
  for (const extra of kinds.slice(1))
    out.push(
      problemAt(
        extra.keyNode.range,
        'invalid-strategy',
        `A strategy has exactly one of "matrix", "parallelism" or "repeat"; "${kinds[0].key}" is already set`,
      ),
    );
}

function suggestIdentifier(v: string): string {
  let s = v.replace(/[^0-9a-zA-Z_]/g, '_');
  if (!/^[a-zA-Z_]/.test(s)) s = `_${s}`;
  return s.slice(0, 128);
}

function checkVariableName(item: YAMLMap, out: Problem[]): void {
  const name = mapGet(item, 'name');
  if (!name || !isScalar(name) || typeof name.value !== 'string' || name.value.includes('<+')) return;
  if (!VARIABLE_NAME_PATTERN.test(name.value)) {
    const r = name.range ?? [0, 0];
    out.push({
      code: 'invalid-name',
      message: `Variable name "${name.value}" must start with a letter or "_" and contain only letters, digits, "_", ".", "$" and "-"`,
      start: r[0],
      end: r[1],
      severity: ERROR,
    });
  }
}

function checkTimeout(v: Node | null | undefined, out: Problem[]): void {
  if (!v || !isScalar(v) || (typeof v.value !== 'string' && typeof v.value !== 'number')) return;
  const s = String(v.value);
  if (isValidTimeout(s)) return;
  const r = v.range ?? [0, 0];
  const fixed = timeoutSuggestion(s);
  out.push({
    code: 'invalid-timeout',
    message: `"${s}" is not a valid timeout: use a number and a unit (s, m, h, d, w), e.g. 10m, 1h 30m, 1d${fixed ? ` — did you mean "${fixed}"?` : ''}`,
    start: r[0],
    end: r[1],
    severity: ERROR,
    ...(fixed ? { data: { suggestion: fixed } } : {}),
  });
}

const UNIT_WORDS: Readonly<Record<string, string>> = {
  ms: 'ms',
  millisecond: 'ms',
  milliseconds: 'ms',
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  week: 'w',
  weeks: 'w',
};

/**
 * The timeout Harness's grammar accepts for a duration written in words or with spaces
 * (`10 minutes` → `10m`, `1 hour 30 mins` → `1h 30m`, `10M` → `10m`); undefined when the text is
 * not a sequence of numbers and units.
 */
export function timeoutSuggestion(text: string): string | undefined {
  const parts: string[] = [];
  const re = /\s*(\d+)\s*([a-zA-Z]+)\s*,?(?:\s*and\b)?/gy;
  let end = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const unit = UNIT_WORDS[m[2].toLowerCase()];
    if (!unit) return undefined;
    parts.push(`${m[1]}${unit}`);
    end = re.lastIndex;
  }
  if (parts.length === 0 || text.slice(end).trim() !== '') return undefined;
  const fixed = parts.join(' ');
  return fixed !== text && TIMEOUT_PATTERN.test(fixed) ? fixed : undefined;
}

function checkTemplateField(key: string, v: Node | null, out: Problem[]): void {
  if (!v || !isScalar(v)) return;
  const s = v.value === null || v.value === undefined ? '' : String(v.value);
  if (s === '' || s.includes('<+')) return;
  const r = v.range ?? [0, 0];
  if (key === 'templateRef' && !TEMPLATE_REF_PATTERN.test(s))
    out.push({
      code: 'invalid-template-ref',
      message: `Template reference "${s}" must be an identifier, optionally prefixed with "org." or "account."`,
      start: r[0],
      end: r[1],
      severity: ERROR,
    });
  if (key === 'versionLabel' && !VERSION_LABEL_PATTERN.test(s))
    out.push({
      code: 'invalid-template-ref',
      message: `Version label "${s}" must start with a letter or digit and contain no spaces, "/" or "&" (at most 64 characters)`,
      start: r[0],
      end: r[1],
      severity: ERROR,
    });
}

/** Duplicate identifiers among the pipeline's stages (parallel blocks included), then each stage's steps. */
function checkStages(stages: Node | null | undefined, out: Problem[]): void {
  if (!stages || !isSeq(stages)) return;
  const seen = new Map<string, Scalar>();
  const visitStage = (stage: Node | null | undefined) => {
    if (!stage || !isMap(stage)) return;
    duplicate(stage, seen, 'stage', out);
    checkStageSteps(mapGet(stage, 'spec'), out);
  };
  for (const item of stages.items) {
    if (!isMap(item as Node)) continue;
    visitStage(mapGet(item as YAMLMap, 'stage'));
    const par = mapGet(item as YAMLMap, 'parallel');
    if (par && isSeq(par))
      for (const p of par.items) if (isMap(p as Node)) visitStage(mapGet(p as YAMLMap, 'stage'));
  }
}

/**
 * Identifiers must be unique where Harness's fully qualified names would collide: a step's name
 * is `…execution.steps.<id>`, and a step inside a step group is `….steps.<group>.steps.<id>`
 * (the group's identifier is part of it; a parallel block adds nothing). So each steps list of a
 * stage or step group is a namespace, with its parallel blocks, and `rollbackSteps` are another.
 */
function checkStageSteps(spec: Node | null | undefined, out: Problem[]): void {
  if (!spec || !isMap(spec)) return;
  const execution = mapGet(spec, 'execution');
  if (!execution || !isMap(execution)) return;
  collectSteps(mapGet(execution, 'steps'), new Map(), out);
  collectSteps(mapGet(execution, 'rollbackSteps'), new Map(), out);
}

function collectSteps(list: Node | null | undefined, ns: Map<string, Scalar>, out: Problem[]): void {
  if (!list || !isSeq(list)) return;
  for (const item of list.items) {
    if (!isMap(item as Node)) continue;
    const m = item as YAMLMap;
    const step = mapGet(m, 'step');
    if (step && isMap(step)) duplicate(step, ns, 'step', out);
    const group = mapGet(m, 'stepGroup');
    if (group && isMap(group)) {
      duplicate(group, ns, 'step group', out);
      collectSteps(mapGet(group, 'steps'), new Map(), out);
      collectSteps(mapGet(group, 'rollbackSteps'), new Map(), out);
    }
    const par = mapGet(m, 'parallel');
    if (par) collectSteps(par, ns, out);
  }
}

function duplicate(entity: YAMLMap, seen: Map<string, Scalar>, what: string, out: Problem[]): void {
  const id = mapGet(entity, 'identifier');
  if (!id || !isScalar(id) || id.value === null || id.value === undefined) return;
  const v = String(id.value);
  if (v.includes('<+')) return;
  const first = seen.get(v);
  if (!first) {
    seen.set(v, id);
    return;
  }
  const r = id.range ?? [0, 0];
  out.push({
    code: 'duplicate-identifier',
    message: `Duplicate ${what} identifier "${v}": identifiers must be unique${what === 'stage' ? " among the pipeline's stages" : ' within the same steps list (a step group has its own)'}`,
    start: r[0],
    end: r[1],
    severity: ERROR,
    data: { identifier: v, firstOffset: first.range?.[0] ?? 0 },
  });
}
