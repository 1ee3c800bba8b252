// Language features: starts the bundled language server (dist/server.js) when a Harness
// pipeline document is first opened. Placeholder until the language server lands.
import * as vscode from 'vscode';

export function registerLanguageFeatures(_context: vscode.ExtensionContext): void {
  // Filled in by the language-server work.
}
