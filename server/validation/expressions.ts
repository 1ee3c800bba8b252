// Syntax of `<+ … >` expressions inside YAML strings: every `<+` must be closed, parentheses
// and quotes inside must balance, and a runtime input `<+input>` may only be followed by the
// known methods (`.default(…)`, `.allowedValues(…)`, …). Ranges are offsets in the document.
import { ERROR, type Problem } from './problems';

export const RUNTIME_INPUT_METHODS = [
  'default',
  'allowedValues',
  'selectOneFrom',
  'selectManyFrom',
  'regex',
  'executionInput',
] as const;

export interface ExpressionSpan {
  /** Offsets within the string of `<+` and just after the closing `>`. */
  start: number;
  end: number;
  /** The text between `<+` and `>`, trimmed. */
  body: string;
}

/**
 * Finds the top-level expressions of a string and reports syntax problems. `offsetOf` maps a
 * string index to a document offset (plain scalars map 1:1 after the node start; quoted or
 * folded scalars map approximately, to the node).
 */
export function scanExpressions(
  text: string,
  offsetOf: (i: number) => number,
  problems: Problem[],
): ExpressionSpan[] {
  const spans: ExpressionSpan[] = [];
  let i = text.indexOf('<+');
  while (i !== -1) {
    const close = findClose(text, i);
    if (close.error) {
      problems.push({
        code: 'invalid-expression',
        message: close.error,
        start: offsetOf(i),
        end: offsetOf(close.end),
        severity: ERROR,
      });
      return spans;
    }
    const span: ExpressionSpan = { start: i, end: close.end, body: text.slice(i + 2, close.end - 1).trim() };
    spans.push(span);
    let next = close.end;
    if (span.body === 'input') next = checkInputMethods(text, close.end, offsetOf, problems);
    i = text.indexOf('<+', next);
  }
  return spans;
}

/** Index just after the `>` closing the `<+` at `start`; nested `<+…>` count, quoted text does not. */
function findClose(text: string, start: number): { end: number; error?: string } {
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
      if (parens < 0) return { end: i + 1, error: 'Unbalanced ")" in expression' };
    } else if (c === '>' && parens === 0) {
      depth--;
      if (depth === 0) {
        if (text.slice(start + 2, i).trim() === '') return { end: i + 1, error: 'Empty expression "<+>"' };
        return { end: i + 1 };
      }
    }
  }
  if (quote) return { end: text.length, error: 'Unterminated string in expression' };
  if (parens > 0) return { end: text.length, error: 'Unbalanced "(" in expression: missing ")"' };
  return { end: text.length, error: 'Unterminated expression: "<+" has no closing ">"' };
}

/** Checks `.method(args)` chains after `<+input>`; returns the index after the chain. */
function checkInputMethods(
  text: string,
  from: number,
  offsetOf: (i: number) => number,
  problems: Problem[],
): number {
  let i = from;
  while (text[i] === '.') {
    const m = /^[A-Za-z_]\w*/.exec(text.slice(i + 1));
    if (!m) return i;
    const name = m[0];
    const nameStart = i + 1;
    const nameEnd = nameStart + name.length;
    if (!(RUNTIME_INPUT_METHODS as readonly string[]).includes(name)) {
      problems.push({
        code: 'invalid-expression',
        message: `Unknown runtime input method ".${name}()"; expected one of ${RUNTIME_INPUT_METHODS.map((x) => `.${x}()`).join(', ')}`,
        start: offsetOf(nameStart),
        end: offsetOf(nameEnd),
        severity: ERROR,
        data: { method: name },
      });
      return nameEnd;
    }
    if (text[nameEnd] !== '(') {
      problems.push({
        code: 'invalid-expression',
        message: `".${name}" needs an argument list: ".${name}(…)"`,
        start: offsetOf(nameStart),
        end: offsetOf(nameEnd),
        severity: ERROR,
      });
      return nameEnd;
    }
    // Arguments run to the matching ")"; escaped characters (\, \') do not count.
    let depth = 0;
    let j = nameEnd;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')') {
        depth--;
        if (depth === 0) break;
      }
    }
    if (j >= text.length) {
      problems.push({
        code: 'invalid-expression',
        message: `Unbalanced "(" in ".${name}(": missing ")"`,
        start: offsetOf(nameStart),
        end: offsetOf(text.length),
        severity: ERROR,
      });
      return text.length;
    }
    if (name === 'executionInput' && j !== nameEnd + 1) {
      problems.push({
        code: 'invalid-expression',
        message: '".executionInput()" takes no arguments',
        start: offsetOf(nameStart),
        end: offsetOf(j + 1),
        severity: ERROR,
      });
    }
    i = j + 1;
  }
  return i;
}

/** Variable references `<+pipeline.variables.x>` / `<+stage.variables.x>` in an expression body. */
export function variableRefs(body: string): { scope: 'pipeline' | 'stage'; name: string; index: number }[] {
  const out: { scope: 'pipeline' | 'stage'; name: string; index: number }[] = [];
  const re = /(?<![\w.])(pipeline|stage)\.variables\.([A-Za-z_$][\w$-]*)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    out.push({ scope: m[1] as 'pipeline' | 'stage', name: m[2], index: m.index });
  }
  return out;
}
