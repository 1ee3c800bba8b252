// Types of install.mjs for TypeScript callers (test/e2e).
export const CODE_SERVER_VERSION: string;
export const NODE24_VERSION: string;
export const CHROMIUM_PATH: string;
export interface HostToolPaths {
  cacheDir: string;
  nodeDir: string;
  nodeBin: string;
  codeServerDir: string;
  codeServerEntry: string;
  chromium: string;
  marker: string;
}
export function hostToolPaths(): HostToolPaths;
export function hostToolsReady(paths?: HostToolPaths): boolean;
export function ensureHostTools(): HostToolPaths;
