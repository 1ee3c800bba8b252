// What the web tests share: the runner's control server (configuration, screenshots, what the
// simulator received), the extension's test hooks, waiting on diagnostics, and a small assert
// (node:assert is not in a web worker, and a polyfill would need a `process`).
import * as vscode from 'vscode';
import type { HarnessExtensionApi } from '../../src/activation';

/** The runner's control server (a define set by scripts/host/run-web-tests.mjs). */
declare const HARNESS_WEB_CONTROL: string;

export const EXTENSION_ID = 'harness-community.harness-vscode';

export interface WebTestConfig {
  /** 'test-web' (browser-only VS Code, virtual workspace) or 'code-server' (its web worker host). */
  host: 'test-web' | 'code-server';
  /** The simulator, with CORS on. */
  simUrl: string;
  accountId: string;
  token: string;
}

async function control<T>(path: string): Promise<T> {
  const res = await fetch(`${HARNESS_WEB_CONTROL}${path}`);
  if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export function config(): Promise<WebTestConfig> {
  return control<WebTestConfig>('/config');
}

/** Asks the runner for a screenshot of the workbench now; resolves once it is saved. */
export async function screenshot(name: string): Promise<string> {
  // Offline noise (built-in extensions the derived web build lacks) would cover the view.
  await vscode.commands.executeCommand('notifications.clearAll');
  const { path } = await control<{ path: string }>(`/shot?name=${encodeURIComponent(name)}`);
  return path;
}

/** Requests the simulator received since the last reset: method, path and the Origin header. */
export function simRequests(): Promise<{ method: string; path: string; origin?: string }[]> {
  return control('/sim-requests');
}

/** Hands a figure to the runner, which prints it in the stage's summary (activation times). */
export async function report(name: string, value: string): Promise<void> {
  await control(`/report?name=${encodeURIComponent(name)}&value=${encodeURIComponent(value)}`);
}

function isExports(v: unknown): v is HarnessExtensionApi {
  return typeof v === 'object' && v !== null && typeof Reflect.get(v, 'logLines') === 'function';
}

export async function harnessExports(): Promise<HarnessExtensionApi> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  ok(ext, `${EXTENSION_ID} is not loaded`);
  const exported: unknown = await ext.activate();
  ok(isExports(exported), 'activate() returns the test hooks');
  await exported.ready;
  return exported;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value (bounded). */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  { timeoutMs = 20_000, message }: { timeoutMs?: number; message: string | (() => string) },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${typeof message === 'function' ? message() : message}`);
    await sleep(100);
  }
}

/** The Harness diagnostics of `uri` once `pred` accepts them. */
export function harnessDiagnostics(
  uri: vscode.Uri,
  pred: (d: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'harness');
  return waitFor(() => (pred(current()) ? current() : undefined), {
    timeoutMs,
    message: () =>
      `Harness diagnostics of ${uri.toString()} (now: ${JSON.stringify(current().map((d) => d.message))})`,
  });
}

// ---- assert ---------------------------------------------------------------------------------

export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (actual !== expected)
    throw new Error(
      `${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    );
}

export function match(text: string, re: RegExp, message?: string): void {
  if (!re.test(text))
    throw new Error(`${message ? `${message}: ` : ''}${JSON.stringify(text)} does not match ${re}`);
}

/** Each pattern matches at least one of `texts`. */
export function someMatch(texts: readonly string[], patterns: readonly RegExp[]): void {
  for (const re of patterns)
    if (!texts.some((t) => re.test(t))) throw new Error(`no entry matches ${re} in ${JSON.stringify(texts)}`);
}
