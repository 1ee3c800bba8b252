// Types of install.mjs for TypeScript callers (test/e2e, test/unit/scripts).
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
export function nestedNpmEnv(
  base: NodeJS.ProcessEnv,
  options?: { nodeBin?: string; extra?: Record<string, string> },
): NodeJS.ProcessEnv;
export function npmInstallIn(
  dir: string,
  options?: {
    nodeBin?: string;
    extra?: Record<string, string>;
    env?: NodeJS.ProcessEnv;
    stdio?: import('node:child_process').StdioOptions;
    args?: string[];
  },
): void;
export class InstallError extends Error {}
export function acquireLock(paths: { cacheDir: string }): () => void;
