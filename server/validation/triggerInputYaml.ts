// A trigger's `inputYaml` is a YAML text inside a string: the runtime inputs the trigger starts
// its pipeline with (`pipeline:` with the pipeline identifier and the values of its <+input>
// fields). Harness parses it when the trigger fires, so a broken one fails only then. This check
// parses it now and reports, at their place in the trigger file:
// - its YAML syntax errors and warnings;
// - a root other than `pipeline:`;
// - a `pipeline.identifier` other than the trigger's `pipelineIdentifier`.
//
// Positions: a literal block scalar (`|`), a one-line quoted string and a one-line plain scalar
// map character by character onto the trigger file (escapes included). Folded and multi-line
// flow scalars do not (their line breaks are folded away), so their problems cover the whole
// value and say on which line of the inputs they are.
import type { Document, Node, Scalar, YAMLMap } from 'yaml';
import { isMap, isScalar, mapEntries, mapGet, mapGetPair, scalarString } from '../yaml/ast';
import { parseYaml } from '../yaml/parse';
import { exactScalarMap, type ValueMap } from './scalarOffsets';
import type { ParsedYaml } from '../yaml/types';
import type { SchemaStore } from '../schema/compile';
import { inputSetTargetProblems, type TargetPipeline } from './inputSetTarget';
import { ERROR, WARNING, type Problem } from './problems';
import { SchemaValidator } from './schemaValidate';
import { suggest } from './suggest';

export function triggerInputYamlProblems(
  parsed: ParsedYaml,
  doc: Document,
  check?: TriggerInputChecks,
): Problem[] {
  if (parsed.rootKey !== 'trigger') return [];
  const root = doc.contents as Node | null;
  if (!root || !isMap(root)) return [];
  const trigger = mapGet(root, 'trigger');
  if (!trigger || !isMap(trigger)) return [];
  const input = mapGetPair(trigger, 'inputYaml')?.value;
  // Anything but a string is the schema's to report (it expects a string).
  if (!input || !isScalar(input) || typeof input.value !== 'string' || !input.range) return [];
  const value = input.value;
  if (value.trim() === '') return [];

  const inner = parseYaml(value);
  const map = exactScalarMap(parsed.text, input, value);
  const whole = wholeValue(parsed.text, input);
  const place = (start: number, end: number): [number, number] => {
    if (!map) return whole;
    const s = mapStart(map, start, whole[0]);
    const e = end > start ? mapEnd(map, end, s) : s;
    return [s, Math.max(s, e)];
  };
  /** " (line N of inputYaml)" where the range cannot point at the place itself. */
  const where = (offset: number): string =>
    map ? '' : ` (line ${inner.lines.positionAt(offset).line + 1} of inputYaml)`;

  const out: Problem[] = [];
  for (const d of inner.syntaxDiagnostics) {
    const s = inner.lines.offsetAt(d.range.start);
    const e = inner.lines.offsetAt(d.range.end);
    const [start, end] = place(s, e);
    out.push({
      code: 'trigger-input-yaml-syntax',
      message:
        d.code === 'multi-document'
          ? `inputYaml holds more than one YAML document; it should hold one${where(s)}`
          : `inputYaml: ${d.message}${where(s)}`,
      start,
      end,
      severity: d.severity === 1 ? ERROR : WARNING,
      data: { innerCode: String(d.code ?? '') },
    });
  }
  // Structure is only worth checking in inputs that parse.
  if (out.some((p) => p.severity === ERROR) || !inner.doc) return out;

  const innerRoot = inner.doc.contents as Node | null;
  const at = (node: Node | null | undefined): [number, number] => {
    const r = node?.range ?? [0, value.length];
    return place(r[0], r[1]);
  };
  if (!innerRoot || !isMap(innerRoot)) {
    const [start, end] = at(innerRoot);
    out.push({
      code: 'trigger-input-yaml-root',
      message: `inputYaml must be a map with pipeline: at its root (the pipeline's runtime inputs)${where(innerRoot?.range?.[0] ?? 0)}`,
      start,
      end,
      severity: ERROR,
    });
    return out;
  }
  const entries = mapEntries(innerRoot);
  const pipeline = entries.find((e) => e.key === 'pipeline');
  for (const e of entries) {
    if (e.key === 'pipeline') continue;
    const [start, end] = at(e.keyNode);
    out.push({
      code: 'trigger-input-yaml-root',
      message: pipeline
        ? `inputYaml: "${e.key}" next to pipeline: is not read (Harness reads only pipeline:)${where(e.keyNode.range?.[0] ?? 0)}`
        : `inputYaml's root must be pipeline:, found "${e.key}"${e.key.toLowerCase().startsWith('pipe') || suggest(e.key, ['pipeline']) ? ' (did you mean "pipeline"?)' : ''}${where(e.keyNode.range?.[0] ?? 0)}`,
      start,
      end,
      severity: pipeline ? WARNING : ERROR,
      data: { property: e.key },
    });
  }
  if (!pipeline || !pipeline.value || !isMap(pipeline.value)) return out;

  checkIdentifier(trigger, pipeline.value, at, where, out);
  // Validated like an input set: the partial pipeline against the schema (misspelled keys), and
  // its values against the runtime inputs of the target pipeline when the caller found it.
  const innerProblems = [
    ...(check?.store ? partialPipelineProblems(check.store, inner.doc, pipeline.value) : []),
    ...(check?.target ? inputSetTargetProblems(pipeline.value, check.target) : []),
  ];
  for (const p of innerProblems) {
    const [start, end] = place(p.start, p.end);
    out.push({ ...p, message: `inputYaml: ${p.message}${where(p.start)}`, start, end });
  }
  return out;
}

/** What the inputs are checked against beyond their own shape. */
export interface TriggerInputChecks {
  /** The schema: the inputs' pipeline is validated as a partial pipeline (an input set's). */
  store?: SchemaStore;
  /** The pipeline the trigger starts, when found: values must sit on its runtime inputs. */
  target?: TargetPipeline;
}

const PARTIAL_PIPELINE = {
  $ref: '#/definitions/Pipeline',
  'x-harness-partial': true,
};

function partialPipelineProblems(store: SchemaStore, doc: Document, pipeline: YAMLMap): Problem[] {
  if (!store.resolveRef(PARTIAL_PIPELINE.$ref)) return [];
  return new SchemaValidator(store, doc).validateAt(pipeline, PARTIAL_PIPELINE);
}

function checkIdentifier(
  trigger: YAMLMap,
  pipeline: YAMLMap,
  at: (node: Node | null | undefined) => [number, number],
  where: (offset: number) => string,
  out: Problem[],
): void {
  const idNode = mapGet(pipeline, 'identifier');
  const inputId = scalarString(idNode);
  const expected = scalarString(mapGet(trigger, 'pipelineIdentifier'));
  if (inputId === undefined || expected === undefined) return;
  if (inputId.includes('<+') || expected.includes('<+') || inputId === expected) return;
  const [start, end] = at(idNode);
  out.push({
    code: 'trigger-input-yaml-pipeline',
    message: `inputYaml is for pipeline "${inputId}", but the trigger starts pipeline "${expected}" (pipelineIdentifier)${where(idNode?.range?.[0] ?? 0)}`,
    start,
    end,
    severity: ERROR,
    data: { expected, found: inputId },
  });
}

/** The scalar's source range without the trailing line breaks a block scalar's range takes in. */
function wholeValue(text: string, node: Scalar): [number, number] {
  const [start, valueEnd] = node.range ?? [0, 0];
  let end = valueEnd;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

function mapStart(map: ValueMap, i: number, fallback: number): number {
  const n = map.starts.length;
  if (n === 0) return fallback;
  return i < n ? map.starts[Math.max(0, i)] : map.ends[n - 1];
}

function mapEnd(map: ValueMap, i: number, fallback: number): number {
  const n = map.ends.length;
  if (n === 0 || i <= 0) return fallback;
  return map.ends[Math.min(i, n) - 1];
}
