// The CLI's file arguments: a glob (`**`, `*`, `?`, `{a,b}`, matched by server/glob.ts) is
// expanded over a directory walk from the working directory that skips node_modules and .git
// (Node 20 has no fs.glob).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandBraces, globToRegExp } from '../glob';

const MAGIC = /[*?{]/;
const SKIP_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export function isGlob(arg: string): boolean {
  return MAGIC.test(arg);
}

/** Files matching any of the patterns, sorted, relative to `cwd` unless the pattern was absolute. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const found = new Set<string>();
  for (const p of expandBraces(pattern.replace(/\\/g, '/'))) {
    const segments = p.split('/');
    const firstMagic = segments.findIndex((s) => MAGIC.test(s));
    const baseSegs = firstMagic < 0 ? segments : segments.slice(0, firstMagic);
    const base = baseSegs.join('/') || (p.startsWith('/') ? '/' : '.');
    const re = globToRegExp(p.replace(/^\.\//, ''));
    const root = path.resolve(cwd, base);
    walk(root, (file) => {
      const rel = path.isAbsolute(p) ? file : path.relative(cwd, file).split(path.sep).join('/');
      if (re.test(rel)) found.add(rel);
    });
  }
  return [...found].sort();
}

function walk(dir: string, onFile: (file: string) => void, depth = 0): void {
  if (depth > 64) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    // An unreadable or vanished directory has no files to offer; the walk goes on elsewhere.
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(full, onFile, depth + 1);
    } else if (e.isFile()) onFile(full);
  }
}
