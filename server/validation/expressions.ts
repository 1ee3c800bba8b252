// Syntax of `<+ … >` expressions inside YAML strings: every `<+` must be closed, parentheses
// and quotes inside must balance, and a runtime input `<+input>` may only be followed by the
// known methods (`.default(…)`, `.allowedValues(…)`, …). Ranges are offsets in the document.
import { scanExpression, type ExpressionSpan } from '../expressionSpans';
import { ERROR, type Problem } from './problems';

export const RUNTIME_INPUT_METHODS = [
  'default',
  'allowedValues',
  'selectOneFrom',
  'selectManyFrom',
  'regex',
  'executionInput',
] as const;

/**
 * Finds the top-level expressions of a string and reports syntax problems. `offsetOf` maps a
 * string index to a document offset (plain scalars map 1:1 after the node start; quoted or
 * folded scalars map approximately, to the node). Scanning stops at the first malformed one.
 */
export function scanExpressions(
  text: string,
  offsetOf: (i: number) => number,
  problems: Problem[],
): ExpressionSpan[] {
  const spans: ExpressionSpan[] = [];
  let i = text.indexOf('<+');
  while (i !== -1) {
    const span = scanExpression(text, i);
    if (span.error) {
      problems.push({
        code: 'invalid-expression',
        message: span.error,
        start: offsetOf(i),
        end: offsetOf(span.end),
        severity: ERROR,
      });
      return spans;
    }
    spans.push(span);
    let next = span.end;
    if (span.inner.trim() === 'input') next = checkInputMethods(text, span.end, offsetOf, problems);
    i = text.indexOf('<+', next);
  }
  return spans;
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
