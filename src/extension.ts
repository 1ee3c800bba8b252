// The desktop entry (package.json `main`, dist/extension.js): VS Code's Node extension host. The
// wiring is activateHarness's (./activation.ts), the same for the browser entry
// (src/web/extension.ts); this file only picks the desktop platform: undici with VS Code's network
// settings, the language server as a Node process, the environment session.
import type * as vscode from 'vscode';
import { activateHarness, type HarnessExtensionApi } from './activation';
import { desktopPlatform } from './platform/desktop';

export { exportsFor, type HarnessExtensionApi } from './activation';

export function activate(context: vscode.ExtensionContext): HarnessExtensionApi | Record<string, never> {
  return activateHarness(context, desktopPlatform());
}

export function deactivate(): void {
  // Disposables registered on the context are disposed by VS Code.
}
