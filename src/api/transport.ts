// The transport: how one HTTP exchange leaves the process. One interface, two implementations:
//  - UndiciTransport (undiciTransport.ts, desktop): undici, with VS Code's proxy settings, the
//    *_PROXY variables and the trusted certificates; it knows when a connection took the request,
//    and replaces a connection pool that does not end an aborted request.
//  - FetchTransport (fetchTransport.ts, browser): the global `fetch`; the browser's own proxy and
//    certificate store apply, and Harness must allow the page's origin (CORS).
// Everything above one exchange (the deadline, retries, the rate limiter, redirects, the size cap,
// outcomeUnknown, error wording) is HarnessHttp's (http.ts) and the same for both; the same test
// suites run against both (test/unit/api/transports.ts).
// Imports nothing: the web build and the desktop build both start here.

export interface Logger {
  debug(message: string): void;
  warn(message: string): void;
}

/** How requests leave the process: directly, through an explicit proxy, or the *_PROXY variables. */
export type ProxyRoute = 'direct' | 'proxy' | 'env';

/** One request as it goes on the wire: URL with its query, headers and an optional text body. */
export interface WireRequest {
  url: URL;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
}

/** A whole answer (the body read up to the size cap). */
export interface WireAnswer {
  status: number;
  contentType?: string;
  location?: string;
  retryAfter?: string;
  text: string;
  /** The body was longer than the cap and `overflow: 'truncate'` was asked: `text` is its head. */
  truncated?: boolean;
  /**
   * A redirect the transport could not look into: a browser's `fetch` with `redirect: 'manual'`
   * gives neither the status nor the Location. Not followed either way.
   */
  opaqueRedirect?: boolean;
}

/** What the transport learnt while the exchange ran, read by the caller after a failure or an abort. */
export interface WireProgress {
  /**
   * The request may have reached the server. undici sets it when a connection takes the request;
   * fetch cannot tell, so it is set when fetch is called and cleared only when the failure shows
   * the request never left (connection refused, DNS, certificate).
   */
  sent: boolean;
  /** Status of the response, once its head arrived (0 until then). */
  status: number;
}

export interface ExchangeOptions {
  /** Aborted at the call's deadline or on cancellation; the transport stops the request. */
  signal: AbortSignal;
  progress: WireProgress;
  /** Largest body read; beyond it the transport stops reading and throws ResponseTooLarge. */
  maxBytes: number;
  /**
   * Past `maxBytes`: 'fail' (default) throws ResponseTooLarge; 'truncate' stops reading and
   * answers with the head read so far and `truncated: true` (step logs).
   */
  overflow?: 'fail' | 'truncate';
  /** Called with each piece of the body as it arrives (decoded as UTF-8), for streams (SSE). */
  onText?: (text: string) => void;
}

/** Where a failed request went, for messages: the proxy's host:port (never its credentials). */
export interface NetworkContext {
  proxy?: string;
}

export interface Transport {
  /** Which implementation this is ('undici' on desktop, 'fetch' in the browser). */
  readonly kind: 'undici' | 'fetch';
  /** How requests leave the process ('direct' for fetch: the browser's proxy settings are not visible). */
  readonly route: ProxyRoute;
  /**
   * Sends the request and reads the whole answer (up to `maxBytes`). Rejects with the underlying
   * error on a network failure (its `code`, or its `cause`'s, says what happened), with
   * ResponseTooLarge past the cap, and with the signal's reason once aborted. Redirects are never
   * followed.
   */
  exchange(request: WireRequest, options: ExchangeOptions): Promise<WireAnswer>;
  /** The route of the last failure, for network error messages. */
  networkContext(): NetworkContext;
  /** Releases pooled connections. */
  close(): Promise<void>;
}

/** What the client tells the transport it builds: the one origin it talks to, and where to log. */
export interface TransportContext {
  /** Already normalised (see normalizeBaseUrl). */
  baseUrl: string;
  logger?: Logger;
}

/** Builds the transport of one client; the client calls it once, with its base URL. */
export type TransportFactory = (context: TransportContext) => Transport;

/**
 * The error code a failed fetch gets when the browser says only "Failed to fetch": it never says
 * why (offline, DNS, refused, a certificate, or the server not allowing the page's origin: CORS).
 */
export const FETCH_FAILED = 'FETCH_FAILED';

/** The answer was bigger than the cap; reading stopped. */
export class ResponseTooLarge extends Error {
  constructor() {
    super('response larger than the cap');
    this.name = 'ResponseTooLarge';
  }
}
