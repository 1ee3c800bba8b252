// The one scanner of Harness `<+ … >` expressions in a string: validation checks their syntax
// with it, and hover, go-to-definition and completion find the expression under the cursor.
//
// Where an expression ends follows Harness's own scanner (harness-core, 980-commons
// io/harness/text/resolver/StringReplacer.java, `substitute`): after `<+`, every further `<+`
// opens a nested expression and every `>` closes the innermost open one; `\>` is an escaped `>`
// that closes nothing. Nothing else counts: a `>` inside quotes or parentheses still closes the
// expression (`<+x.contains(">")>` ends after `("`), which is why Harness has the `\>` escape.
//
// The text between `<+` and its `>` is a JEXL expression once the nested ones are evaluated
// (`<+(100 - <+matrix.weight>)>`, `<+json.list("a", <+pipeline.variables.services>)>`); its
// string literals (single or double quoted, `\` escapes) and parentheses must balance.

export interface ExpressionSpan {
  /** Index of `<+` in the scanned text. */
  start: number;
  /** Index just after the closing `>`; the end of the text when there is none. */
  end: number;
  /** The text between `<+` and the closing `>` (or the end of the text), untrimmed. */
  inner: string;
  /** Whether a closing `>` was found. */
  terminated: boolean;
  /** What is wrong, when the expression is malformed (unterminated, unbalanced, empty). */
  error?: string;
}

/** The expression whose `<+` is at `start` in `text`. */
export function scanExpression(text: string, start: number): ExpressionSpan {
  let nested = 0;
  for (let i = start + 2; i < text.length; i++) {
    const c = text[i];
    if (c === '<' && text[i + 1] === '+') {
      nested++;
      i++;
    } else if (c === '\\' && text[i + 1] === '>') {
      i++;
    } else if (c === '>') {
      if (nested > 0) {
        nested--;
        continue;
      }
      const inner = text.slice(start + 2, i);
      const s: ExpressionSpan = { start, end: i + 1, inner, terminated: true };
      const error = bodyError(inner, text.slice(i + 1));
      if (error) s.error = error;
      return s;
    }
  }
  return {
    start,
    end: text.length,
    inner: text.slice(start + 2),
    terminated: false,
    error: 'Unterminated expression: "<+" has no closing ">"',
  };
}

/** The JEXL text of an expression with its nested expressions taken out (each becomes `x`). */
function withoutNested(inner: string): string {
  if (!inner.includes('<+')) return inner;
  let out = '';
  let i = 0;
  for (let open = inner.indexOf('<+'); open >= 0; open = inner.indexOf('<+', i)) {
    const nested = scanExpression(inner, open);
    out += `${inner.slice(i, open)}x`;
    i = nested.end;
  }
  return out + inner.slice(i);
}

/**
 * Quotes and parentheses of an expression body must balance. An apostrophe inside a word
 * (`don't`) is text, not a quote. `after` is the text after the closing `>`: when the missing
 * quote or `)` is there, the `>` that ended the expression was meant as text.
 */
function bodyError(inner: string, after: string): string | undefined {
  const body = withoutNested(inner);
  if (body.trim() === '') return 'Empty expression "<+>"';
  let parens = 0;
  let quote = '';
  // A string opened by an escaped quote (`\"`, written so inside a shell string) ends at `\"`.
  let escapedQuote = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === '\\' && escapedQuote && body[i + 1] === quote) {
        quote = '';
        i++;
      } else if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '\\' && (body[i + 1] === '"' || body[i + 1] === "'")) {
      quote = body[i + 1];
      escapedQuote = true;
      i++;
      continue;
    }
    escapedQuote = false;
    if (c === '"' || c === "'") {
      if (c === "'" && /\w/.test(body[i - 1] ?? '') && /\w/.test(body[i + 1] ?? '')) continue;
      quote = c;
    } else if (c === '(') parens++;
    else if (c === ')' && --parens < 0) return 'Unbalanced ")" in expression';
  }
  const hint = (closer: string) =>
    after.includes(closer)
      ? `; a ">" ends an expression in Harness, even inside quotes or parentheses: write "\\>" for a literal ">"`
      : '';
  if (quote) return `Unterminated string in expression${hint(quote)}`;
  if (parens > 0) return `Unbalanced "(" in expression: missing ")"${hint(')')}`;
  return undefined;
}
