// The desktop entry (package.json `main`, dist/extension.js): VS Code's Node extension host. The
// wiring is activateHarness's (./activation.ts), the same for the browser entry
// (src/web/extension.ts); this file only picks the desktop platform: undici with VS Code's network
// settings, the language server as a Node process, the environment session.
import { harnessEntry } from './activation';
import { desktopPlatform } from './platform/desktop';

export { exportsFor, type HarnessExtensionApi } from './activation';

/** activate wires the features; deactivate resolves when the language server has stopped (bounded). */
export const { activate, deactivate } = harnessEntry(desktopPlatform);
