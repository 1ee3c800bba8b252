// Waiting for the language server's diagnostics in the real extension host.
import * as vscode from 'vscode';

/** Resolves with the Harness diagnostics of `uri` once `pred` accepts them (event-driven, bounded). */
export function harnessDiagnostics(
  uri: vscode.Uri,
  pred: (d: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'harness');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `diagnostics for ${uri.fsPath} not as expected: ${JSON.stringify(current().map((d) => d.message))}`,
        ),
      );
    }, timeoutMs);
    const check = () => {
      const d = current();
      if (pred(d)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}
