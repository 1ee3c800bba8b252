// Error diagnostics of a pipeline document, for "refuse to push while there are errors". Asks
// the language server to validate the exact text (the injected `validate`), else reads the
// diagnostics it published (source "harness"), first waiting briefly for the server to catch up
// when the text changed after its last report (validation is debounced).
import * as vscode from 'vscode';

/** How long a push waits for the language server to report on the latest edit. */
const CATCH_UP_MS = 3000;

/** Validates the document's current text now; undefined when the language server is not available. */
export type ValidateDocument = (doc: vscode.TextDocument) => Promise<vscode.Diagnostic[] | undefined>;

export class ProblemTracker implements vscode.Disposable {
  /** When each open document was last edited / last had diagnostics reported after an edit (ms). */
  private readonly lastEdit = new Map<string, number>();
  private readonly lastReport = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly validate: ValidateDocument) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.lastEdit.set(e.document.uri.toString(), Date.now());
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const now = Date.now();
        for (const uri of e.uris) {
          // Only a report after an edit can make diagnostics fresh again (see isStale): the map
          // holds edited open documents, not every file that ever had diagnostics.
          const key = uri.toString();
          if (this.lastEdit.has(key)) this.lastReport.set(key, now);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.lastEdit.delete(doc.uri.toString());
        this.lastReport.delete(doc.uri.toString());
      }),
    ];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.lastEdit.clear();
    this.lastReport.clear();
  }

  async errorDiagnostics(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    let diagnostics: readonly vscode.Diagnostic[] | undefined;
    try {
      diagnostics = await this.validate(doc);
    } catch {
      diagnostics = undefined; // the server could not answer: fall back to what it published
    }
    if (!diagnostics) {
      await this.catchUp(doc.uri, CATCH_UP_MS);
      diagnostics = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'harness');
    }
    return diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
  }

  /**
   * The server validates a version only after `debounceMs` without edits, so a report earlier
   * than that after the last edit is about an older version (e.g. one scheduled before the edit).
   */
  private isStale(uri: vscode.Uri): boolean {
    const key = uri.toString();
    const edited = this.lastEdit.get(key);
    if (edited === undefined) return false;
    const debounceMs = vscode.workspace
      .getConfiguration('harness', uri)
      .get<number>('validation.debounceMs', 200);
    return (this.lastReport.get(key) ?? 0) < edited + debounceMs;
  }

  /** Resolves when diagnostics for `uri` are reported for the latest edit, or after `ms`. */
  private catchUp(uri: vscode.Uri, ms: number): Promise<void> {
    if (!this.isStale(uri)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        if (!this.isStale(uri)) done();
      });
    });
  }
}

export function describeProblems(diagnostics: readonly vscode.Diagnostic[]): string {
  const first = diagnostics
    .slice(0, 3)
    .map((d) => `line ${d.range.start.line + 1}: ${d.message}`)
    .join('\n');
  const more = diagnostics.length > 3 ? `\n… and ${diagnostics.length - 3} more` : '';
  return `${first}${more}`;
}
