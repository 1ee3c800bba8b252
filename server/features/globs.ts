// Minimal glob matching for `harness.pipelineFiles`: `**`, `*`, `?`, `{a,b}` and `[…]`, on
// forward-slash paths. Compiled once per settings change.

function toRegExpSource(glob: string): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` = any number of directories (including none); `**` at the end = anything.
        if (glob[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += `(?:${glob
          .slice(i + 1, close)
          .split(',')
          .map((alt) => toRegExpSource(alt))
          .join('|')})`;
        i = close;
      }
    } else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, close).replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|\\/]/g, (x) => `\\${x}`);
  }
  return re;
}

export function compileGlobs(globs: readonly string[]): (path: string) => boolean {
  const res = globs
    .filter((g) => typeof g === 'string' && g.length > 0)
    .map((g) => {
      const anchored = g.startsWith('/') || g.startsWith('**') ? g : `**/${g}`;
      return new RegExp(`^${toRegExpSource(anchored)}$`);
    });
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
    return raw;
  }
}
