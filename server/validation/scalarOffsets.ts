// Maps an index in a scalar's value to an offset in the document. Plain one-line scalars map
// 1:1; quoted, multi-line and block scalars are aligned character by character with their
// source (indentation, folding and escapes skipped), which is exact for the common cases.
// exactScalarMap is the strict form: exact for literal blocks and one-line scalars, undefined
// where folding leaves no exact answer (a trigger's inputYaml needs to know which it is).
import type { Scalar } from 'yaml';

export function scalarOffsetMapper(text: string, node: Scalar, value: string): (i: number) => number {
  const [start, end] = node.range ?? [0, 0];
  const src = text.slice(start, end);
  if (src === value) return (i) => start + i;
  let table: Int32Array | undefined;
  return (i: number) => {
    if (!table) table = align(src, value);
    if (i >= value.length) return start + (table.length ? table[table.length - 1] + 1 : src.length);
    return start + table[Math.max(0, i)];
  };
}

function align(src: string, value: string): Int32Array {
  const table = new Int32Array(value.length);
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    let k = j;
    while (k < src.length && src[k] !== c) {
      // Folded line breaks and escapes: look for the character within a short window.
      if (k - j > 256) break;
      k++;
    }
    if (k < src.length && src[k] === c) {
      table[i] = k;
      j = k + 1;
    } else {
      table[i] = Math.min(j, Math.max(0, src.length - 1));
    }
  }
  return table;
}

/** Offsets in the document of each character of the string value: [start, end) per character. */
export interface ValueMap {
  starts: Int32Array;
  ends: Int32Array;
}

/** Where each character of `value` is in the source, or undefined when that cannot be exact. */
export function exactScalarMap(text: string, node: Scalar, value: string): ValueMap | undefined {
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
