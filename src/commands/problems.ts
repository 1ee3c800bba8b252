// Error diagnostics of a pipeline document, for "refuse to push while there are errors". Asks
// the language client when it offers validateDocument (fresh result), else reads the
// diagnostics the language server already published (source "harness").
import * as vscode from 'vscode';
import * as language from '../language';

type Validate = (doc: vscode.TextDocument) => Promise<vscode.Diagnostic[]>;

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
  diagnostics ??= vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'harness');
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
