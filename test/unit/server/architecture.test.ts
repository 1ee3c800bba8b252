// The shape of server/ and shared/, read from the sources: no file imports itself through a
// chain of other files (type-only imports count), and nothing but the Node entries (the stdio
// server and the CLI) uses Node-only modules or globals, so the language service and its LSP
// wiring can run in a browser web worker.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../../helpers/paths';

/** Files that run only under Node: the language server's stdio/IPC entry and the CLI. */
const NODE_ENTRIES = [/^server\/server\.ts$/, /^server\/cli\.ts$/, /^server\/cli\//];
/** Packages (or package entries) that exist only for Node. */
const NODE_ONLY_PACKAGES = ['vscode-languageserver/node', 'vscode-languageclient/node', 'undici'];
const NODE_GLOBALS = new Set(['process', 'Buffer', 'require', '__dirname', '__filename', 'module', 'global']);

interface SourceFile {
  rel: string;
  text: string;
  imports: string[];
}

function sources(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        // Type-only imports and re-exports count: they are edges of the file graph too.
        const imports = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
        out.push({ rel: path.relative(repoRoot, full).split(path.sep).join('/'), text, imports });
      }
    }
  };
  for (const d of ['server', 'shared']) walk(path.join(repoRoot, d));
  return out;
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [`${base}.ts`, `${base}/index.ts`])
    if (fs.existsSync(path.join(repoRoot, candidate))) return candidate;
  return undefined;
}

/** Strongly connected components with more than one file (or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

/** Identifiers that name a Node global (not property names, not declarations of our own). */
function nodeGlobalsUsed(rel: string, text: string): string[] {
  const file = ts.createSourceFile(rel, text, ts.ScriptTarget.ES2022, true);
  const used = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isPropertySignature(parent) && parent.name === node) ||
        (ts.isMethodDeclaration(parent) && parent.name === node) ||
        (ts.isPropertyDeclaration(parent) && parent.name === node) ||
        ts.isQualifiedName(parent);
      if (!isPropertyName) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...used];
}

describe('architecture: server/ and shared/', () => {
  const files = sources();

  it('finds the sources', () => {
    assert.ok(files.length > 40, `only ${files.length} files under server/ and shared/`);
    assert.ok(files.some((f) => f.rel === 'server/service.ts'));
  });

  it('has no import cycles between files (type-only imports included)', () => {
    const graph = new Map<string, string[]>();
    for (const f of files)
      graph.set(
        f.rel,
        f.imports.map((s) => resolveLocal(f.rel, s)).filter((x): x is string => x !== undefined),
      );
    assert.deepEqual(cycles(graph), []);
  });

  it('keeps Node-only modules and globals in the Node entries', () => {
    const builtins = new Set(builtinModules);
    const offenders: string[] = [];
    for (const f of files) {
      if (NODE_ENTRIES.some((re) => re.test(f.rel))) continue;
      for (const spec of f.imports) {
        const bare = spec.replace(/^node:/, '');
        if (spec.startsWith('node:') || builtins.has(bare) || builtins.has(bare.split('/')[0]))
          offenders.push(`${f.rel} imports ${spec}`);
        if (NODE_ONLY_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`)))
          offenders.push(`${f.rel} imports ${spec}`);
      }
      for (const g of nodeGlobalsUsed(f.rel, f.text)) offenders.push(`${f.rel} uses ${g}`);
    }
    assert.deepEqual(offenders, []);
  });

  it('the entries (Node, and the web worker: server/browser.ts) are the only files that create a connection', () => {
    const creators = files
      .filter((f) => /\bcreateConnection\s*\(/.test(f.text))
      .map((f) => f.rel)
      .filter((rel) => !NODE_ENTRIES.some((re) => re.test(rel)) && rel !== 'server/browser.ts');
    assert.deepEqual(creators, []);
  });
});
