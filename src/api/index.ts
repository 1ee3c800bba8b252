// Public surface of the Harness API client, as it runs anywhere (desktop and browser). The desktop
// transport (undici, proxies, certificates) is imported from ./undiciTransport and ./dispatcher,
// so nothing that imports this file pulls undici or Node modules into the web build.
export * from './types';
export { DEFAULT_BASE_URL, isLoopbackHost, normalizeBaseUrl } from './baseUrl';
export { type TokenInfo, type TokenKind, parseToken, resolveAccountId } from './token';
export {
  type FieldError,
  type HarnessErrorKind,
  type OutcomeUnknownReason,
  HarnessApiError,
  isHarnessApiError,
} from './errors';
export { type AllPagesOptions, allItems, collectAll, toPage } from './paging';
export { flattenExecution } from './executionParsers';
export { DEFAULT_LOG_BYTES, LogStreamParser, parseLogBlob, parseLogLine } from './logs';
export { type Clock, systemClock } from './clock';
export { type RateLimitOptions, RateBudgets, TokenBucket } from './limiter';
export { type RetryOptions } from './retry';
export { type Logger, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from './http';
export { type ProxyRoute, type Transport, type TransportFactory } from './transport';
export { type FetchTransportOptions, fetchTransport } from './fetchTransport';
export { type HarnessClient, type HarnessClientOptions, createHarnessClient } from './client';
