// Sign-in, accounts and the resource tree: registered at activation, loaded lazily.
import * as vscode from 'vscode';

export function registerAccountFeatures(_context: vscode.ExtensionContext): void {
  // Filled in by the sign-in / tree work.
}
