// The one error type every Harness API failure becomes. It holds only strings and numbers
// (never headers, request options or the token), so it is safe to log, stringify and inspect.

export type HarnessErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'duplicate'
  | 'invalid'
  | 'conflict'
  | 'rateLimited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'badResponse'
  /**
   * A request that changes data was sent, but its answer was not received intact (no answer
   * before the deadline, connection lost, body cut off or unreadable, cancelled after sending,
   * a gateway timeout). Harness may have applied it: check (read back) before repeating it.
   * Never retried automatically.
   */
  | 'outcomeUnknown';

/** Why the outcome of a sent write is unknown (set only on `outcomeUnknown` errors). */
export type OutcomeUnknownReason =
  'timeout' | 'connectionLost' | 'bodyIncomplete' | 'bodyTooLarge' | 'cancelled' | 'gatewayTimeout';

export interface FieldError {
  field: string;
  message: string;
}

export interface HarnessApiErrorInit {
  kind: HarnessErrorKind;
  status: number;
  message: string;
  code?: string;
  details?: string[];
  fieldErrors?: FieldError[];
  correlationId?: string;
  retryable?: boolean;
  outcomeReason?: OutcomeUnknownReason;
  attempts?: number;
  elapsedMs?: number;
}

export class HarnessApiError extends Error {
  override readonly name = 'HarnessApiError';
  readonly kind: HarnessErrorKind;
  /** HTTP status; 0 when no response arrived (network, timeout, cancelled). */
  readonly status: number;
  /** Harness error code (`DUPLICATE_FIELD`, `INVALID_REQUEST`, …); numeric codes stringified. */
  readonly code?: string;
  readonly details: string[];
  readonly fieldErrors: FieldError[];
  readonly correlationId?: string;
  /** True when repeating the same call later may succeed. Always false for `outcomeUnknown`. */
  readonly retryable: boolean;
  /** For `outcomeUnknown`: what went wrong after the request was sent. */
  readonly outcomeReason?: OutcomeUnknownReason;
  /** Requests made for this call (retries included), when the transport counted them. */
  readonly attempts?: number;
  /** Time the call took until it failed, in ms, when the transport measured it. */
  readonly elapsedMs?: number;

  constructor(init: HarnessApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    this.details = init.details ?? [];
    this.fieldErrors = init.fieldErrors ?? [];
    if (init.correlationId !== undefined) this.correlationId = init.correlationId;
    this.retryable = init.kind === 'outcomeUnknown' ? false : (init.retryable ?? false);
    if (init.outcomeReason !== undefined) this.outcomeReason = init.outcomeReason;
    if (init.attempts !== undefined) this.attempts = init.attempts;
    if (init.elapsedMs !== undefined) this.elapsedMs = init.elapsedMs;
  }

  /** A copy with some fields replaced (the transport adds attempts and timing on the way out). */
  with(changes: Partial<HarnessApiErrorInit>): HarnessApiError {
    return new HarnessApiError({ ...this.init(), ...changes });
  }

  private init(): HarnessApiErrorInit {
    const init: HarnessApiErrorInit = {
      kind: this.kind,
      status: this.status,
      message: this.message,
      details: [...this.details],
      fieldErrors: [...this.fieldErrors],
      retryable: this.retryable,
    };
    if (this.code !== undefined) init.code = this.code;
    if (this.correlationId !== undefined) init.correlationId = this.correlationId;
    if (this.outcomeReason !== undefined) init.outcomeReason = this.outcomeReason;
    if (this.attempts !== undefined) init.attempts = this.attempts;
    if (this.elapsedMs !== undefined) init.elapsedMs = this.elapsedMs;
    return init;
  }

  /** `JSON.stringify(err)` keeps what support needs; `message` is not enumerable on Error. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      status: this.status,
      code: this.code,
      message: this.message,
      details: this.details,
      fieldErrors: this.fieldErrors,
      correlationId: this.correlationId,
      retryable: this.retryable,
      outcomeReason: this.outcomeReason,
      attempts: this.attempts,
      elapsedMs: this.elapsedMs,
    };
  }
}

/** Every kind, so a kind read from an unknown object can be checked (complete by type). */
const KINDS: Readonly<Record<HarnessErrorKind, true>> = {
  unauthorized: true,
  forbidden: true,
  notFound: true,
  duplicate: true,
  invalid: true,
  conflict: true,
  rateLimited: true,
  server: true,
  network: true,
  timeout: true,
  cancelled: true,
  badResponse: true,
  outcomeUnknown: true,
};

/**
 * True for a HarnessApiError, optionally of one kind:
 * `isHarnessApiError(err, 'outcomeUnknown')` narrows to a write whose outcome is unknown.
 * Structural (an object whose `kind` is one of the kinds above), so it also recognises an error
 * made by another copy of this module (a second bundle, compiled tests): the one way src/ reads
 * an error's kind.
 */
export function isHarnessApiError(value: unknown, kind?: HarnessErrorKind): value is HarnessApiError {
  if (typeof value !== 'object' || value === null) return false;
  const found: unknown = (value as { kind?: unknown }).kind;
  if (typeof found !== 'string' || !Object.hasOwn(KINDS, found)) return false;
  return kind === undefined || found === kind;
}
