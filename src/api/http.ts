// The HTTP layer of the client: one origin, one token, over a Transport (./transport: undici on
// desktop, fetch in the browser). Adds auth and account query parameters, enforces one deadline
// per call (retries and waits included) outside the transport, cancellation and the client-side
// rate limit, retries only safe reads, caps response size, never follows redirects, and turns
// every failure into a HarnessApiError. A request that changes data and was sent but not answered
// intact becomes `outcomeUnknown`, never a plain failure.
import { type Clock, systemClock } from './clock';
import { HarnessApiError } from './errors';
import {
  type CallHistory,
  type Operation,
  type ParsedBody,
  cancelledError,
  describeAttempts,
  errorFromResponse,
  formatSeconds,
  networkError,
  outcomeUnknownError,
  parseBody,
  shapeError,
  timeoutError,
  tooLargeError,
} from './errorMapping';
import { type RateBudgets, type RateLimitOptions, TokenBucket } from './limiter';
import { type RetryOptions, backoffDelay, parseRetryAfter } from './retry';
import {
  FETCH_FAILED,
  type Logger,
  type ProxyRoute,
  ResponseTooLarge,
  type Transport,
  type TransportFactory,
  type WireAnswer,
  type WireProgress,
  type WireRequest,
} from './transport';
import type { CallOptions } from './types';
import { ResponseShapeError, isRecord, stripNulls } from './validate';

export type { Logger } from './transport';

export interface HarnessHttpOptions {
  /** Already normalised (see normalizeBaseUrl). */
  baseUrl: string;
  token: string;
  accountId: string;
  /** Builds the transport requests go through (undiciTransport() on desktop, fetchTransport() in the browser). */
  transport: TransportFactory;
  /**
   * Deadline of one call in ms, retries and the waits between them included (default 30 000).
   * `CallOptions.timeoutMs` overrides it per call.
   */
  timeoutMs?: number;
  logger?: Logger;
  retry?: RetryOptions;
  /** Token-bucket parameters, or false to disable (only sensible in tests). */
  rateLimit?: RateLimitOptions | false;
  /** Shares the rate budget with the other clients given the same RateBudgets (same key); else a bucket of its own. */
  rateBudgets?: RateBudgets;
  userAgent?: string;
  /** Time source for backoff waits and the limiter (tests inject a fake one). */
  clock?: Clock;
  /** Longest Retry-After the client waits for before giving up (default 60 s). */
  maxRetryAfterMs?: number;
  /** Largest response body read, in bytes (default 32 MB); reading stops as soon as it is exceeded. */
  maxResponseBytes?: number;
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
  /** May be retried automatically (idempotent reads only). False means the request changes data. */
  safe: boolean;
  op: Operation;
  /**
   * The answer is text, not a JSON envelope (the log service's blob and stream): a 2xx answer
   * gives `RawAnswer` as its data; errors are read as usual.
   */
  raw?: RawRead;
}

export interface RawRead {
  /** Largest body read (at most the client's cap); past it the head is kept, `truncated` set. */
  maxBytes?: number;
  /** Each piece of the body as it arrives (SSE streams); a streamed call is never retried. */
  onText?: (text: string) => void;
}

/** What a raw read gives: the body (its head when it was longer than the cap). */
export interface RawAnswer {
  text: string;
  truncated: boolean;
  contentType?: string;
}

export const DEFAULT_USER_AGENT = 'harness-vscode/0.1.0';
export const DEFAULT_TIMEOUT_MS = 30_000;
/** No Harness answer the extension reads comes near this; a 100 MB body cost the host 1.4 GB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const TIMEOUT = Symbol('deadline');
const CANCEL = Symbol('cancelled');

type AttemptResult =
  | { data: unknown }
  | { error: HarnessApiError; label: string; retryAfterMs?: number }
  | { deadline: true; sent: boolean; status: number; label: string };

/** Short words for what happened to one attempt, for "tried" lists in messages. */
function attemptLabel(error: HarnessApiError): string {
  if (error.status > 0) return `HTTP ${error.status}`;
  switch (error.code) {
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `connection lost (${error.code})`;
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'UND_ERR_PRX_CONN':
      return 'proxy closed the tunnel';
    case FETCH_FAILED:
      return 'failed to fetch';
    default:
      return error.code ? `network error ${error.code}` : error.kind;
  }
}

/** Nothing shorter than this is worth starting as a retry: a tenth of the deadline, at least 100 ms. */
function minAttemptMs(limitMs: number): number {
  return Math.max(100, limitMs / 10);
}

export class HarnessHttp {
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
  private readonly maxResponseBytes: number;
  private readonly transport: Transport;

  constructor(options: HarnessHttpOptions) {
    this.baseUrl = options.baseUrl;
    this.origin = new URL(options.baseUrl).origin;
    this.accountId = options.accountId;
    this.token = options.token;
    const secretPart = options.token.split('.')[3];
    this.secrets = secretPart && secretPart.length >= 6 ? [options.token, secretPart] : [options.token];
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (options.logger) this.logger = options.logger;
    this.retry = options.retry ?? {};
    this.clock = options.clock ?? systemClock;
    if (options.rateLimit !== false) {
      const limit: RateLimitOptions = {
        ...options.rateLimit,
        ...(options.clock && !options.rateLimit?.clock ? { clock: options.clock } : {}),
      };
      this.limiter = options.rateBudgets
        ? options.rateBudgets.forKey(options.token, limit)
        : new TokenBucket(limit);
    }
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.transport = options.transport({
      baseUrl: options.baseUrl,
      ...(options.logger ? { logger: options.logger } : {}),
    });
    // The token is a private field; keep it out of `util.inspect(client)` as well.
    Object.defineProperty(this, 'token', { enumerable: false });
    Object.defineProperty(this, 'secrets', { enumerable: false });
  }

  /** How requests leave the process: direct, an explicit proxy or the *_PROXY variables. */
  get proxyRoute(): ProxyRoute {
    return this.transport.route;
  }

  /** Which transport carries the requests ('undici' or 'fetch'). */
  get transportKind(): Transport['kind'] {
    return this.transport.kind;
  }

  close(): Promise<void> {
    return this.transport.close();
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

  /**
   * Performs the request and returns the envelope's `data` (undefined for an empty 2xx body).
   * Settles within the call's deadline whatever the network or undici does: the deadline is
   * enforced here, outside undici, and retries and the waits between them share it.
   */
  async call(spec: RequestSpec, options: CallOptions = {}): Promise<unknown> {
    // A stream's pieces were already handed out: repeating it would hand them out twice.
    const maxAttempts = spec.safe && !spec.raw?.onText ? Math.max(1, this.retry.maxAttempts ?? 4) : 1;
    const limitMs = options.timeoutMs ?? this.timeoutMs;
    const startedAt = performance.now();
    // Waits count as the time the clock was asked to sleep (a test clock sleeps instantly).
    let sleptReal = 0;
    let sleptAsked = 0;
    const elapsed = (): number => performance.now() - startedAt - sleptReal + sleptAsked;
    const tried: string[] = [];
    const finish = (error: HarnessApiError): HarnessApiError => {
      const ms = Math.round(elapsed());
      const summary =
        tried.length > 1 && error.kind !== 'rateLimited'
          ? ` (${describeAttempts(tried)}; ${formatSeconds(ms)} in all)`
          : '';
      return error.with({ message: `${error.message}${summary}`, attempts: tried.length, elapsedMs: ms });
    };
    for (let attempt = 1; ; attempt++) {
      const remaining = Math.max(1, limitMs - elapsed());
      const outcome = await this.attempt(spec, options.signal, remaining, attempt, maxAttempts);
      if ('data' in outcome) return outcome.data;
      tried.push(outcome.label);
      if ('deadline' in outcome) {
        const history: CallHistory = { limitMs, elapsedMs: elapsed(), tried };
        if (!spec.safe && outcome.sent) {
          throw outcomeUnknownError(spec.op, {
            reason: 'timeout',
            status: outcome.status,
            elapsedMs: history.elapsedMs,
          }).with({ attempts: tried.length });
        }
        throw timeoutError(spec.op, history, !spec.safe);
      }
      const { error, retryAfterMs } = outcome;
      if (!spec.safe || !error.retryable || attempt >= maxAttempts) throw finish(error);
      if (retryAfterMs !== undefined && retryAfterMs > this.maxRetryAfterMs) throw finish(error);
      const delay = retryAfterMs ?? backoffDelay(attempt, this.retry);
      if (delay + minAttemptMs(limitMs) > limitMs - elapsed()) {
        // Another attempt would not fit in the deadline: say so rather than wait past it.
        throw finish(
          error.with({
            message: `${error.message} Not retried again: the next attempt would not fit in the ${formatSeconds(limitMs)} limit for this call.`,
          }),
        );
      }
      this.logger?.warn(
        `${spec.method} ${spec.path}: ${error.kind}${error.status ? ` ${error.status}` : ''}, retrying in ${delay} ms (attempt ${attempt + 1}/${maxAttempts})`,
      );
      const before = performance.now();
      try {
        await this.clock.sleep(delay, options.signal);
      } catch {
        throw cancelledError(spec.op);
      }
      sleptReal += performance.now() - before;
      sleptAsked += delay;
    }
  }

  private async attempt(
    spec: RequestSpec,
    userSignal: AbortSignal | undefined,
    remainingMs: number,
    attempt: number,
    maxAttempts: number,
  ): Promise<AttemptResult> {
    const secrets = this.secrets;
    if (userSignal?.aborted) throw cancelledError(spec.op);
    const url = this.buildUrl(spec.path, spec.query, spec.op);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMEOUT), remainingMs);
    const onAbort = (): void => controller.abort(CANCEL);
    userSignal?.addEventListener('abort', onAbort, { once: true });
    const state: WireProgress = { sent: false, status: 0 };
    const started = performance.now();
    const ms = (): number => Math.round(performance.now() - started);
    let answer: WireAnswer;
    try {
      if (this.limiter) {
        try {
          await this.limiter.acquire(controller.signal);
        } catch {
          if (controller.signal.reason !== TIMEOUT) throw cancelledError(spec.op);
          this.log(spec, 'timeout', ms(), attempt, maxAttempts, 'rate limiter');
          return {
            deadline: true,
            sent: false,
            status: 0,
            label: 'queued behind the client-side rate limit',
          };
        }
      }
      const raw = spec.raw;
      const work = this.transport.exchange(this.wireRequest(url, spec), {
        signal: controller.signal,
        progress: state,
        maxBytes: Math.min(raw?.maxBytes ?? this.maxResponseBytes, this.maxResponseBytes),
        ...(raw ? { overflow: 'truncate' as const } : {}),
        ...(raw?.onText ? { onText: raw.onText } : {}),
      });
      // Observed through the race below (or dropped once the deadline won it).
      work.catch(() => undefined);
      // The deadline and cancellation end the attempt here even if the transport never ends the request.
      const stopped = new Promise<never>((_resolve, reject) => {
        const stop = (): void => reject(controller.signal.reason);
        if (controller.signal.aborted) stop();
        else controller.signal.addEventListener('abort', stop, { once: true });
      });
      // Observed through the race below; this only keeps it from being an unhandled rejection.
      stopped.catch(() => undefined);
      try {
        answer = await Promise.race([work, stopped]);
      } catch (err) {
        if (controller.signal.aborted) {
          if (controller.signal.reason === TIMEOUT) {
            this.log(spec, 'timeout', ms(), attempt, maxAttempts);
            const label = !state.sent
              ? 'could not connect'
              : state.status > 0
                ? `HTTP ${state.status}, answer not finished`
                : 'no answer';
            return { deadline: true, sent: state.sent, status: state.status, label };
          }
          this.log(spec, 'cancelled', ms(), attempt, maxAttempts);
          if (!spec.safe && state.sent) {
            throw outcomeUnknownError(spec.op, {
              reason: 'cancelled',
              status: state.status,
              elapsedMs: ms(),
            });
          }
          throw cancelledError(spec.op);
        }
        if (err instanceof ResponseTooLarge) {
          this.log(spec, `${state.status} too large`, ms(), attempt, maxAttempts);
          const error =
            !spec.safe && state.status < 400
              ? outcomeUnknownError(spec.op, {
                  reason: 'bodyTooLarge',
                  status: state.status,
                  limitBytes: this.maxResponseBytes,
                })
              : tooLargeError(spec.op, state.status, this.maxResponseBytes);
          return { error, label: `HTTP ${state.status}, answer too large` };
        }
        const error = networkError(err, spec.op, this.origin, secrets, this.transport.networkContext());
        this.log(
          spec,
          state.status > 0 ? String(state.status) : error.kind,
          ms(),
          attempt,
          maxAttempts,
          error.code,
        );
        if (!spec.safe && state.sent) {
          return {
            error: outcomeUnknownError(spec.op, {
              reason: state.status > 0 ? 'bodyIncomplete' : 'connectionLost',
              status: state.status,
              ...(error.code !== undefined ? { code: error.code } : {}),
            }),
            label: state.status > 0 ? `HTTP ${state.status}, answer cut off` : attemptLabel(error),
          };
        }
        if (!spec.safe) {
          const safeToRepeat = error.retryable ? ', so it is safe to try again' : '';
          return {
            error: error.with({ message: `${error.message} Nothing reached Harness${safeToRepeat}.` }),
            label: attemptLabel(error),
          };
        }
        return { error, label: attemptLabel(error) };
      }
    } finally {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', onAbort);
    }
    const { status } = answer;
    this.log(spec, String(status), ms(), attempt, maxAttempts);

    if (answer.opaqueRedirect || (status >= 300 && status < 400)) {
      const label = status > 0 ? `HTTP ${status}` : 'redirect';
      return { error: this.redirectError(spec.op, status, answer.location), label };
    }
    if (spec.raw && status >= 200 && status < 300) {
      const data: RawAnswer = {
        text: answer.text,
        truncated: answer.truncated === true,
        ...(answer.contentType !== undefined ? { contentType: answer.contentType } : {}),
      };
      return { data };
    }
    const parsed = parseBody(answer.text, answer.contentType);
    if (!spec.safe && (status === 504 || (status < 400 && parsed.type === 'malformed'))) {
      // A gateway timeout or a broken success body: the write may well have been applied.
      return {
        error: outcomeUnknownError(spec.op, {
          reason: status === 504 ? 'gatewayTimeout' : 'bodyIncomplete',
          status,
        }),
        label: `HTTP ${status}`,
      };
    }
    if (status >= 400) {
      const retryAfterMs = parseRetryAfter(answer.retryAfter, this.clock.now());
      const error = errorFromResponse({
        status,
        body: parsed,
        op: spec.op,
        secrets,
        attempts: attempt,
        safe: spec.safe,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
      const label = `HTTP ${status}`;
      return retryAfterMs !== undefined ? { error, retryAfterMs, label } : { error, label };
    }
    const result = this.successData(spec, status, parsed, attempt);
    return 'error' in result ? { error: result.error, label: `HTTP ${status}` } : result;
  }

  /** The request as it goes on the wire: the key, JSON accepted, the body (nulls stripped from JSON). */
  private wireRequest(url: URL, spec: RequestSpec): WireRequest {
    const headers: Record<string, string> = {
      'x-api-key': this.token,
      accept: spec.raw ? '*/*' : 'application/json',
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
    return body !== undefined
      ? { url, method: spec.method, headers, body }
      : { url, method: spec.method, headers };
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
        where = 'an invalid location'; // said as such in the message; nothing is followed
      }
    }
    // A browser hides the status of a redirect it was told not to follow (status 0).
    const http = status > 0 ? ` (HTTP ${status})` : '';
    return new HarnessApiError({
      kind: 'badResponse',
      status,
      message: crossOrigin
        ? `Harness redirected the request to ${op.op} to ${where}${http}; the token was not sent there. This is usually a sign-in page or a proxy: check the base URL.`
        : `Harness redirected the request to ${op.op} to ${where}${http}; redirects are not followed. Check the base URL.`,
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
