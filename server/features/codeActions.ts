// Quick fixes from diagnostics' `data`: did-you-mean for keys and enum values, add the
// missing required fields, convert tabs to spaces in the whole document.
import { isMap, isPair, visit, type Node, type YAMLMap } from 'yaml';
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  Range,
  TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { ParsedYaml } from '../yaml/types';

function edit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

function dataOf(d: Diagnostic): Record<string, unknown> {
  return d.data && typeof d.data === 'object' ? (d.data as Record<string, unknown>) : {};
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The block map the diagnostic is about: the value of the key it sits on, else the innermost map around it. */
function mapAt(parsed: ParsedYaml, offset: number): YAMLMap | undefined {
  let best: YAMLMap | undefined;
  let bestSize = Infinity;
  if (!parsed.doc) return undefined;
  visit(parsed.doc, {
    Pair(_k, pair) {
      const key = pair.key as Node | null;
      if (key?.range && key.range[0] <= offset && offset <= key.range[1] && isMap(pair.value)) {
        best = pair.value;
        bestSize = -1;
        return visit.BREAK;
      }
      return undefined;
    },
    Map(_k, map) {
      if (bestSize < 0) return visit.BREAK;
      const r = map.range;
      if (r && r[0] <= offset && offset <= r[1] && r[1] - r[0] < bestSize) {
        best = map;
        bestSize = r[1] - r[0];
      }
      return undefined;
    },
  });
  return best;
}

function placeholderFor(name: string): string {
  if (name === 'timeout') return '10m';
  if (name === 'spec') return '{}';
  if (['steps', 'stages', 'failureStrategies', 'errors', 'variables'].includes(name)) return '[]';
  return '""';
}

function addMissing(
  parsed: ParsedYaml,
  uri: string,
  d: Diagnostic,
  missing: string[],
): CodeAction | undefined {
  const map = mapAt(parsed, parsed.lines.offsetAt(d.range.start));
  if (!map || map.flow) return undefined;
  const first = map.items.find((p) => isPair(p));
  const keyNode = first?.key as Node | null | undefined;
  if (!keyNode?.range) return undefined;
  const present = new Set(map.items.map((p) => String((p.key as { value?: unknown } | null)?.value)));
  const todo = missing.filter((m) => !present.has(m));
  if (todo.length === 0) return undefined;
  const at = parsed.lines.positionAt(keyNode.range[0]);
  const indent = ' '.repeat(at.character);
  // The first key may sit after `- ` on the same line: insert before it, keep it on its line.
  const text = todo.map((m) => `${m}: ${placeholderFor(m)}\n${indent}`).join('');
  const action = CodeAction.create(
    `Add missing ${todo.length === 1 ? `field "${todo[0]}"` : `fields ${todo.map((t) => `"${t}"`).join(', ')}`}`,
    edit(uri, [TextEdit.insert(at, text)]),
    CodeActionKind.QuickFix,
  );
  action.diagnostics = [d];
  return action;
}

function tabsToSpaces(parsed: ParsedYaml, uri: string, d: Diagnostic | undefined): CodeAction | undefined {
  const edits: TextEdit[] = [];
  const text = parsed.text;
  for (let i = text.indexOf('\t'); i >= 0 && edits.length < 100000; i = text.indexOf('\t', i + 1)) {
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    const col = i - lineStart;
    // Tabs in indentation become two spaces; elsewhere (inside values) they align to 2.
    const width = 2 - (col % 2 === 0 ? 0 : 1);
    const pos = parsed.lines.positionAt(i);
    edits.push(
      TextEdit.replace(
        Range.create(pos, { line: pos.line, character: pos.character + 1 }),
        ' '.repeat(width),
      ),
    );
  }
  if (edits.length === 0) return undefined;
  const action = CodeAction.create(
    'Convert tabs to spaces (whole document)',
    edit(uri, edits),
    CodeActionKind.QuickFix,
  );
  if (d) action.diagnostics = [d];
  action.isPreferred = true;
  return action;
}

/**
 * Keys slipped to the root under an empty `pipeline:`: every line after the root key moves two
 * spaces right, which puts them (and everything below them) under it.
 */
function indentUnderRoot(
  parsed: ParsedYaml,
  uri: string,
  d: Diagnostic,
  root: string,
  after: number,
): CodeAction | undefined {
  const from = parsed.lines.positionAt(after).line + 1;
  const lines = parsed.text.split('\n');
  const edits: TextEdit[] = [];
  for (let l = from; l < lines.length; l++)
    if (lines[l].trim() !== '') edits.push(TextEdit.insert({ line: l, character: 0 }, '  '));
  if (edits.length === 0) return undefined;
  const action = CodeAction.create(
    `Indent the keys below "${root}:" under it`,
    edit(uri, edits),
    CodeActionKind.QuickFix,
  );
  action.diagnostics = [d];
  action.isPreferred = true;
  return action;
}

export function codeActions(parsed: ParsedYaml, uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  let tabsDone = false;
  let indentDone = false;
  for (const d of diagnostics) {
    if (d.source !== undefined && d.source !== 'harness') continue;
    const data = dataOf(d);
    const code = String(d.code ?? '');
    if (code === 'tab') {
      if (!tabsDone) {
        const a = tabsToSpaces(parsed, uri, d);
        if (a) out.push(a);
        tabsDone = true;
      }
      continue;
    }
    if (
      code === 'misplaced-root-key' &&
      typeof data.indentAfter === 'number' &&
      typeof data.root === 'string'
    ) {
      if (!indentDone) {
        const a = indentUnderRoot(parsed, uri, d, data.root, data.indentAfter);
        if (a) out.push(a);
        indentDone = true;
      }
      continue;
    }
    for (const suggestion of strings(data.suggestion ?? data.suggestions).slice(0, 3)) {
      const a = CodeAction.create(
        `Change to "${suggestion}"`,
        edit(uri, [TextEdit.replace(d.range, suggestion)]),
        CodeActionKind.QuickFix,
      );
      a.diagnostics = [d];
      a.isPreferred = true;
      out.push(a);
    }
    const missing = strings(data.missing);
    if (missing.length) {
      const a = addMissing(parsed, uri, d, missing);
      if (a) out.push(a);
    }
  }
  return out;
}
