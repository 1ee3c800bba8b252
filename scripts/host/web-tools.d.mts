// Types of web-tools.mjs for TypeScript callers (test/unit/scripts).
export const TEST_WEB_VERSION: string;
export interface WebToolPaths {
  cacheDir: string;
  testWebDir: string;
  testWebServer: string;
  vscodeWeb: string;
  marker: string;
}
export function webToolPaths(host?: { cacheDir: string }): WebToolPaths;
export function webToolsReady(paths?: WebToolPaths): boolean;
export function patchWorkbench(source: string): string;
export function buildVsCodeWeb(vscodeDir: string, out: string): void;
export function ensureWebTools(): WebToolPaths;
