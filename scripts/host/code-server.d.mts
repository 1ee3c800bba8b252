// Types of code-server.mjs for TypeScript callers (test/e2e).
export const BASE_SETTINGS: Record<string, unknown>;
export function findFreePort(preferred?: number, attempts?: number): Promise<number>;
export function waitUntil<T>(
  check: () => T | Promise<T>,
  options: { timeoutMs: number; intervalMs?: number; message: string },
): Promise<NonNullable<T>>;
export function linkExtension(extensionsDir: string, extensionPath: string): string;

export interface CodeServerOptions {
  port?: number;
  env?: Record<string, string>;
  smokeTestDriver?: boolean;
  settings?: Record<string, unknown>;
  extensions?: string[];
  vsix?: string[];
  label?: string;
  verbose?: boolean;
}

export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  tmpDir: string;
  userDataDir: string;
  extensionsDir: string;
  folderUrl(dir: string): string;
  output(): string;
  exited(): Promise<number | string | null>;
  stop(): Promise<void>;
}

export function startCodeServer(options?: CodeServerOptions): Promise<CodeServer>;
