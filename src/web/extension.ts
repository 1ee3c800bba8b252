// The browser entry (package.json `browser`, dist/web/extension.js): vscode.dev, github.dev and any
// web worker extension host. Same wiring as the desktop (../activation.ts) on the web platform:
// the browser's fetch for the API, the language server in a web worker, no process environment.
// Built with esbuild's browser platform: a Node module anywhere below this file fails the build.
import { harnessEntry } from '../activation';
import { webPlatform } from '../platform/web';

/** activate wires the features; deactivate resolves when the language server has stopped (bounded). */
export const { activate, deactivate } = harnessEntry(webPlatform);
