// The browser entry (package.json `browser`, dist/web/extension.js): vscode.dev, github.dev and any
// web worker extension host. Same wiring as the desktop (../activation.ts) on the web platform:
// the browser's fetch for the API, the language server in a web worker, no process environment.
// Built with esbuild's browser platform: a Node module anywhere below this file fails the build.
import type * as vscode from 'vscode';
import { activateHarness, type HarnessExtensionApi } from '../activation';
import { webPlatform } from '../platform/web';

export function activate(context: vscode.ExtensionContext): HarnessExtensionApi | Record<string, never> {
  return activateHarness(context, webPlatform());
}

export function deactivate(): void {
  // Disposables registered on the context are disposed by VS Code.
}
