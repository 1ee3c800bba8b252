// Minimal glob matching for `harness.pipelineFiles`: `**`, `*`, `?`, `{a,b}` and `[…]`, on
// forward-slash paths. Compiled once per settings change.
import { expandBraces, globToRegExp } from '../glob';

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
    return raw;
  }
}
