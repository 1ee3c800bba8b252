// The modifiers of a Harness runtime input (`<+input>.default(x).allowedValues(x,y)`), read the
// way Harness documents them (docs/platform/variables-and-expressions/runtime-input-usage.md):
// default, allowedValues / selectOneFrom / selectManyFrom, regex, executionInput. Shared by the
// Run command (src/) and the input set checks of the language server (server/).

export interface RuntimeInputModifiers {
  defaultValue?: string;
  allowedValues?: string[];
  regex?: string;
  /** Supplied during the run, not at start. */
  executionInput: boolean;
}

/** Splits `a,b\,c` on unescaped commas and unescapes `\,` and `\'`. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      cur += text[i + 1];
      i++;
    } else if (ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.map((s) => s.replace(/^'(.*)'$/, '$1'));
}

/** Parses the modifiers after `<+input>`; undefined when the string is not a runtime input. */
export function parseRuntimeInput(expression: string): RuntimeInputModifiers | undefined {
  const text = expression.trim();
  if (!text.startsWith('<+input>')) return undefined;
  const result: RuntimeInputModifiers = {
    executionInput: false,
  };
  let rest = text.slice('<+input>'.length);
  while (rest.startsWith('.')) {
    const m = /^\.(\w+)\(/.exec(rest);
    if (!m) break;
    // Find the matching close paren, honouring nesting and backslash escapes.
    let depth = 1;
    let i = m[0].length;
    for (; i < rest.length && depth > 0; i++) {
      if (rest[i] === '\\') i++;
      else if (rest[i] === '(') depth++;
      else if (rest[i] === ')') depth--;
    }
    const arg = rest.slice(m[0].length, i - 1);
    rest = rest.slice(i);
    switch (m[1]) {
      case 'default':
        // A default is one value: commas are part of it (quoted or escaped in the docs).
        result.defaultValue = arg.replace(/\\(.)/g, '$1').replace(/^'(.*)'$/, '$1');
        break;
      case 'allowedValues':
      case 'selectOneFrom':
      case 'selectManyFrom':
        result.allowedValues = splitArgs(arg);
        break;
      case 'regex':
        result.regex = arg;
        break;
      case 'executionInput':
        result.executionInput = true;
        break;
    }
  }
  return result;
}
