// Glob patterns over `/`-separated paths: `**`, `*`, `?`, `[…]` and `{a,b}`: the one glob
// module. The server matches `harness.pipelineFiles` with it, the CLI expands its file
// arguments with it (server/cli/files.ts walks the directories), and the extension's tests hold
// package.json's filename pattern to it.

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

/**
 * One matcher for a settings list such as `harness.pipelineFiles` (minimatch-like): a pattern
 * that does not start with `/` or `**` matches at any depth. Compiled once per settings change.
 */
export function compileGlobs(globs: readonly string[]): (path: string) => boolean {
  const res = globs
    .filter((g) => typeof g === 'string' && g.length > 0)
    .flatMap((g) => expandBraces(g.startsWith('/') || g.startsWith('**') ? g : `**/${g}`))
    .map(globToRegExp);
  return (path) => {
    const p = path.replace(/\\/g, '/');
    return res.some((r) => r.test(p));
  };
}

/** The path part of a document URI (`file:///a/b.yaml` → `/a/b.yaml`), decoded. */
export function uriPath(uri: string): string {
  const m = /^[a-zA-Z][\w+.-]*:(?:\/\/[^/]*)?(\/[^?#]*)/.exec(uri);
  const raw = m ? m[1] : uri;
  try {
    return decodeURIComponent(raw);
  } catch {
    // A malformed escape (`%E0%A4%A`): match against the path as written.
    return raw;
  }
}
