// The one scanner of Harness `<+ … >` expressions in a string: validation checks their syntax
// with it, and hover, go-to-definition and completion find the expression under the cursor.
// Nested `<+…>` count; quoted text (with `\` escapes) and parenthesised text do not close an
// expression; an apostrophe inside a word (`don't`) is text, not a quote.

export interface ExpressionSpan {
  /** Index of `<+` in the scanned text. */
  start: number;
  /** Index just after the closing `>`; where the scan stopped when `error` is set. */
  end: number;
  /** The text between `<+` and the closing `>` (or where the scan stopped), untrimmed. */
  inner: string;
  /** Whether a closing `>` was found. */
  terminated: boolean;
  /** What is wrong, when the expression is malformed (unterminated, unbalanced, empty). */
  error?: string;
}

/** The expression whose `<+` is at `start` in `text`. */
export function scanExpression(text: string, start: number): ExpressionSpan {
  const span = (end: number, innerEnd: number, terminated: boolean, error?: string): ExpressionSpan => {
    const s: ExpressionSpan = { start, end, inner: text.slice(start + 2, innerEnd), terminated };
    if (error) s.error = error;
    return s;
  };
  let depth = 0;
  let parens = 0;
  let quote = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '<' && text[i + 1] === '+') {
      depth++;
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      // An apostrophe inside a word (don't) is text, not a quote.
      if (c === "'" && /\w/.test(text[i - 1] ?? '') && /\w/.test(text[i + 1] ?? '')) continue;
      quote = c;
      continue;
    }
    if (c === '(') parens++;
    else if (c === ')') {
      parens--;
      if (parens < 0) return span(i + 1, i, false, 'Unbalanced ")" in expression');
    } else if (c === '>' && parens === 0) {
      depth--;
      if (depth === 0) {
        if (text.slice(start + 2, i).trim() === '') return span(i + 1, i, true, 'Empty expression "<+>"');
        return span(i + 1, i, true);
      }
    }
  }
  const end = text.length;
  if (quote) return span(end, end, false, 'Unterminated string in expression');
  if (parens > 0) return span(end, end, false, 'Unbalanced "(" in expression: missing ")"');
  return span(end, end, false, 'Unterminated expression: "<+" has no closing ">"');
}
