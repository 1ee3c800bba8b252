// Turns any error from the API client into short, user-facing text. vscode-free so it is unit
// tested directly. Reads the HarnessApiError fields structurally, so it also copes with plain
// Errors and with values thrown by other code.
import { redactSecrets } from '../../shared/redact';
import { isHarnessApiError } from '../api/errors';

export interface ApiErrorInfo {
  kind?: string;
  /** For kind `outcomeUnknown`: why (timeout, connectionLost, bodyIncomplete, …). */
  outcomeReason?: string;
  status?: number;
  code?: string;
  message: string;
  correlationId?: string;
  fieldErrors: { field: string; message: string }[];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function apiErrorInfo(err: unknown): ApiErrorInfo {
  if (typeof err !== 'object' || err === null) {
    return { message: redactSecrets(String(err)), fieldErrors: [] };
  }
  const e = err as Record<string, unknown>;
  const fieldErrors: ApiErrorInfo['fieldErrors'] = [];
  if (Array.isArray(e.fieldErrors)) {
    for (const f of e.fieldErrors as unknown[]) {
      if (typeof f === 'object' && f !== null) {
        const r = f as Record<string, unknown>;
        const message = str(r.message);
        if (message) fieldErrors.push({ field: str(r.field) ?? '', message: redactSecrets(message) });
      }
    }
  }
  return {
    kind: str(e.kind),
    outcomeReason: str(e.outcomeReason),
    status: typeof e.status === 'number' ? e.status : undefined,
    code: str(e.code),
    message: redactSecrets(str(e.message) ?? 'Unknown error'),
    correlationId: str(e.correlationId),
    fieldErrors,
  };
}

/** What the user is told first, by failure kind: says what to do, not just what happened. */
function lead(info: ApiErrorInfo): string | undefined {
  switch (info.kind) {
    case 'unauthorized':
      return 'the token was rejected (401): it may be expired or revoked';
    case 'forbidden':
      return 'access denied (403): the token is valid but lacks permission';
    case 'network':
      return 'the Harness API is unreachable';
    case 'timeout':
      return 'the Harness API did not answer in time';
    case 'rateLimited':
      // How long to wait is in the message (Retry-After when Harness sent one).
      return 'rate limited by Harness (429)';
    case 'cancelled':
      return 'cancelled';
    default:
      return undefined;
  }
}

/**
 * True for a request that changes data whose answer was lost after it was sent (HarnessApiError
 * kind `outcomeUnknown`): Harness may have applied it. Structural, so it also works on errors that
 * crossed a module boundary. Offer OUTCOME_UNKNOWN_CHECK (read it back) instead of "Retry".
 */
export function isOutcomeUnknown(err: unknown): boolean {
  return isHarnessApiError(err, 'outcomeUnknown');
}

/** Rate limited, a server error, the network or a timeout: the same call may work a little later. */
export function isTransient(err: unknown): boolean {
  return (
    isHarnessApiError(err, 'rateLimited') ||
    isHarnessApiError(err, 'server') ||
    isHarnessApiError(err, 'network') ||
    isHarnessApiError(err, 'timeout')
  );
}

/** The action label that goes with an outcomeUnknown message: read the thing back and compare. */
export const OUTCOME_UNKNOWN_CHECK = 'Check in Harness';

/**
 * One line: "Could not <operation>: <lead> — <server message> (correlation id …)".
 * For `outcomeUnknown` it never says "could not": "Not confirmed: <operation> — <message>", where
 * the message says the change may have been applied and to check before trying again.
 */
export function describeApiError(err: unknown, operation: string): string {
  const info = apiErrorInfo(err);
  if (isOutcomeUnknown(err)) {
    const text = `Not confirmed: ${operation} — ${info.message}`;
    return info.correlationId && !text.includes(info.correlationId)
      ? `${text} (correlation id ${info.correlationId})`
      : text;
  }
  const parts: string[] = [];
  const l = lead(info);
  if (l) parts.push(l);
  if (!l || (info.message && !l.includes(info.message))) parts.push(info.message);
  let text = `Could not ${operation}: ${parts.join(' — ')}`;
  if (info.fieldErrors.length > 0) {
    text += ` [${info.fieldErrors.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; ')}]`;
  }
  if (info.correlationId) text += ` (correlation id ${info.correlationId})`;
  return text;
}

/** The Harness permission an operation needs, named as in Harness access control, for 403 messages. */
export function permissionFor(operation: string): string | undefined {
  const op = operation.toLowerCase();
  const action = /delete|remove/.test(op)
    ? 'Delete'
    : /run|execute/.test(op)
      ? 'Execute'
      : /test/.test(op) && /connector|connection/.test(op)
        ? 'View (and Access)'
        : /create|push|save|update|edit/.test(op)
          ? 'Create/Edit'
          : 'View';
  if (/pipeline|execution/.test(op)) return `Pipelines: ${action}`;
  if (/connector|connection/.test(op)) return `Connectors: ${action}`;
  if (/project/.test(op)) return `Projects: ${action}`;
  if (/organi[sz]ation|\borg/.test(op)) return `Organizations: ${action}`;
  return undefined;
}
