// Maps an index in a scalar's value to an offset in the document. Plain one-line scalars map
// 1:1; quoted, multi-line and block scalars are aligned character by character with their
// source (indentation, folding and escapes skipped), which is exact for the common cases.
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
