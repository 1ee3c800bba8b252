// Finds the `<+ … >` expression around a cursor, looking only at the cursor's line, so the
// cost is bounded by line length whatever the document size.

export interface ExpressionSpan {
  /** Offset of `<+`. */
  start: number;
  /** Offset just past the closing `>`, or the line end when unterminated. */
  end: number;
  /** Text between `<+` and the closing `>` (or the line end). */
  inner: string;
  /** Text between `<+` and the cursor. */
  beforeCursor: string;
  terminated: boolean;
}

function lineBounds(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return [start, end];
}

/** The expression whose text contains `offset` (cursor right after `<+` counts). */
export function expressionAt(text: string, offset: number): ExpressionSpan | undefined {
  const [ls, le] = lineBounds(text, offset);
  const line = text.slice(ls, le);
  const rel = offset - ls;
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf('<+', i);
    if (open < 0 || open >= rel) break;
    // Find the matching `>`, counting nested `<+`; `>` inside quotes or after `-`/`=` is an operator only
    // when unbalanced, which we do not try to interpret: the first balanced `>` closes it.
    let depth = 0;
    let close = -1;
    let quote: string | undefined;
    for (let j = open; j < line.length; j++) {
      const c = line[j];
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = undefined;
        continue;
      }
      if (c === '"' || c === "'") {
        if (j > open + 1) quote = c;
        continue;
      }
      if (c === '<' && line[j + 1] === '+') {
        depth++;
        j++;
      } else if (c === '>') {
        depth--;
        if (depth === 0) {
          close = j;
          break;
        }
      }
    }
    const end = close < 0 ? line.length : close + 1;
    if (rel >= open + 2 && rel <= (close < 0 ? line.length : close)) {
      return {
        start: ls + open,
        end: ls + end,
        inner: line.slice(open + 2, close < 0 ? line.length : close),
        beforeCursor: line.slice(open + 2, rel),
        terminated: close >= 0,
      };
    }
    i = end;
  }
  return undefined;
}

/** The whole dotted path around the cursor inside an expression (`pipeline.stages.build.name`) and the index of the segment under the cursor. */
export function dottedPathAt(inner: string, cursor: number): { path: string[]; index: number } {
  let s = cursor;
  while (s > 0 && /[\w.$-]/.test(inner[s - 1])) s--;
  let e = cursor;
  while (e < inner.length && /[\w.$-]/.test(inner[e])) e++;
  const text = inner.slice(s, e);
  const path = text.split('.');
  const index = inner.slice(s, cursor).split('.').length - 1;
  return { path, index };
}
