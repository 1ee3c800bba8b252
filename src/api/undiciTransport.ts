// The desktop transport: undici. One dispatcher per client (direct, an explicit proxy or the
// *_PROXY variables; see dispatcher.ts), built on first use because the trusted certificates load
// asynchronously. It knows when a connection took the request (so a write that never left is not
// "outcome unknown"), stops reading an answer as soon as it passes the size cap, and destroys and
// replaces a dispatcher that does not end an aborted request within ABORT_GRACE_MS.
import { type Dispatcher, request } from 'undici';
import {
  CertificateTrust,
  type DispatcherChoice,
  type ProxyOptions,
  createDispatcher,
  proxyLabel,
  proxyRoute,
} from './dispatcher';
import {
  type ExchangeOptions,
  type Logger,
  type NetworkContext,
  type ProxyRoute,
  ResponseTooLarge,
  type Transport,
  type TransportContext,
  type TransportFactory,
  type WireAnswer,
  type WireProgress,
  type WireRequest,
} from './transport';

/**
 * After a deadline or a cancellation, how long undici gets to end the aborted request before its
 * dispatcher is destroyed and replaced (undici does not end a request that never got a connection,
 * e.g. nodejs/undici#3897, or a TLS handshake that never answers).
 */
export const ABORT_GRACE_MS = 250;

export interface UndiciTransportOptions {
  proxy?: ProxyOptions;
  /** Shares the trusted certificates (OS store read once) with the other clients given it; else its own. */
  certificateTrust?: CertificateTrust;
  /** Environment for HTTPS_PROXY/HTTP_PROXY/NO_PROXY, NODE_EXTRA_CA_CERTS, SSL_CERT_FILE (default process.env). */
  env?: Record<string, string | undefined>;
  /** Builds the dispatcher instead of createDispatcher (tests: a dispatcher that misbehaves). */
  dispatcherFactory?: (ca: readonly string[] | undefined) => DispatcherChoice;
}

/** The transport factory for clients on desktop (checks the proxy settings when a client is made). */
export function undiciTransport(options: UndiciTransportOptions = {}): TransportFactory {
  return (context) => new UndiciTransport(context, options);
}

/** Marks the exchange as sent when undici hands the request to a connection. */
function trackSending(state: WireProgress): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) =>
    dispatch(options, {
      onRequestStart(controller, context) {
        state.sent = true;
        handler.onRequestStart?.(controller, context);
      },
      onRequestUpgrade(controller, statusCode, headers, socket) {
        handler.onRequestUpgrade?.(controller, statusCode, headers, socket);
      },
      onResponseStart(controller, statusCode, headers, statusMessage) {
        state.status = statusCode;
        handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
      },
      onResponseData(controller, chunk) {
        handler.onResponseData?.(controller, chunk);
      },
      onResponseEnd(controller, trailers) {
        handler.onResponseEnd?.(controller, trailers);
      },
      onResponseError(controller, error) {
        handler.onResponseError?.(controller, error);
      },
    });
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export class UndiciTransport implements Transport {
  readonly kind = 'undici';
  readonly route: ProxyRoute;
  private readonly baseUrl: string;
  private readonly logger?: Logger;
  private readonly proxy?: ProxyOptions;
  private readonly env: Record<string, string | undefined>;
  private readonly dispatcherFactory?: (ca: readonly string[] | undefined) => DispatcherChoice;
  private readonly certificateTrust: CertificateTrust;
  /** Built on first use (the trusted certificates load asynchronously); replaced when wedged. */
  private dispatcher?: Promise<DispatcherChoice>;
  private trust?: Promise<readonly string[] | undefined>;
  /** Aborted requests undici has not ended yet. */
  private lingering = 0;

  constructor(context: TransportContext, options: UndiciTransportOptions = {}) {
    this.baseUrl = context.baseUrl;
    if (context.logger) this.logger = context.logger;
    this.env = options.env ?? process.env;
    if (options.proxy) this.proxy = options.proxy;
    if (options.dispatcherFactory) this.dispatcherFactory = options.dispatcherFactory;
    this.certificateTrust = options.certificateTrust ?? new CertificateTrust();
    // Checks the proxy settings now (a malformed proxy URL fails here, not on the first call).
    this.route = proxyRoute(context.baseUrl, options.proxy, this.env);
    // The proxy settings may hold a password: keep them out of `util.inspect(client)`.
    Object.defineProperty(this, 'proxy', { enumerable: false });
  }

  networkContext(): NetworkContext {
    if (this.route === 'direct') return {};
    const url =
      this.route === 'proxy'
        ? this.proxy?.url
        : (this.env.https_proxy ?? this.env.HTTPS_PROXY ?? this.env.http_proxy ?? this.env.HTTP_PROXY);
    return url ? { proxy: proxyLabel(url.trim()) } : {};
  }

  async close(): Promise<void> {
    const pending = this.dispatcher;
    this.dispatcher = undefined;
    if (!pending) return;
    // A pool that never got built has nothing to close.
    const choice = await pending.catch(() => undefined);
    if (!choice) return;
    if (this.lingering > 0 && choice.abandon) {
      // An aborted request undici has not ended yet: close() would wait for it.
      choice.abandon();
      return;
    }
    const dispatcher = choice.dispatcher;
    // close() waits for queued requests; a wedged one would hold it forever.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), 2000);
    });
    const result = await Promise.race([dispatcher.close().then(() => 'closed' as const), gaveUp]);
    clearTimeout(timer);
    // Gave up waiting: destroy it, and a failure to do so leaves nothing more to try.
    if (result === 'timeout') await dispatcher.destroy().catch(() => undefined);
  }

  exchange(req: WireRequest, options: ExchangeOptions): Promise<WireAnswer> {
    const { signal, progress, maxBytes } = options;
    const how = {
      ...(options.overflow ? { overflow: options.overflow } : {}),
      ...(options.onText ? { onText: options.onText } : {}),
    };
    const work = this.send(req, signal, progress, maxBytes, how);
    let settled = false;
    const onAbort = (): void => {
      if (!settled) this.reapIfWedged(work, () => settled);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      settled = true;
      signal.removeEventListener('abort', onAbort);
    };
    work.then(done, done);
    return work;
  }

  private async send(
    req: WireRequest,
    signal: AbortSignal,
    progress: WireProgress,
    maxBytes: number,
    how: Pick<ExchangeOptions, 'overflow' | 'onText'>,
  ): Promise<WireAnswer> {
    const dispatcher = (await this.getDispatcher()).compose(trackSending(progress));
    signal.throwIfAborted();
    const res = await request(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      dispatcher,
      signal,
    });
    progress.status = res.statusCode;
    const answer: Omit<WireAnswer, 'text'> = { status: res.statusCode };
    const contentType = headerValue(res.headers['content-type']);
    const location = headerValue(res.headers.location);
    const retryAfter = headerValue(res.headers['retry-after']);
    if (contentType !== undefined) answer.contentType = contentType;
    if (location !== undefined) answer.location = location;
    if (retryAfter !== undefined) answer.retryAfter = retryAfter;
    const read = await readBody(res.body, headerValue(res.headers['content-length']), maxBytes, how);
    return read.truncated ? { ...answer, text: read.text, truncated: true } : { ...answer, text: read.text };
  }

  private async getDispatcher(): Promise<Dispatcher> {
    this.dispatcher ??= this.trusted().then((ca) =>
      this.dispatcherFactory
        ? this.dispatcherFactory(ca)
        : createDispatcher(this.baseUrl, this.proxy, this.env, undefined, ca, this.certificateTrust),
    );
    return (await this.dispatcher).dispatcher;
  }

  private trusted(): Promise<readonly string[] | undefined> {
    this.trust ??= this.certificateTrust.trusted(this.proxy, this.env).then(
      (t) => {
        if (t.sources.length > 0) this.logger?.debug(`TLS trust: ${t.sources.join(', ')}`);
        return t.ca;
      },
      (err: unknown) => {
        // Node's default roots still apply; the requests themselves report certificate errors.
        this.logger?.debug(`TLS trust: could not add certificates: ${String(err)}`);
        return undefined;
      },
    );
    return this.trust;
  }

  /** Destroys a dispatcher that left an aborted request running, so it stops (and so do its retries). */
  private replaceDispatcher(reason: string): void {
    const old = this.dispatcher;
    if (!old) return;
    this.dispatcher = undefined;
    this.logger?.warn(`Replacing the HTTP connection pool: ${reason}.`);
    // The old pool is dropped either way; a failure to tear it down leaves nothing to do.
    void old.then((c) => (c.abandon ? c.abandon() : c.dispatcher.destroy())).catch(() => undefined);
  }

  /**
   * After an attempt was aborted: if undici has not ended the request within ABORT_GRACE_MS, its
   * dispatcher is wedged (a CONNECT loop, a handshake that never answers); destroy and replace it.
   */
  private reapIfWedged(work: Promise<unknown>, settled: () => boolean): void {
    this.lingering++;
    const timer = setTimeout(() => {
      if (!settled()) {
        this.replaceDispatcher(`a request did not end within ${ABORT_GRACE_MS} ms of being aborted`);
      }
    }, ABORT_GRACE_MS);
    timer.unref?.();
    const clear = (): void => {
      clearTimeout(timer);
      this.lingering--;
    };
    work.then(clear, clear);
  }
}

/**
 * Reads the body as text, stopping (and closing the connection) as soon as it passes the cap:
 * then it throws ResponseTooLarge, or with `overflow: 'truncate'` answers with the head.
 */
async function readBody(
  body: AsyncIterable<Buffer> & { destroy(err?: Error): unknown },
  contentLength: string | undefined,
  limit: number,
  how: Pick<ExchangeOptions, 'overflow' | 'onText'> = {},
): Promise<{ text: string; truncated: boolean }> {
  const truncate = how.overflow === 'truncate';
  if (!truncate && contentLength !== undefined && Number(contentLength) > limit) {
    body.destroy();
    throw new ResponseTooLarge();
  }
  const decoder = how.onText ? new TextDecoder() : undefined;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    if (total + chunk.length > limit) {
      body.destroy();
      if (!truncate) throw new ResponseTooLarge();
      const head = chunk.subarray(0, limit - total);
      chunks.push(head);
      total += head.length;
      if (decoder && how.onText) how.onText(decoder.decode(head));
      return { text: Buffer.concat(chunks, total).toString('utf8'), truncated: true };
    }
    total += chunk.length;
    chunks.push(chunk);
    if (decoder && how.onText) how.onText(decoder.decode(chunk, { stream: true }));
  }
  return { text: Buffer.concat(chunks, total).toString('utf8'), truncated: false };
}
