// Shared by the simulator tests: a thin fetch wrapper that adds the account parameters and a
// token, and a bounded wait-on-condition for time-driven state (no fixed sleeps).
import type { Simulator } from '../../simulator/server';

export interface CallOptions {
  /** Defaults to the admin token; null sends no x-api-key. */
  token?: string | null;
  query?: Record<string, string | number | boolean | string[] | undefined>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as application/yaml. */
  yaml?: string;
  /** Sent as text/plain. */
  text?: string;
  headers?: Record<string, string>;
  /** Leave out accountIdentifier (it is added by default). */
  noAccount?: boolean;
  signal?: AbortSignal;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (throws when the body is not JSON). */
  body: Record<string, unknown>;
}

export async function call(
  sim: Simulator,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<CallResult> {
  const url = new URL(path, sim.url);
  if (!opts.noAccount) {
    url.searchParams.set('accountIdentifier', sim.accountId);
    url.searchParams.set('routingId', sim.accountId);
  }
  for (const [k, v] of Object.entries(opts.query ?? {})) {
    if (v === undefined) continue;
    if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
    else url.searchParams.set(k, String(v));
  }
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  const token = opts.token === undefined ? sim.tokens.admin : opts.token;
  if (token !== null) headers['x-api-key'] = token;
  let body: string | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.yaml !== undefined) {
    headers['content-type'] ??= 'application/yaml';
    body = opts.yaml;
  } else if (opts.text !== undefined) {
    headers['content-type'] ??= 'text/plain';
    body = opts.text;
  }
  const res = await fetch(url, { method, headers, body, signal: opts.signal });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    get body() {
      return JSON.parse(text) as Record<string, unknown>;
    },
  };
}

export function data<T = Record<string, unknown>>(r: CallResult): T {
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${r.text.slice(0, 300)}`);
  return r.body.data as T;
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const PLATFORM = { orgIdentifier: 'default', projectIdentifier: 'platform' };

export function simplePipelineYaml(identifier: string, extra = '', project = PLATFORM): string {
  return [
    'pipeline:',
    `  name: ${identifier}`,
    `  identifier: ${identifier}`,
    `  orgIdentifier: ${project.orgIdentifier}`,
    `  projectIdentifier: ${project.projectIdentifier}`,
    extra,
    '  stages:',
    '    - stage:',
    '        name: Build',
    '        identifier: build',
    '        type: CI',
    '        spec:',
    '          execution:',
    '            steps:',
    '              - step:',
    '                  type: Run',
    '                  name: Echo',
    '                  identifier: echo',
    '                  spec:',
    '                    command: echo hi',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n')
    .concat('\n');
}
