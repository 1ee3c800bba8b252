// An input set checked against the pipeline it targets. Harness docs ("Input sets and overlays",
// docs/platform/pipelines/input-sets.md): an input set holds values for the pipeline's runtime
// inputs only; when the pipeline changes so that a field is no longer a runtime input (or is
// gone), Harness marks the input set invalid and asks for it to be updated. So each value set
// here must sit where the pipeline has `<+input>` (with `.allowedValues(…)`, one of those).
// Stages, steps and step groups are matched by identifier (parallel blocks flattened),
// variables by name. A node taken from a template is checked against its templateInputs (the
// template's runtime inputs as the pipeline exposes them); without them, not at all.
import type { Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isMap, isScalar, isSeq, mapEntries, mapGet } from '../yaml/ast';
import { parseRuntimeInput } from '../../shared/runtimeInput';
import { ERROR, type Problem } from './problems';

/** The pipeline an input set targets, and where it was found (for messages). */
export interface TargetPipeline {
  /** The `pipeline:` map of the target. */
  pipeline: YAMLMap;
  /** e.g. `.harness/build.yaml` or `the account`. */
  from: string;
}

const WRAPPERS = new Set(['stage', 'step', 'stepGroup']);
/** Keys that name what a value belongs to rather than set it. */
const MATCH_KEYS = new Set(['identifier', 'type']);

const isRuntimeInput = (v: unknown): v is string =>
  typeof v === 'string' && v.trimStart().startsWith('<+input>');

const range = (n: Node | null | undefined): [number, number] => [n?.range?.[0] ?? 0, n?.range?.[1] ?? 0];

const str = (n: Node | null | undefined): string | undefined =>
  n && isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number')
    ? String(n.value)
    : undefined;

/** Values a runtime input accepts (allowedValues, selectOneFrom); undefined when any or dynamic. */
export function allowedValues(input: string): string[] | undefined {
  const values = parseRuntimeInput(input)?.allowedValues;
  return values && !values.some((v) => v.includes('<+') || v.startsWith('jexl(')) ? values : undefined;
}

export function inputSetTargetProblems(inputPipeline: YAMLMap, target: TargetPipeline): Problem[] {
  const out: Problem[] = [];
  const id = str(mapGet(target.pipeline, 'identifier')) ?? '?';
  const where = `pipeline "${id}" (${target.from})`;

  const notInPipeline = (what: string, at: Node | null | undefined) => {
    const [start, end] = range(at);
    out.push({
      code: 'input-not-in-pipeline',
      message: `${what} is not in ${where}: an input set can only set the pipeline's runtime inputs`,
      start,
      end,
      severity: ERROR,
    });
  };

  const compare = (
    input: Node | null | undefined,
    pipe: Node | null | undefined,
    label: string,
    keyNode?: Node,
  ) => {
    if (!input) return;
    if (pipe === undefined) return notInPipeline(label, keyNode ?? input);
    if (pipe && isScalar(pipe) && isRuntimeInput(pipe.value)) {
      const allowed = allowedValues(pipe.value);
      const v = str(input);
      if (allowed && v !== undefined && !v.includes('<+') && !allowed.includes(v)) {
        const [start, end] = range(input);
        out.push({
          code: 'input-not-allowed',
          message: `"${v}" is not an allowed value of ${label} in ${where}: expected one of ${allowed.join(', ')}`,
          start,
          end,
          severity: ERROR,
          data: { values: allowed },
        });
      }
      return;
    }
    if (isMap(input) && pipe && isMap(pipe)) {
      // A node taken from a template lists the template's runtime inputs under
      // template.templateInputs; without that list they cannot be known here.
      const tpl = mapGet(pipe, 'template');
      if (tpl !== undefined && !(tpl && isMap(tpl) && mapGet(tpl, 'templateInputs') !== undefined)) return;
      for (const e of mapEntries(input)) {
        if (MATCH_KEYS.has(e.key)) continue;
        compare(e.value, mapGet(pipe, e.key), `"${e.key}"`, e.keyNode);
      }
      return;
    }
    if (isSeq(input) && pipe && isSeq(pipe)) return compareList(input, pipe, label);
    if (isScalar(input) && isRuntimeInput((input as Scalar).value)) return;
    const [start, end] = range(keyNode ?? input);
    const fixed = pipe && isScalar(pipe) ? ` (it is ${JSON.stringify(pipe.value)} there)` : '';
    out.push({
      code: 'input-not-runtime',
      message: `${label} is not a runtime input in ${where}${fixed}: an input set can only set values that are <+input> in the pipeline`,
      start,
      end,
      severity: ERROR,
    });
  };

  /** Lists of stages, steps or step groups (by identifier) and of variables (by name). */
  const compareList = (input: YAMLSeq, pipe: YAMLSeq, label: string) => {
    const byId = new Map<string, Node>();
    const byName = new Map<string, YAMLMap>();
    const index = (items: unknown[]) => {
      for (const item of items) {
        if (!item || !isMap(item as Node)) continue;
        const m = item as YAMLMap;
        for (const e of mapEntries(m)) {
          if (e.key === 'parallel' && e.value && isSeq(e.value)) index(e.value.items);
          else if (WRAPPERS.has(e.key) && e.value && isMap(e.value)) {
            const wid = str(mapGet(e.value, 'identifier'));
            if (wid !== undefined) byId.set(`${e.key}\u0000${wid}`, e.value);
          }
        }
        const name = str(mapGet(m, 'name'));
        if (name !== undefined) byName.set(name, m);
      }
    };
    index(pipe.items);
    const visit = (items: unknown[]) => {
      for (const item of items) {
        if (!item || !isMap(item as Node)) continue;
        const m = item as YAMLMap;
        const entries = mapEntries(m);
        const wrapper = entries.find((e) => WRAPPERS.has(e.key) || e.key === 'parallel');
        if (wrapper) {
          if (wrapper.key === 'parallel') {
            if (wrapper.value && isSeq(wrapper.value)) visit(wrapper.value.items);
            continue;
          }
          if (!wrapper.value || !isMap(wrapper.value)) continue;
          const idNode = mapGet(wrapper.value, 'identifier');
          const wid = str(idNode);
          if (wid === undefined) continue;
          const match = byId.get(`${wrapper.key}\u0000${wid}`);
          if (!match) notInPipeline(`${wrapper.key} "${wid}"`, idNode);
          else compare(wrapper.value, match, `${wrapper.key} "${wid}"`);
          continue;
        }
        const nameNode = mapGet(m, 'name');
        const name = str(nameNode);
        if (name === undefined) continue;
        const match = byName.get(name);
        if (!match) notInPipeline(`variable "${name}"`, nameNode);
        else
          for (const e of entries)
            if (e.key !== 'name' && e.key !== 'type')
              compare(e.value, mapGet(match, e.key), `variable "${name}"`, e.keyNode);
      }
    };
    // A list the pipeline fixes (delegate selectors, a list value) cannot be set by an input set.
    const structured = pipe.items.some((i) => i && isMap(i as Node));
    if (!structured && pipe.items.length > 0) {
      const [start, end] = range(input);
      out.push({
        code: 'input-not-runtime',
        message: `${label} is not a runtime input in ${where}: an input set can only set values that are <+input> in the pipeline`,
        start,
        end,
        severity: ERROR,
      });
      return;
    }
    visit(input.items);
  };

  for (const e of mapEntries(inputPipeline)) {
    if (MATCH_KEYS.has(e.key)) continue;
    compare(e.value, mapGet(target.pipeline, e.key), `"${e.key}"`, e.keyNode);
  }
  return out;
}
