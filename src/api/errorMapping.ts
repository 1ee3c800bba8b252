// Turns what came back (a status and a body, or a failure to get one) into a HarnessApiError whose
// message says what to do. Every server-supplied string is redacted and shortened first.
import { redactSecrets } from '../../shared/redact';
import { type FieldError, type HarnessErrorKind, HarnessApiError } from './errors';
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
      if (/json/i.test(contentType ?? '') || t.startsWith('{') || t.startsWith('['))
        return { type: 'malformed' };
      if (!t.startsWith('<')) return { type: 'text', text: t };
    }
  }
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(t)?.[1]?.trim();
  return title ? { type: 'html', title } : { type: 'html' };
}

const NOT_FOUND_CODES = [
  'RESOURCE_NOT_FOUND',
  'ENTITY_NOT_FOUND',
  'RESOURCE_NOT_FOUND_EXCEPTION',
  'PIPELINE_NOT_FOUND',
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

function describe(
  kind: HarnessErrorKind,
  status: number,
  op: Operation,
  server: string | undefined,
  attempts: number,
  safe: boolean,
): string {
  const said = server ? `: ${server}` : '.';
  const http = status > 0 ? ` (HTTP ${status})` : '';
  switch (kind) {
    case 'unauthorized':
      return `Harness rejected the API token${http}; sign in again with a valid token.`;
    case 'forbidden':
      return `The token lacks permission to ${op.op}${http}. Ask a Harness admin for access or sign in with a token that has it.`;
    case 'notFound':
      return `${op.thing ?? 'The requested item'} not found${http}${said}`;
    case 'duplicate':
      return `${op.thing ?? 'An entity with this identifier'} already exists; choose another identifier or update the existing one${said}`;
    case 'conflict':
      return `Conflict while trying to ${op.op}${http}; reload the latest version and try again${said}`;
    case 'rateLimited':
      return safe
        ? `Harness rate limited the request to ${op.op}${http} and still refused after ${attempts} attempts; wait a minute and try again.`
        : `Harness rate limited the request to ${op.op}${http}; it changes data so it was not retried automatically. Wait a moment and try again.`;
    case 'server':
      return `Harness failed to ${op.op}${http}; this is a server-side problem, try again later${said}`;
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
}

/** An error for a response that is not a success: HTTP ≥ 300, or an ERROR/FAILURE envelope on 2xx. */
export function errorFromResponse({
  status,
  body,
  op,
  secrets,
  attempts,
  safe,
}: ResponseErrorInput): HarnessApiError {
  if (body.type === 'html') {
    let kind = kindFor(status, undefined);
    if (kind === 'invalid') kind = 'badResponse';
    const base =
      kind === 'unauthorized' || kind === 'forbidden' || kind === 'rateLimited'
        ? `${describe(kind, status, op, undefined, attempts, safe)} `
        : '';
    return new HarnessApiError({
      kind,
      status,
      message: `${base}Harness answered with an HTML page instead of JSON (HTTP ${status}) while trying to ${op.op}: probably a proxy, firewall or sign-in page between VS Code and Harness. Check the base URL and proxy settings.`,
      details: body.title ? [`page title: ${clean(body.title, secrets)}`] : [],
      retryable: isRetryableStatus(status),
    });
  }
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
    describe(kind, status, op, fields.serverMessage, attempts, safe),
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
];
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL/;

function errorCode(err: unknown): string | undefined {
  if (!isRecord(err) && !(err instanceof Error)) return undefined;
  const e = err as { code?: unknown; cause?: unknown };
  if (typeof e.code === 'string') return e.code;
  return e.cause !== undefined && e.cause !== err ? errorCode(e.cause) : undefined;
}

/** An error for a request that produced no usable response. */
export function networkError(
  err: unknown,
  op: Operation,
  origin: string,
  secrets: readonly string[],
): HarnessApiError {
  const code = errorCode(err) ?? 'unknown error';
  const host = new URL(origin).host;
  const raw = err instanceof Error ? clean(err.message, secrets) : '';
  const proxyStatus = /Proxy response \((\d+)\)/.exec(raw)?.[1];
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
  if (TLS_CODES.test(code)) {
    return new HarnessApiError({
      kind: 'network',
      status: 0,
      code,
      message: `The TLS certificate of ${host} was not trusted (${code}) while trying to ${op.op}. If a company proxy inspects TLS, add its CA to the system or set http.proxyStrictSSL to false.`,
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

export function timeoutError(op: Operation, timeoutMs: number): HarnessApiError {
  return new HarnessApiError({
    kind: 'timeout',
    status: 0,
    message: `The request to ${op.op} timed out after ${Math.round(timeoutMs / 100) / 10} s; Harness may be slow. Try again or raise harness.http.timeoutSeconds.`,
    retryable: true,
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
