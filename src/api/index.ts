// Public surface of the Harness API client. Import from here, not from the individual files.
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
export { type Clock, systemClock } from './clock';
export { type RateLimitOptions, RateBudgets, TokenBucket } from './limiter';
export { type RetryOptions } from './retry';
export { CertificateTrust, type ProxyOptions, type ProxyRoute } from './dispatcher';
export { type Logger, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from './http';
export { type HarnessClient, type HarnessClientOptions, createHarnessClient } from './client';
