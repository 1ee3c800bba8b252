// Finds the `<+ … >` expression around a cursor, looking only at the cursor's line, so the
// cost is bounded by line length whatever the document size. Expressions are delimited by the
// one scanner validation uses (server/expressionSpans.ts).
import { scanExpression, type ExpressionSpan } from '../expressionSpans';

function lineBounds(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return [start, end];
}

/**
 * The expression whose text contains `offset` (cursor right after `<+` counts), with offsets
 * in `text` and the text between `<+` and the cursor.
 */
export function expressionAt(
  text: string,
  offset: number,
): (ExpressionSpan & { beforeCursor: string }) | undefined {
  const [ls, le] = lineBounds(text, offset);
  const line = text.slice(ls, le);
  const rel = offset - ls;
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf('<+', i);
    if (open < 0 || open >= rel) break;
    const span = scanExpression(line, open);
    // The inner text ends before the closing `>`: a cursor on the `>` is still inside.
    if (rel >= open + 2 && rel <= open + 2 + span.inner.length) {
      return {
        ...span,
        start: ls + span.start,
        end: ls + span.end,
        beforeCursor: line.slice(open + 2, rel),
      };
    }
    i = Math.max(span.end, open + 2);
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
