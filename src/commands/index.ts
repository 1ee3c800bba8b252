// Resource commands (push, open, run, create, delete, …): registered at activation.
import * as vscode from 'vscode';

export function registerResourceCommands(_context: vscode.ExtensionContext): void {
  // Filled in by the resource-commands work.
}
