// Error diagnostics of a pipeline document, for "refuse to push while there are errors". Asks
// the language server to validate the exact text (validateDocument), else reads the diagnostics
// it published (source "harness"), first waiting briefly for the server to catch up when the
// text changed after its last report (validation is debounced).
import * as vscode from 'vscode';
import { validateDocument } from '../language';

/** How long a push waits for the language server to report on the latest edit. */
const CATCH_UP_MS = 3000;

/** When each open document was last edited / last had diagnostics reported (ms timestamps). */
const lastEdit = new Map<string, number>();
const lastReport = new Map<string, number>();

/** Tracks edits and diagnostics reports so a push can tell whether diagnostics are stale. */
export function registerProblemTracking(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) lastEdit.set(e.document.uri.toString(), Date.now());
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const now = Date.now();
      for (const uri of e.uris) lastReport.set(uri.toString(), now);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      lastEdit.delete(doc.uri.toString());
      lastReport.delete(doc.uri.toString());
    }),
  );
}

/**
 * The server validates a version only after `debounceMs` without edits, so a report earlier
 * than that after the last edit is about an older version (e.g. one scheduled before the edit).
 */
function isStale(uri: vscode.Uri): boolean {
  const key = uri.toString();
  const edited = lastEdit.get(key);
  if (edited === undefined) return false;
  const debounceMs = vscode.workspace
    .getConfiguration('harness', uri)
    .get<number>('validation.debounceMs', 200);
  return (lastReport.get(key) ?? 0) < edited + debounceMs;
}

/** Resolves when diagnostics for `uri` are reported for the latest edit, or after `ms`. */
function catchUp(uri: vscode.Uri, ms: number): Promise<void> {
  if (!isStale(uri)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      if (!isStale(uri)) done();
    });
  });
}

export async function errorDiagnostics(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  let diagnostics: readonly vscode.Diagnostic[] | undefined;
  try {
    diagnostics = await validateDocument(doc);
  } catch {
    diagnostics = undefined; // fall back to what was published
  }
  if (!diagnostics) {
    await catchUp(doc.uri, CATCH_UP_MS);
    diagnostics = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'harness');
  }
  return diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

export function describeProblems(diagnostics: readonly vscode.Diagnostic[]): string {
  const first = diagnostics
    .slice(0, 3)
    .map((d) => `line ${d.range.start.line + 1}: ${d.message}`)
    .join('\n');
  const more = diagnostics.length > 3 ? `\n… and ${diagnostics.length - 3} more` : '';
  return `${first}${more}`;
}
