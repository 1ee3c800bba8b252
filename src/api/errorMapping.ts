// Turns what came back (a status and a body, or a failure to get one) into a HarnessApiError whose
// message says what to do. Every server-supplied string is redacted and shortened first.
import { redactSecrets } from '../../shared/redact';
import { type FieldError, type HarnessErrorKind, HarnessApiError, type OutcomeUnknownReason } from './errors';
import { FETCH_FAILED, type NetworkContext } from './transport';
import { isRecord } from './validate';

/** What the caller was doing, for messages: `op` is a verb phrase ("list projects in org x"). */
export interface Operation {
  op: string;
  /** The entity concerned, for not-found and duplicate messages ("Project default/web"). */
  thing?: string;
}

export type ParsedBody =
  | { type: 'json'; value: unknown }
  | { type: 'html'; title?: string }
  | { type: 'empty' }
  | { type: 'malformed' }
  /** Plain text that was never meant to be JSON (gateways: "no healthy upstream"). */
  | { type: 'text'; text: string };

const MAX_TEXT = 500;

function clean(text: string, secrets: readonly string[]): string {
  const t = redactSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT)}…` : t;
}

export function parseBody(text: string, contentType: string | undefined): ParsedBody {
  const t = text.trim();
  if (t === '') return { type: 'empty' };
  const looksHtml = /^<(!doctype|html|head|body|\?xml)/i.test(t) || /text\/html/i.test(contentType ?? '');
  if (!looksHtml) {
    try {
      return { type: 'json', value: JSON.parse(t) as unknown };
    } catch {
      // Not JSON: classified below (malformed JSON, plain text or HTML).
      if (/json/i.test(contentType ?? '') || t.startsWith('{') || t.startsWith('['))
        return { type: 'malformed' };
      if (!t.startsWith('<')) return { type: 'text', text: t };
    }
  }
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(t)?.[1]?.trim();
  return title ? { type: 'html', title } : { type: 'html' };
}

/**
 * Codes Harness answers for a missing entity (often with HTTP 400): harness-core ErrorCode.java
 * (see test/contract/README.md). There is no PIPELINE_NOT_FOUND: a missing pipeline is a 404.
 */
const NOT_FOUND_CODES = [
  'RESOURCE_NOT_FOUND',
  'ENTITY_NOT_FOUND',
  'RESOURCE_NOT_FOUND_EXCEPTION',
  'CONNECTOR_NOT_FOUND_EXCEPTION',
  'TEMPLATE_NOT_FOUND',
];

function kindFor(status: number, code: string | undefined): HarnessErrorKind {
  if (code === 'DUPLICATE_FIELD') return 'duplicate';
  if (status === 401 || code === 'INVALID_TOKEN' || code === 'EXPIRED_TOKEN') return 'unauthorized';
  if (status === 403 || code === 'ACCESS_DENIED' || code === 'NG_ACCESS_DENIED') return 'forbidden';
  if (status === 404 || (code !== undefined && NOT_FOUND_CODES.includes(code))) return 'notFound';
  if (status === 409 || (code !== undefined && code.includes('CONFLICT'))) return 'conflict';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'server';
  if (status >= 300 && status < 400) return 'badResponse';
  return 'invalid';
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

interface Extracted {
  code?: string;
  serverMessage?: string;
  details: string[];
  fieldErrors: FieldError[];
  correlationId?: string;
}

/** Reads ErrorDTO, FailureDTO and the bare `{code:400,message,details}` shape alike. */
function extract(body: Record<string, unknown>, secrets: readonly string[]): Extracted {
  const out: Extracted = { details: [], fieldErrors: [] };
  if (typeof body.code === 'string' && body.code !== '') out.code = body.code;
  else if (typeof body.code === 'number') out.code = String(body.code);
  if (typeof body.message === 'string' && body.message.trim() !== '')
    out.serverMessage = clean(body.message, secrets);
  // The log service answers its errors as `{"error_msg": "…"}` (log-service handler/helper.go).
  else if (typeof body.error_msg === 'string' && body.error_msg.trim() !== '')
    out.serverMessage = clean(body.error_msg, secrets);
  if (typeof body.correlationId === 'string' && body.correlationId !== '')
    out.correlationId = clean(body.correlationId, secrets);
  const add = (text: string): void => {
    const c = clean(text, secrets);
    if (c !== '' && c !== out.serverMessage && !out.details.includes(c)) out.details.push(c);
  };
  if (Array.isArray(body.responseMessages)) {
    for (const m of body.responseMessages) if (isRecord(m) && typeof m.message === 'string') add(m.message);
  }
  if (Array.isArray(body.errors)) {
    for (const e of body.errors) {
      if (!isRecord(e)) continue;
      const field = typeof e.fieldId === 'string' ? clean(e.fieldId, secrets) : '';
      const message =
        typeof e.error === 'string'
          ? clean(e.error, secrets)
          : typeof e.message === 'string'
            ? clean(e.message, secrets)
            : '';
      if (message === '') continue;
      out.fieldErrors.push({ field, message });
      add(field !== '' ? `${field}: ${message}` : message);
    }
  }
  if (typeof body.detailedMessage === 'string') add(body.detailedMessage);
  if (typeof body.details === 'string') add(body.details);
  return out;
}

function withCorrelation(message: string, correlationId: string | undefined): string {
  return correlationId ? `${message} (correlation id ${correlationId})` : message;
}

/** A wait in words: "45 s", "5 min", "1.5 h". */
export function formatWait(ms: number): string {
  const s = ms / 1000;
  if (s < 90) return `${Math.max(1, Math.ceil(s))} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 360) / 10} h`;
}

/** Elapsed time in words: "40 ms", "0.3 s", "30 s", "2 min 2 s". */
export function formatSeconds(ms: number): string {
  if (ms < 100) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 10) return `${Math.round(s * 10) / 10} s`;
  if (s < 120) return `${Math.round(s)} s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

function retryAfterHint(retryAfterMs: number | undefined): string {
  return retryAfterMs !== undefined && retryAfterMs > 0
    ? ` Harness asked to wait ${formatWait(retryAfterMs)} before trying again (Retry-After).`
    : '';
}

function endSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** Operations that create something: a 404 there is about where it goes, not about the new thing. */
function creates(op: Operation): boolean {
  return /^create\b/i.test(op.op);
}

function describe(
  kind: HarnessErrorKind,
  status: number,
  op: Operation,
  server: string | undefined,
  attempts: number,
  safe: boolean,
  retryAfterMs?: number,
): string {
  const said = server ? `: ${server}` : '.';
  const http = status > 0 ? ` (HTTP ${status})` : '';
  const wait = retryAfterHint(retryAfterMs);
  switch (kind) {
    case 'unauthorized':
      return `Harness rejected the API token${http}; sign in again with a valid token.`;
    case 'forbidden':
      return `The token lacks permission to ${op.op}${http}. Ask a Harness admin for access or sign in with a token that has it.`;
    case 'notFound':
      return creates(op)
        ? `Harness answered "not found"${http} to the request to ${op.op}: the organization or project it goes into, or something it refers to, does not exist or is not visible to this token${said}`
        : `${op.thing ?? 'The requested item'} not found${http}${said}`;
    case 'duplicate':
      return `${op.thing ?? 'An entity with this identifier'} already exists; choose another identifier or update the existing one${said}`;
    case 'conflict':
      return `Conflict while trying to ${op.op}${http}; reload the latest version and try again${said}`;
    case 'rateLimited': {
      const base = `Harness rate limited the request to ${op.op}${http}`;
      if (!safe) {
        return `${base}; it changes data so it was not retried automatically.${wait || ' Wait a moment and try again.'}${wait ? ' Try again after that.' : ''}`;
      }
      const retried = attempts > 1 ? ` and still refused after ${attempts} attempts` : '';
      return wait
        ? `${base}${retried}.${wait} Try again after that.`
        : `${base}${retried}; wait a minute and try again.`;
    }
    case 'server':
      return `${endSentence(`Harness failed to ${op.op}${http}; this is a server-side problem, try again later${said}`)}${wait}`;
    case 'badResponse':
      return `Harness returned an unexpected response to the request to ${op.op}${http}${said}`;
    default:
      return `Harness refused to ${op.op}${http}${said}`;
  }
}

export interface ResponseErrorInput {
  status: number;
  body: ParsedBody;
  op: Operation;
  secrets: readonly string[];
  attempts: number;
  safe: boolean;
  /** Retry-After of this response, in ms from now, when it sent one. */
  retryAfterMs?: number;
}

const GATEWAY_NAMES: Record<number, string> = {
  500: 'internal server error',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
};

/** An error for an HTML page where JSON was expected; the page's title goes to details only. */
function htmlError(
  status: number,
  title: string | undefined,
  op: Operation,
  secrets: readonly string[],
  attempts: number,
  safe: boolean,
  retryAfterMs: number | undefined,
): HarnessApiError {
  let kind = kindFor(status, undefined);
  const details = title ? [`page title: ${clean(title, secrets)}`] : [];
  const retryable = isRetryableStatus(status);
  let message: string;
  if (kind === 'server') {
    // A 5xx page comes from Harness's own edge or load balancer: not a proxy or sign-in problem.
    const name = GATEWAY_NAMES[status] ? `, ${GATEWAY_NAMES[status]}` : '';
    message = `Harness, or the gateway in front of it, answered the request to ${op.op} with an HTML page instead of JSON (HTTP ${status}${name}): the service is unavailable or overloaded right now. Try again in a few minutes.${retryAfterHint(retryAfterMs)}`;
  } else if (kind === 'rateLimited') {
    message = `${describe(kind, status, op, undefined, attempts, safe, retryAfterMs)} (The answer was an HTML page, as a rate-limiting firewall sends, rather than Harness's JSON.)`;
  } else if (kind === 'unauthorized' || kind === 'forbidden') {
    message = `The request to ${op.op} was refused with an HTML page instead of Harness's JSON (HTTP ${status}): a proxy, firewall or single sign-on gateway between VS Code and Harness may have answered it. Check the base URL and proxy settings.`;
  } else {
    // 2xx/3xx/404 pages: something other than the Harness API answered (sign-in page, wrong URL).
    kind = 'badResponse';
    message = `Harness answered with an HTML page instead of JSON (HTTP ${status}) while trying to ${op.op}: probably a proxy, firewall or sign-in page between VS Code and Harness, or a base URL that is not the Harness API. Check the base URL and proxy settings.`;
  }
  return new HarnessApiError({ kind, status, message, details, retryable });
}

/** An error for a response that is not a success: HTTP ≥ 300, or an ERROR/FAILURE envelope on 2xx. */
export function errorFromResponse({
  status,
  body,
  op,
  secrets,
  attempts,
  safe,
  retryAfterMs,
}: ResponseErrorInput): HarnessApiError {
  if (body.type === 'html') return htmlError(status, body.title, op, secrets, attempts, safe, retryAfterMs);
  if (body.type === 'malformed') {
    const kind: HarnessErrorKind = status >= 500 ? 'server' : 'badResponse';
    return new HarnessApiError({
      kind,
      status,
      message: `Harness sent an incomplete or malformed JSON response (HTTP ${status}) to the request to ${op.op}; try again.`,
      retryable: isRetryableStatus(status),
    });
  }
  if (body.type === 'text' && status < 300) {
    return new HarnessApiError({
      kind: 'badResponse',
      status,
      message: `Harness answered the request to ${op.op} with plain text instead of JSON (HTTP ${status}); check the base URL and proxy settings.`,
      details: [clean(body.text, secrets)],
    });
  }
  const fields: Extracted =
    body.type === 'json' && isRecord(body.value)
      ? extract(body.value, secrets)
      : { details: body.type === 'text' ? [clean(body.text, secrets)] : [], fieldErrors: [] };
  const kind = kindFor(status, fields.code);
  const message = withCorrelation(
    describe(kind, status, op, fields.serverMessage, attempts, safe, retryAfterMs),
    fields.correlationId,
  );
  return new HarnessApiError({
    kind,
    status,
    message,
    ...(fields.code !== undefined ? { code: fields.code } : {}),
    details: fields.details,
    fieldErrors: fields.fieldErrors,
    ...(fields.correlationId !== undefined ? { correlationId: fields.correlationId } : {}),
    retryable: isRetryableStatus(status),
  });
}

const RETRYABLE_NETWORK = [
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
  // A browser's "Failed to fetch": usually the network; worth the retries a read gets.
  FETCH_FAILED,
];
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL/;

function errorCode(err: unknown): string | undefined {
  if (!isRecord(err) && !(err instanceof Error)) return undefined;
  const e = err as { code?: unknown; cause?: unknown };
  if (typeof e.code === 'string') return e.code;
  return e.cause !== undefined && e.cause !== err ? errorCode(e.cause) : undefined;
}

/** An error for a request that produced no usable response (nothing was received). */
export function networkError(
  err: unknown,
  op: Operation,
  origin: string,
  secrets: readonly string[],
  context: NetworkContext = {},
): HarnessApiError {
  const code = errorCode(err) ?? 'unknown error';
  const host = new URL(origin).host;
  const raw = err instanceof Error ? clean(err.message, secrets) : '';
  const proxy = context.proxy ? `The proxy ${context.proxy}` : 'The proxy';
  if (code === 'UND_ERR_PRX_CONN') {
    return new HarnessApiError({
      kind: 'network',
      status: 0,
      code,
      message: `${proxy} closed the connection while opening a tunnel (CONNECT) to ${host} for the request to ${op.op}. It may not allow connections to this host, or it may want credentials (http.proxyAuthorization). Check http.proxy and HTTPS_PROXY.`,
      details: raw ? [raw] : [],
      retryable: true,
    });
  }
  const proxyStatus = /Proxy response \((\d+)\)/.exec(raw)?.[1];
  if (proxyStatus === '407') {
    return new HarnessApiError({
      kind: 'network',
      status: 0,
      code,
      message: `${proxy} requires authentication (proxy answered HTTP 407) to connect to ${host} while trying to ${op.op}. Set http.proxyAuthorization (for example "Basic " and the base64 of user:password) or put the user name and password in the proxy URL.`,
      details: [raw],
      retryable: false,
    });
  }
  if (proxyStatus !== undefined) {
    return new HarnessApiError({
      kind: 'network',
      status: 0,
      code,
      message: `The proxy refused to connect to ${host} (proxy answered HTTP ${proxyStatus}) while trying to ${op.op}. Check the http.proxy setting, HTTPS_PROXY and proxy credentials.`,
      details: [raw],
      retryable: false,
    });
  }
  if (code === FETCH_FAILED) {
    return new HarnessApiError({
      kind: 'network',
      status: 0,
      code,
      message: `Could not reach ${host} to ${op.op}: the browser reported a network failure without a reason. Check the base URL and your network connection; from a browser, Harness must also accept requests from this page (CORS).`,
      details: raw ? [raw] : [],
      retryable: true,
    });
  }
  if (TLS_CODES.test(code)) {
    return new HarnessApiError({
      kind: 'network',
      status: 0,
      code,
      message: `The TLS certificate of ${host} was not trusted (${code}) while trying to ${op.op}. If your company uses its own certificate authority (for example a proxy that inspects TLS), keep http.systemCertificates on and the CA in the system store, or point NODE_EXTRA_CA_CERTS at it; http.proxyStrictSSL set to false turns certificate checks off.`,
      details: raw ? [raw] : [],
      retryable: false,
    });
  }
  return new HarnessApiError({
    kind: 'network',
    status: 0,
    code,
    message: `Could not reach ${host} to ${op.op} (${code}). Check the base URL, your network and proxy settings.`,
    details: raw ? [raw] : [],
    retryable: RETRYABLE_NETWORK.includes(code),
  });
}

/** What one call went through before it gave up. */
export interface CallHistory {
  /** The call's deadline (harness.http.timeoutSeconds or the caller's timeoutMs). */
  limitMs: number;
  /** Time the call actually took, waits between attempts included. */
  elapsedMs: number;
  /** One short label per attempt: "HTTP 503", "connection reset (ECONNRESET)", "no answer". */
  tried: readonly string[];
}

export function describeAttempts(tried: readonly string[]): string {
  if (tried.length === 0) return 'not started';
  if (tried.length === 1) return `1 attempt, ${tried[0]}`;
  return `${tried.length} attempts: ${tried.slice(0, -1).join(', ')}, then ${tried[tried.length - 1]}`;
}

/**
 * The call's deadline passed. `notSent` is for requests that change data and never reached
 * Harness (still connecting, or queued behind the rate limiter): safe to repeat.
 */
export function timeoutError(op: Operation, history: CallHistory, notSent = false): HarnessApiError {
  const took = formatSeconds(history.elapsedMs);
  const tried = describeAttempts(history.tried);
  const message = notSent
    ? `The request to ${op.op} timed out after ${took} before it was sent (${tried}); nothing reached Harness, so it is safe to try again. Check your network and proxy settings, or raise harness.http.timeoutSeconds.`
    : `The request to ${op.op} timed out after ${took} (${tried}). Harness may be slow or unreachable; try again later, or raise harness.http.timeoutSeconds.`;
  return new HarnessApiError({
    kind: 'timeout',
    status: 0,
    message,
    retryable: true,
    attempts: history.tried.length,
    elapsedMs: Math.round(history.elapsedMs),
  });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export interface OutcomeUnknownInput {
  reason: OutcomeUnknownReason;
  /** HTTP status when a (partial) response arrived, else 0. */
  status?: number;
  /** Low-level error code for a lost connection (ECONNRESET, UND_ERR_SOCKET). */
  code?: string;
  elapsedMs?: number;
  /** The response size cap, for bodyTooLarge. */
  limitBytes?: number;
  correlationId?: string;
}

/**
 * A request that changes data was sent, but its answer did not arrive intact. The message never
 * says or implies that nothing happened: Harness may have applied it, so it asks to check first.
 */
export function outcomeUnknownError(op: Operation, input: OutcomeUnknownInput): HarnessApiError {
  const status = input.status ?? 0;
  const http = status > 0 ? ` (HTTP ${status})` : '';
  let why: string;
  switch (input.reason) {
    case 'timeout':
      why = `no answer within ${formatSeconds(input.elapsedMs ?? 0)}`;
      break;
    case 'connectionLost':
      why =
        input.code === FETCH_FAILED
          ? 'the browser reported a network failure and cannot tell whether the request reached Harness'
          : `the connection was lost before the answer arrived${input.code ? ` (${input.code})` : ''}`;
      break;
    case 'bodyIncomplete':
      why = `the answer was cut off or unreadable${http}`;
      break;
    case 'bodyTooLarge':
      why = `the answer was larger than ${formatBytes(input.limitBytes ?? 0)}, more than the extension reads${http}`;
      break;
    case 'cancelled':
      why = 'it was cancelled after it had been sent';
      break;
    case 'gatewayTimeout':
      why = 'a gateway in front of Harness gave up waiting for it (HTTP 504)';
      break;
  }
  const message = withCorrelation(
    `Harness did not confirm the request to ${op.op}: ${why}. The request was sent, so Harness may have applied it. Check before trying again: repeating it may fail with "already exists" or apply it twice.`,
    input.correlationId,
  );
  return new HarnessApiError({
    kind: 'outcomeUnknown',
    status,
    message,
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.correlationId !== undefined ? { correlationId: input.correlationId } : {}),
    outcomeReason: input.reason,
    ...(input.elapsedMs !== undefined ? { elapsedMs: Math.round(input.elapsedMs) } : {}),
    retryable: false,
  });
}

/** A read whose answer exceeded the size cap. */
export function tooLargeError(op: Operation, status: number, limitBytes: number): HarnessApiError {
  return new HarnessApiError({
    kind: 'badResponse',
    status,
    message: `The answer to the request to ${op.op} (HTTP ${status}) is larger than ${formatBytes(limitBytes)}, the most the extension reads, so it stopped reading it. The base URL may not point at the Harness API, or a proxy answered instead; check the base URL and proxy settings.`,
  });
}

export function cancelledError(op: Operation): HarnessApiError {
  return new HarnessApiError({
    kind: 'cancelled',
    status: 0,
    message: `The request to ${op.op} was cancelled.`,
  });
}

export function shapeError(
  op: Operation,
  status: number,
  problem: string,
  secrets: readonly string[],
): HarnessApiError {
  return new HarnessApiError({
    kind: 'badResponse',
    status,
    message: `Harness returned an unexpected response to the request to ${op.op}: ${clean(problem, secrets)}.`,
  });
}
