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
  | 'badResponse';

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
  /** True when repeating the same call later may succeed. */
  readonly retryable: boolean;

  constructor(init: HarnessApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    this.details = init.details ?? [];
    this.fieldErrors = init.fieldErrors ?? [];
    if (init.correlationId !== undefined) this.correlationId = init.correlationId;
    this.retryable = init.retryable ?? false;
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
    };
  }
}

export function isHarnessApiError(value: unknown): value is HarnessApiError {
  return value instanceof HarnessApiError;
}
