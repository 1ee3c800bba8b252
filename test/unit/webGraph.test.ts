// The web build's graph, read from the sources: every file reachable from the browser entries
// (src/web/extension.ts, server/browser.ts) imports no Node built-in, no Node-only package (undici,
// the /node builds of the language client and server) and uses no Node global (process, Buffer,
// require, …). esbuild's browser platform already refuses Node built-ins; this also catches a
// global like `process` that would only fail once the code runs in vscode.dev.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../helpers/paths';

const WEB_ENTRIES = ['src/web/extension.ts', 'server/browser.ts'];
const NODE_ONLY_PACKAGES = ['undici', 'vscode-languageserver/node', 'vscode-languageclient/node'];
const NODE_GLOBALS = new Set(['process', 'Buffer', 'require', '__dirname', '__filename', 'module', 'global']);
/** What the desktop build has and the web build must not reach. */
const DESKTOP_ONLY = ['src/api/dispatcher.ts', 'src/api/undiciTransport.ts', 'src/platform/desktop.ts'];

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [`${base}.ts`, `${base}/index.ts`])
    if (fs.existsSync(path.join(repoRoot, candidate))) return candidate;
  return undefined;
}

/** Imports that stay in the bundle: type-only imports and re-exports are erased, so not followed. */
function valueImports(file: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const st of file.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause !== undefined &&
          clause.name === undefined &&
          clause.namedBindings !== undefined &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) out.push(st.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      if (!st.isTypeOnly) out.push(st.moduleSpecifier.text);
    }
  }
  return out;
}

function nodeGlobalsUsed(file: ts.SourceFile): string[] {
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isPropertySignature(parent) && parent.name === node) ||
        (ts.isMethodDeclaration(parent) && parent.name === node) ||
        (ts.isPropertyDeclaration(parent) && parent.name === node) ||
        ts.isQualifiedName(parent) ||
        ts.isTypeReferenceNode(parent);
      if (!isName) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...used];
}

/** Every local file reachable from the web entries through value imports. */
function webGraph(): Map<string, { file: ts.SourceFile; imports: string[] }> {
  const seen = new Map<string, { file: ts.SourceFile; imports: string[] }>();
  const queue = [...WEB_ENTRIES];
  while (queue.length > 0) {
    const rel = queue.shift() as string;
    if (seen.has(rel)) continue;
    const text = fs.readFileSync(path.join(repoRoot, rel), 'utf8');
    const file = ts.createSourceFile(rel, text, ts.ScriptTarget.ES2022, true);
    const imports = valueImports(file);
    seen.set(rel, { file, imports });
    for (const spec of imports) {
      const local = resolveLocal(rel, spec);
      if (local) queue.push(local);
    }
  }
  return seen;
}

describe('architecture: the web build', () => {
  const graph = webGraph();

  it('reaches the shared wiring, the language service and the API client', () => {
    for (const rel of [
      'src/activation.ts',
      'src/platform/web.ts',
      'src/api/fetchTransport.ts',
      'src/api/http.ts',
      'server/connection.ts',
      'server/service.ts',
    ])
      assert.ok(graph.has(rel), `${rel} is in the web build`);
  });

  it('never reaches the desktop-only code (undici transport, proxies and certificates, the desktop platform)', () => {
    assert.deepEqual(
      DESKTOP_ONLY.filter((rel) => graph.has(rel)),
      [],
    );
  });

  it('imports no Node built-in or Node-only package and uses no Node global', () => {
    const builtins = new Set(builtinModules);
    const offenders: string[] = [];
    for (const [rel, { file, imports }] of graph) {
      for (const spec of imports) {
        const bare = spec.replace(/^node:/, '');
        if (spec.startsWith('node:') || builtins.has(bare) || builtins.has(bare.split('/')[0]))
          offenders.push(`${rel} imports ${spec}`);
        if (NODE_ONLY_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`)))
          offenders.push(`${rel} imports ${spec}`);
      }
      for (const g of nodeGlobalsUsed(file)) offenders.push(`${rel} uses ${g}`);
    }
    assert.deepEqual(offenders, []);
  });
});
