// The browser transport: the global `fetch` (vscode.dev, github.dev, the web worker extension
// host; Node 20's own fetch in the tests). What it can do as well as undici: the deadline and
// cancellation (an AbortSignal), the size cap (the body is a stream, read chunk by chunk and
// cancelled past the cap), never following redirects (`redirect: 'manual'`), no cookies.
// What it cannot: know whether a request left before a failure (fetch says "failed", not when),
// so a write that fails is `outcomeUnknown` unless the error names a connect-phase cause
// (Node's fetch does: ECONNREFUSED, ENOTFOUND, certificate errors; a browser never does);
// proxies and certificates are the browser's own (VS Code's http.* settings do not apply); and
// a browser lets the request through only when Harness allows the page's origin (CORS) and
// exposes Retry-After (Access-Control-Expose-Headers).
import {
  type ExchangeOptions,
  FETCH_FAILED,
  type NetworkContext,
  ResponseTooLarge,
  type Transport,
  type TransportFactory,
  type WireAnswer,
  type WireRequest,
} from './transport';

export interface FetchTransportOptions {
  /** The fetch to use (default: the global one, looked up per request). */
  fetch?: typeof globalThis.fetch;
  /**
   * Send the `user-agent` header (default true). A browser does not let a page set it, and
   * naming it would only add it to the CORS preflight: the web entry turns it off.
   */
  sendUserAgent?: boolean;
}

/** Causes that mean the request never left: nothing was connected, so nothing was sent. */
const NEVER_LEFT =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT)$|CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL/;

function causeCode(err: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; cause?: unknown };
  if (typeof e.code === 'string') return e.code;
  return e.cause !== err ? causeCode(e.cause, depth + 1) : undefined;
}

/** The transport factory for clients in the browser. */
export function fetchTransport(options: FetchTransportOptions = {}): TransportFactory {
  return () => new FetchTransport(options);
}

export class FetchTransport implements Transport {
  readonly kind = 'fetch';
  readonly route = 'direct';
  private readonly fetchFn?: typeof globalThis.fetch;
  private readonly sendUserAgent: boolean;

  constructor(options: FetchTransportOptions = {}) {
    if (options.fetch) this.fetchFn = options.fetch;
    this.sendUserAgent = options.sendUserAgent ?? true;
  }

  networkContext(): NetworkContext {
    return {};
  }

  /** Nothing pooled that fetch lets us close. */
  async close(): Promise<void> {}

  async exchange(req: WireRequest, options: ExchangeOptions): Promise<WireAnswer> {
    const { signal, progress, maxBytes } = options;
    signal.throwIfAborted();
    // Aborted with the caller's signal, and by us when the answer passes the cap (so the
    // connection stops, not only our reading).
    const stop = new AbortController();
    const forward = (): void => stop.abort(signal.reason);
    signal.addEventListener('abort', forward, { once: true });
    const headers = { ...req.headers };
    if (!this.sendUserAgent) delete headers['user-agent'];
    const fetchFn = this.fetchFn ?? globalThis.fetch;
    try {
      // fetch cannot say whether the request left before a failure: assume it may have.
      progress.sent = true;
      let res: Response;
      try {
        const init: RequestInit & { cache?: string } = {
          method: req.method,
          headers,
          ...(req.body !== undefined ? { body: req.body } : {}),
          signal: stop.signal,
          // Never followed: a redirect is reported (the token must not go elsewhere).
          redirect: 'manual',
          // The token is the only credential: no cookies, no HTTP cache, no Referer.
          credentials: 'omit',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
        };
        res = await fetchFn(req.url, init);
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        throw describeFailure(err, progress);
      }
      if (res.type === 'opaqueredirect') {
        await res.body?.cancel().catch(() => undefined);
        return { status: 0, opaqueRedirect: true, text: '' };
      }
      progress.status = res.status;
      const answer: WireAnswer = { status: res.status, text: '' };
      const contentType = res.headers.get('content-type');
      const location = res.headers.get('location');
      const retryAfter = res.headers.get('retry-after');
      if (contentType !== null) answer.contentType = contentType;
      if (location !== null) answer.location = location;
      if (retryAfter !== null) answer.retryAfter = retryAfter;
      try {
        const read = await readCapped(res, maxBytes, options);
        answer.text = read.text;
        if (read.truncated) {
          answer.truncated = true;
          stop.abort(new ResponseTooLarge());
        }
      } catch (err) {
        if (err instanceof ResponseTooLarge) stop.abort(err);
        else if (signal.aborted) throw signal.reason;
        throw err;
      }
      return answer;
    } finally {
      signal.removeEventListener('abort', forward);
    }
  }
}

/**
 * A failed fetch as the error mapping reads it: Node's fetch gives `TypeError('fetch failed')`
 * with the socket error as its cause (kept); a browser gives only "Failed to fetch", which gets
 * the code FETCH_FAILED. A connect-phase cause means nothing was sent.
 */
function describeFailure(err: unknown, progress: { sent: boolean }): unknown {
  const code = causeCode(err);
  if (code !== undefined) {
    if (NEVER_LEFT.test(code)) progress.sent = false;
    return err;
  }
  const message = err instanceof Error ? err.message : String(err);
  return Object.assign(new Error(message, { cause: err }), { code: FETCH_FAILED });
}

/**
 * Reads the body up to `limit` bytes; past it, cancels the stream and throws ResponseTooLarge,
 * or with `overflow: 'truncate'` answers with the head read so far.
 */
async function readCapped(
  res: Response,
  limit: number,
  how: Pick<ExchangeOptions, 'overflow' | 'onText'> = {},
): Promise<{ text: string; truncated: boolean }> {
  const truncate = how.overflow === 'truncate';
  const declared = res.headers.get('content-length');
  if (!truncate && declared !== null && Number(declared) > limit) {
    await res.body?.cancel().catch(() => undefined);
    throw new ResponseTooLarge();
  }
  if (!res.body) return { text: '', truncated: false };
  const reader = res.body.getReader();
  const streamDecoder = how.onText ? new TextDecoder() : undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > limit) {
      void reader.cancel().catch(() => undefined);
      if (!truncate) throw new ResponseTooLarge();
      const head = value.subarray(0, limit - total);
      chunks.push(head);
      total += head.byteLength;
      if (streamDecoder && how.onText) how.onText(streamDecoder.decode(head));
      truncated = true;
      break;
    }
    total += value.byteLength;
    chunks.push(value);
    if (streamDecoder && how.onText) how.onText(streamDecoder.decode(value, { stream: true }));
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { text: new TextDecoder().decode(all), truncated };
}
