// createHarnessClient: the transport (./http) plus one small executor that runs the declarative
// endpoint table (./endpoints: method, path, query, body, retry class, parser) for every
// HarnessApi member. verifyToken is the one member that picks its request (SAT or not).
import { normalizeBaseUrl } from './baseUrl';
import type { Clock } from './clock';
import { type Body, type Endpoint, type Member, endpoints, rawAnswer, tokenEndpoints } from './endpoints';
import { isHarnessApiError } from './errors';
import { DEFAULT_LOG_BYTES, LogStreamParser } from './logs';
import { type Logger, type RequestSpec, HarnessHttp, parseWith } from './http';
import type { RateBudgets, RateLimitOptions } from './limiter';
import type { RetryOptions } from './retry';
import { parseToken, resolveAccountId } from './token';
import type { ProxyRoute, Transport, TransportFactory } from './transport';
import type { CallOptions, HarnessApi, LogLine, StepLogOptions, StepLogStreamEnd } from './types';

export interface HarnessClientOptions {
  /** Harness URL; default https://app.harness.io. Normalised by normalizeBaseUrl. */
  baseUrl?: string;
  token: string;
  /** Needed only when the token is not `pat.<account>.…`/`sat.<account>.…`. */
  accountId?: string;
  /**
   * How requests leave the process: `undiciTransport({ proxy, certificateTrust })` on desktop
   * (./undiciTransport), `fetchTransport()` in the browser (./fetchTransport). The same client
   * runs over either.
   */
  transport: TransportFactory;
  /** Per-request timeout in ms (default 30 000). */
  timeoutMs?: number;
  logger?: Logger;
  retry?: RetryOptions;
  rateLimit?: RateLimitOptions | false;
  /** Rate budgets shared with the caller's other clients (one bucket per key); else one of its own. */
  rateBudgets?: RateBudgets;
  userAgent?: string;
  /** Injected time source (tests). */
  clock?: Clock;
}

/** The client: the HarnessApi contract plus lifecycle. */
export interface HarnessClient extends HarnessApi {
  /** How requests leave the process: 'direct', 'proxy' (explicit) or 'env' (*_PROXY variables). */
  readonly proxyRoute: ProxyRoute;
  /** The transport that carries the requests: 'undici' (desktop) or 'fetch' (browser). */
  readonly transportKind: Transport['kind'];
  /** Closes pooled connections. */
  close(): Promise<void>;
}

export function createHarnessClient(options: HarnessClientOptions): HarnessClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  if (typeof options.token !== 'string' || options.token.trim() === '')
    throw new Error('An API token is required.');
  const token = options.token.trim();
  const accountId = resolveAccountId(token, options.accountId);
  const tokenKind = parseToken(token).kind;
  const http = new HarnessHttp({
    baseUrl,
    token,
    accountId,
    transport: options.transport,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    ...(options.rateBudgets ? { rateBudgets: options.rateBudgets } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });

  /** The executor: one endpoint, its arguments → one request through the transport, parsed. */
  async function run<A extends unknown[], R>(endpoint: Endpoint<A, R>, args: A): Promise<R> {
    const spec: RequestSpec = {
      method: endpoint.method,
      path: typeof endpoint.path === 'string' ? endpoint.path : endpoint.path(...args),
      ...(endpoint.query ? { query: endpoint.query(...args) } : {}),
      ...bodyOf(endpoint.body?.(...args)),
      safe: endpoint.retry === 'read',
      op: endpoint.op(...args),
      ...(endpoint.raw ? { raw: endpoint.raw(...args) } : {}),
    };
    const data = await http.call(spec, args[endpoint.optsAt] as CallOptions | undefined);
    return parseWith(spec.op, data, endpoint.parse, http.secretsToRedact());
  }

  const table = endpoints(accountId);
  const members = Object.fromEntries(
    Object.entries(table).map(([name, endpoint]) => [
      name,
      (...args: unknown[]) => run(endpoint as Endpoint<unknown[], unknown>, args),
    ]),
  ) as Pick<HarnessApi, Member>;
  const tokenCalls = tokenEndpoints(accountId, token);

  return {
    baseUrl,
    accountId,
    get proxyRoute() {
      return http.proxyRoute;
    },
    get transportKind() {
      return http.transportKind;
    },
    close: () => http.close(),
    async verifyToken(opts) {
      // PATs (and anything else) say who they are; a SAT has no user, it is validated as such.
      if (tokenKind === 'sat') {
        await run(tokenCalls.validateSat, [opts]);
        return { kind: 'sat' };
      }
      const user = await run(tokenCalls.currentUser, [opts]);
      return { kind: tokenKind, user };
    },
    streamStepLog: (key, onLines, opts) => streamLog(http, accountId, key, onLines, opts),
    ...members,
  };
}

/**
 * The log service's SSE stream of a running step: lines are handed to `onLines` as they arrive;
 * the promise settles when the server ends the stream (`ended`), at the cap or at the deadline.
 */
async function streamLog(
  http: HarnessHttp,
  accountId: string,
  key: string,
  onLines: (lines: LogLine[]) => void,
  opts: StepLogOptions = {},
): Promise<StepLogStreamEnd> {
  const parser = new LogStreamParser();
  let count = 0;
  const deliver = (lines: LogLine[]): void => {
    if (lines.length === 0) return;
    count += lines.length;
    onLines(lines);
  };
  const spec: RequestSpec = {
    method: 'GET',
    path: '/gateway/log-service/stream',
    query: { accountID: accountId, key },
    safe: true,
    op: { op: 'follow the step log' },
    raw: { maxBytes: opts.maxBytes ?? DEFAULT_LOG_BYTES, onText: (text) => deliver(parser.feed(text)) },
  };
  const callOpts: CallOptions = {
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  };
  let truncated = false;
  try {
    const data = await http.call(spec, callOpts);
    truncated = rawAnswer(data).truncated;
  } catch (err) {
    // The deadline of a stream that was delivering is its natural end here, not a failure.
    if (!(isHarnessApiError(err) && err.kind === 'timeout' && count > 0)) throw err;
    return { ended: false, truncated: false, lines: count };
  }
  deliver(truncated ? [] : parser.end());
  return { ended: parser.ended, truncated, lines: count };
}

/** A body as the transport takes it: JSON, or text with its content type. */
function bodyOf(body: Body | undefined): Pick<RequestSpec, 'json' | 'text'> {
  if (!body) return {};
  if ('json' in body) return { json: body.json };
  if ('yaml' in body) return { text: { body: body.yaml, contentType: 'application/yaml' } };
  return { text: { body: body.text, contentType: 'text/plain' } };
}
