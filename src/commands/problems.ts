// Error diagnostics of a pipeline document, for "refuse to push while there are errors". Asks
// the language client when it offers validateDocument (fresh result), else reads the
// diagnostics the language server published (source "harness"), first waiting briefly for
// the server to catch up when the text changed after its last report (validation is debounced).
import * as vscode from 'vscode';
import * as language from '../language';

type Validate = (doc: vscode.TextDocument) => Promise<vscode.Diagnostic[]>;

/** How long a push waits for the language server to report on the latest edit. */
const CATCH_UP_MS = 2000;

const lastEdit = new Map<string, number>();
const lastReport = new Map<string, number>();
let tick = 0;

/** Tracks edits and diagnostics reports so a push can tell whether diagnostics are stale. */
export function registerProblemTracking(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) lastEdit.set(e.document.uri.toString(), ++tick);
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris) lastReport.set(uri.toString(), ++tick);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      lastEdit.delete(doc.uri.toString());
      lastReport.delete(doc.uri.toString());
    }),
  );
}

function isStale(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return (lastEdit.get(key) ?? 0) > (lastReport.get(key) ?? 0);
}

/** Resolves when diagnostics for `uri` are reported after the last edit, or after `ms`. */
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

function languageValidator(): Validate | undefined {
  const candidate = (language as unknown as Record<string, unknown>).validateDocument;
  return typeof candidate === 'function' ? (candidate as Validate) : undefined;
}

export async function errorDiagnostics(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const validate = languageValidator();
  let diagnostics: readonly vscode.Diagnostic[] | undefined;
  if (validate) {
    try {
      diagnostics = await validate(doc);
    } catch {
      diagnostics = undefined; // fall back to what was published
    }
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
