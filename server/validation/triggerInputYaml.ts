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
import type { ParsedYaml } from '../yaml/types';
import type { SchemaStore } from '../schema/compile';
import { inputSetTargetProblems, type TargetPipeline } from './inputSetTarget';
import { ERROR, WARNING, type Problem } from './problems';
import { SchemaValidator } from './schemaValidate';
import { suggest } from './suggest';

/** Offsets in the trigger file of each character of the string value: [start, end) per character. */
interface ValueMap {
  starts: Int32Array;
  ends: Int32Array;
}

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
  const map = valueMap(parsed.text, input, value);
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

/** Where each character of `value` is in the source, or undefined when that cannot be exact. */
function valueMap(text: string, node: Scalar, value: string): ValueMap | undefined {
  const [start, end] = node.range ?? [0, 0];
  switch (node.type) {
    case 'BLOCK_LITERAL':
      return literalMap(text, start, end, value);
    case 'QUOTE_SINGLE':
    case 'QUOTE_DOUBLE':
      return quotedMap(text, start, end, value, node.type === 'QUOTE_DOUBLE');
    case 'PLAIN':
    default:
      return text.slice(start, end) === value ? identity(start, value.length) : undefined;
  }
}

function identity(start: number, length: number): ValueMap {
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    starts[i] = start + i;
    ends[i] = start + i + 1;
  }
  return { starts, ends };
}

/**
 * A literal block: the value's lines are the content lines after the header, each without the
 * block's indentation, joined by line breaks. Checked line by line against the source.
 */
function literalMap(text: string, start: number, end: number, value: string): ValueMap | undefined {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0) return value === '' ? identity(start, 0) : undefined;
  const starts = new Int32Array(value.length);
  const ends = new Int32Array(value.length);
  const lines = value.split('\n');
  let lineStart = headerEnd + 1;
  let indent = -1;
  let vi = 0;
  for (let k = 0; k < lines.length; k++) {
    const vl = lines[k];
    const last = k === lines.length - 1;
    // The chomped end: a value ending in a line break has an empty last part and no line.
    if (last && vl === '') break;
    if (lineStart > Math.max(end, text.length)) return undefined;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const contentEnd = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    if (vl !== '') {
      const col = contentEnd - lineStart - vl.length;
      if (col < 0 || (indent >= 0 && col !== indent)) return undefined;
      if (text.slice(lineStart + col, contentEnd) !== vl) return undefined;
      indent = col;
      for (let c = 0; c < vl.length; c++) {
        starts[vi + c] = lineStart + col + c;
        ends[vi + c] = lineStart + col + c + 1;
      }
      vi += vl.length;
    }
    if (!last) {
      // The line break after this line (\r\n counts as one character of the value).
      if (vi >= value.length) return undefined;
      starts[vi] = contentEnd;
      ends[vi] = Math.min(lineEnd + 1, text.length);
      vi++;
    }
    lineStart = lineEnd + 1;
  }
  return vi === value.length ? { starts, ends } : undefined;
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * A one-line quoted string: each character of the value is one source character or one escape
 * (`''` in single quotes; `\n`, `\"`, `\x41`, `\u00e9` … in double quotes). A string over several
 * lines folds its line breaks, which has no exact mapping.
 */
function quotedMap(
  text: string,
  start: number,
  end: number,
  value: string,
  double: boolean,
): ValueMap | undefined {
  const q = double ? '"' : "'";
  if (text[start] !== q) return undefined;
  const starts = new Int32Array(value.length);
  const ends = new Int32Array(value.length);
  let vi = 0;
  let j = start + 1;
  const put = (s: string, from: number, to: number): boolean => {
    for (const ch of s.split('')) {
      if (vi >= value.length || value[vi] !== ch) return false;
      starts[vi] = from;
      ends[vi] = to;
      vi++;
    }
    return true;
  };
  for (; j < end; j++) {
    const c = text[j];
    if (c === '\n' || c === '\r') return undefined;
    if (c === q) {
      if (!double && text[j + 1] === "'") {
        if (!put("'", j, j + 2)) return undefined;
        j++;
        continue;
      }
      break;
    }
    if (double && c === '\\') {
      const e = text[j + 1];
      const hex = HEX_LENGTH[e];
      if (hex) {
        const digits = text.slice(j + 2, j + 2 + hex);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) return undefined;
        if (!put(String.fromCodePoint(parseInt(digits, 16)), j, j + 2 + hex)) return undefined;
        j += 1 + hex;
        continue;
      }
      const ch = DOUBLE_ESCAPES[e];
      if (ch === undefined || !put(ch, j, j + 2)) return undefined;
      j++;
      continue;
    }
    if (!put(c, j, j + 1)) return undefined;
  }
  return text[j] === q && vi === value.length ? { starts, ends } : undefined;
}
