// Glob patterns over `/`-separated paths: `**`, `*`, `?`, `[…]` and `{a,b}`. Used by the CLI's
// file expansion and by the server's `harness.pipelineFiles` matching.

/** Expands `{a,b}` alternatives (nested braces allowed) into plain patterns. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) {
      const parts: string[] = [];
      let d = 0;
      let start = open + 1;
      for (let j = open + 1; j < i; j++) {
        if (pattern[j] === '{') d++;
        else if (pattern[j] === '}') d--;
        else if (pattern[j] === ',' && d === 0) {
          parts.push(pattern.slice(start, j));
          start = j + 1;
        }
      }
      parts.push(pattern.slice(start, i));
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      return parts.flatMap((p) => expandBraces(head + p + tail));
    }
  }
  return [pattern];
}

/** A regular expression for one brace-free pattern over `/`-separated paths. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything below.
        if (pattern[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[' && pattern.indexOf(']', i + 1) > i + 1) {
      const close = pattern.indexOf(']', i + 1);
      re += `[${pattern.slice(i + 1, close).replace(/\\/g, '\\\\')}]`;
      i = close;
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
