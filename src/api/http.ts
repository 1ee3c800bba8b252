// The transport: one origin, one token, undici underneath. Adds auth and account query
// parameters, enforces timeouts, cancellation and the client-side rate limit, retries only safe
// reads, never follows redirects, and turns every failure into a HarnessApiError.
import { request } from 'undici';
import { type Clock, systemClock } from './clock';
import { type DispatcherChoice, type ProxyOptions, createDispatcher } from './dispatcher';
import { HarnessApiError } from './errors';
import {
  type Operation,
  type ParsedBody,
  cancelledError,
  errorFromResponse,
  networkError,
  parseBody,
  shapeError,
  timeoutError,
} from './errorMapping';
import { type RateLimitOptions, type TokenBucket, bucketForKey } from './limiter';
import { type RetryOptions, backoffDelay, parseRetryAfter } from './retry';
import type { CallOptions } from './types';
import { ResponseShapeError, isRecord, stripNulls } from './validate';

export interface Logger {
  debug(message: string): void;
  warn(message: string): void;
}

export interface TransportOptions {
  /** Already normalised (see normalizeBaseUrl). */
  baseUrl: string;
  token: string;
  accountId: string;
  /** Per-attempt timeout (default 30 000 ms). */
  timeoutMs?: number;
  proxy?: ProxyOptions;
  logger?: Logger;
  retry?: RetryOptions;
  /** Token-bucket parameters, or false to disable (only sensible in tests). */
  rateLimit?: RateLimitOptions | false;
  userAgent?: string;
  /** Time source for backoff waits and the limiter (tests inject a fake one). */
  clock?: Clock;
  /** Environment for HTTPS_PROXY/HTTP_PROXY/NO_PROXY (default process.env). */
  env?: Record<string, string | undefined>;
  /** Longest Retry-After the client waits for before giving up (default 60 s). */
  maxRetryAfterMs?: number;
}

export type QueryValue = string | number | boolean | undefined | readonly string[];

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the base URL, starting with `/ng/api` or `/pipeline/api`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** JSON body; nulls are stripped before sending. */
  json?: unknown;
  /** Raw body with its content type (YAML, text/plain). */
  text?: { body: string; contentType: string };
  /** May be retried automatically (idempotent reads only). */
  safe: boolean;
  op: Operation;
}

export const DEFAULT_USER_AGENT = 'harness-vscode/0.1.0';

const TIMEOUT = Symbol('timeout');

export class HttpTransport {
  readonly baseUrl: string;
  readonly accountId: string;
  private readonly origin: string;
  private readonly token: string;
  /** What redaction removes from server text: the token and, for pat/sat, its secret part. */
  private readonly secrets: readonly string[];
  private readonly timeoutMs: number;
  private readonly logger?: Logger;
  private readonly retry: RetryOptions;
  private readonly limiter?: TokenBucket;
  private readonly userAgent: string;
  private readonly clock: Clock;
  private readonly maxRetryAfterMs: number;
  private readonly choice: DispatcherChoice;

  constructor(options: TransportOptions) {
    this.baseUrl = options.baseUrl;
    this.origin = new URL(options.baseUrl).origin;
    this.accountId = options.accountId;
    this.token = options.token;
    const secretPart = options.token.split('.')[3];
    this.secrets = secretPart && secretPart.length >= 6 ? [options.token, secretPart] : [options.token];
    this.timeoutMs = options.timeoutMs ?? 30_000;
    if (options.logger) this.logger = options.logger;
    this.retry = options.retry ?? {};
    this.clock = options.clock ?? systemClock;
    if (options.rateLimit !== false) {
      this.limiter = bucketForKey(options.token, {
        ...options.rateLimit,
        ...(options.clock && !options.rateLimit?.clock ? { clock: options.clock } : {}),
      });
    }
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.choice = createDispatcher(options.baseUrl, options.proxy, options.env);
    // The token is a private field; keep it out of `util.inspect(client)` as well.
    Object.defineProperty(this, 'token', { enumerable: false });
    Object.defineProperty(this, 'secrets', { enumerable: false });
  }

  /** How requests leave the process: direct, an explicit proxy or the *_PROXY variables. */
  get proxyRoute(): DispatcherChoice['route'] {
    return this.choice.route;
  }

  async close(): Promise<void> {
    await this.choice.dispatcher.close();
  }

  /**
   * The request URL. Identifiers are path segments, so an empty one, `.` or `..` would turn the
   * call into a different endpoint (`/projects/` lists, `/projects/..` climbs): refused here.
   */
  buildUrl(
    path: string,
    query: Record<string, QueryValue> = {},
    op: Operation = { op: 'call Harness' },
  ): URL {
    const url = new URL(`${this.baseUrl}${path}`);
    const expected = `${new URL(this.baseUrl).pathname.replace(/\/$/, '')}${path}`;
    if (url.origin !== this.origin || url.pathname !== expected || /\/\/|\/$/.test(path)) {
      throw new HarnessApiError({
        kind: 'invalid',
        status: 0,
        message: `Cannot ${op.op}: an identifier is empty or not a valid identifier (".", "..").`,
      });
    }
    url.searchParams.set('accountIdentifier', this.accountId);
    url.searchParams.set('routingId', this.accountId);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, v);
      else url.searchParams.set(key, String(value));
    }
    return url;
  }

  /** What must be redacted from any text built from responses (for the parsers' messages). */
  secretsToRedact(): readonly string[] {
    return this.secrets;
  }

  /** Performs the request and returns the envelope's `data` (undefined for an empty 2xx body). */
  async call(spec: RequestSpec, options: CallOptions = {}): Promise<unknown> {
    const maxAttempts = spec.safe ? Math.max(1, this.retry.maxAttempts ?? 4) : 1;
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(spec, options.signal, timeoutMs, attempt, maxAttempts);
      if ('data' in outcome) return outcome.data;
      const { error, retryAfterMs } = outcome;
      if (!spec.safe || !error.retryable || attempt >= maxAttempts) throw error;
      if (retryAfterMs !== undefined && retryAfterMs > this.maxRetryAfterMs) throw error;
      const delay = retryAfterMs ?? backoffDelay(attempt, this.retry);
      this.logger?.warn(
        `${spec.method} ${spec.path}: ${error.kind}${error.status ? ` ${error.status}` : ''}, retrying in ${delay} ms (attempt ${attempt + 1}/${maxAttempts})`,
      );
      try {
        await this.clock.sleep(delay, options.signal);
      } catch {
        throw cancelledError(spec.op);
      }
    }
  }

  private async attempt(
    spec: RequestSpec,
    userSignal: AbortSignal | undefined,
    timeoutMs: number,
    attempt: number,
    maxAttempts: number,
  ): Promise<{ data: unknown } | { error: HarnessApiError; retryAfterMs?: number }> {
    const secrets = this.secrets;
    if (userSignal?.aborted) throw cancelledError(spec.op);
    const url = this.buildUrl(spec.path, spec.query, spec.op);
    if (this.limiter) {
      try {
        await this.limiter.acquire(userSignal);
      } catch {
        throw cancelledError(spec.op);
      }
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);
    const onAbort = (): void => controller.abort(userSignal?.reason);
    userSignal?.addEventListener('abort', onAbort, { once: true });
    const started = performance.now();
    let status = 0;
    let contentType: string | undefined;
    let location: string | undefined;
    let retryAfter: string | undefined;
    let text: string;
    try {
      const headers: Record<string, string> = {
        'x-api-key': this.token,
        accept: 'application/json',
        'user-agent': this.userAgent,
      };
      let body: string | undefined;
      if (spec.json !== undefined) {
        body = JSON.stringify(stripNulls(spec.json));
        headers['content-type'] = 'application/json';
      } else if (spec.text !== undefined) {
        body = spec.text.body;
        headers['content-type'] = spec.text.contentType;
      }
      const res = await request(url, {
        method: spec.method,
        headers,
        body,
        dispatcher: this.choice.dispatcher,
        signal: controller.signal,
      });
      status = res.statusCode;
      contentType = headerValue(res.headers['content-type']);
      location = headerValue(res.headers.location);
      retryAfter = headerValue(res.headers['retry-after']);
      text = await res.body.text();
    } catch (err) {
      const ms = Math.round(performance.now() - started);
      let error: HarnessApiError;
      if (userSignal?.aborted) error = cancelledError(spec.op);
      else if (controller.signal.aborted && controller.signal.reason === TIMEOUT)
        error = timeoutError(spec.op, timeoutMs);
      else error = networkError(err, spec.op, this.origin, secrets);
      this.log(spec, status > 0 ? String(status) : error.kind, ms, attempt, maxAttempts, error.code);
      if (error.kind === 'cancelled') throw error;
      return { error };
    } finally {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', onAbort);
    }
    this.log(spec, String(status), Math.round(performance.now() - started), attempt, maxAttempts);

    if (status >= 300 && status < 400) return { error: this.redirectError(spec.op, status, location) };
    const parsed = parseBody(text, contentType);
    if (status >= 400) {
      const error = errorFromResponse({
        status,
        body: parsed,
        op: spec.op,
        secrets,
        attempts: attempt,
        safe: spec.safe,
      });
      const retryAfterMs = parseRetryAfter(retryAfter, this.clock.now());
      return retryAfterMs !== undefined ? { error, retryAfterMs } : { error };
    }
    return this.successData(spec, status, parsed, attempt);
  }

  private successData(
    spec: RequestSpec,
    status: number,
    parsed: ParsedBody,
    attempt: number,
  ): { data: unknown } | { error: HarnessApiError } {
    const secrets = this.secrets;
    if (parsed.type === 'empty') return { data: undefined };
    if (parsed.type !== 'json') {
      return {
        error: errorFromResponse({
          status,
          body: parsed,
          op: spec.op,
          secrets,
          attempts: attempt,
          safe: spec.safe,
        }),
      };
    }
    const value = parsed.value;
    if (isRecord(value) && typeof value.status === 'string') {
      if (value.status === 'SUCCESS') return { data: value.data ?? undefined };
      if (value.status === 'ERROR' || value.status === 'FAILURE') {
        return {
          error: errorFromResponse({
            status,
            body: parsed,
            op: spec.op,
            secrets,
            attempts: attempt,
            safe: spec.safe,
          }),
        };
      }
    }
    // `{code:400,message:…}` can arrive with a 2xx status from some gateways.
    if (
      isRecord(value) &&
      typeof value.code === 'number' &&
      value.code >= 400 &&
      typeof value.message === 'string'
    ) {
      return {
        error: errorFromResponse({
          status: value.code,
          body: parsed,
          op: spec.op,
          secrets,
          attempts: attempt,
          safe: spec.safe,
        }),
      };
    }
    return { data: value };
  }

  private redirectError(op: Operation, status: number, location: string | undefined): HarnessApiError {
    let where = 'an unknown location';
    let crossOrigin = true;
    if (location !== undefined) {
      try {
        const target = new URL(location, this.baseUrl);
        crossOrigin = target.origin !== this.origin;
        where = `${target.origin}${target.pathname}`;
      } catch {
        where = 'an invalid location';
      }
    }
    return new HarnessApiError({
      kind: 'badResponse',
      status,
      message: crossOrigin
        ? `Harness redirected the request to ${op.op} to ${where} (HTTP ${status}); the token was not sent there. This is usually a sign-in page or a proxy: check the base URL.`
        : `Harness redirected the request to ${op.op} to ${where} (HTTP ${status}); redirects are not followed. Check the base URL.`,
    });
  }

  private log(
    spec: RequestSpec,
    outcome: string,
    ms: number,
    attempt: number,
    maxAttempts: number,
    code?: string,
  ): void {
    this.logger?.debug(
      `${spec.method} ${spec.path} ${outcome}${code ? ` ${code}` : ''} ${ms}ms attempt ${attempt}/${maxAttempts}`,
    );
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Runs a parser over response data, turning shape problems into `badResponse` errors. */
export function parseWith<T>(
  op: Operation,
  data: unknown,
  parse: (x: unknown) => T,
  secrets: readonly string[] = [],
): T {
  try {
    return parse(data);
  } catch (err) {
    if (err instanceof ResponseShapeError)
      throw shapeError(op, 200, data === undefined ? 'empty response' : err.message, secrets);
    throw err;
  }
}
