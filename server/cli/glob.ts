// Minimal glob expansion for the CLI (Node 20 has no fs.glob): `**`, `*`, `?` and `{a,b}`,
// matched against paths relative to the working directory over a directory walk that skips
// node_modules and .git.
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAGIC = /[*?{]/;
const SKIP_DIRS = new Set(['node_modules', '.git']);

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
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

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
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(full, onFile, depth + 1);
    } else if (e.isFile()) onFile(full);
  }
}
