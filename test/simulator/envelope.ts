// Response bodies in the real API's shapes: the ResponseDTO envelope, ErrorDTO, FailureDTO, the
// numeric-`code` JSON-parse error, and the two page shapes (NG PageResponse, Spring Page). The
// shapes are the recorded ones of test/contract (bodies.ts, with their sources), not the client's.
import * as contract from '../contract/bodies';

/** What a route hands back; `server.ts` serialises it. */
export interface Reply {
  status: number;
  /** Object ⇒ JSON; string ⇒ sent as is with `contentType`. */
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  /**
   * A streamed answer (the log service's SSE): written piece by piece after the head. `wait`
   * resolves false once the simulator closes or the client went away: then the stream stops.
   */
  stream?: (write: (text: string) => void, wait: (ms: number) => Promise<boolean>) => Promise<void>;
}

/** Thrown by routes to answer with an error body; caught once in server.ts. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
  }
}

export function ok(data: unknown, correlationId: string, headers?: Record<string, string>): Reply {
  return { status: 200, body: contract.success(data, null, correlationId), headers };
}

/** `INVALID_REQUEST` messages carry the "Invalid request: " prefix of its message template. */
function withTemplate(code: string, message: string): string {
  return code === 'INVALID_REQUEST' && !message.startsWith('Invalid request: ')
    ? `Invalid request: ${message}`
    : message;
}

/** ErrorDTO as the NG services write it (with responseMessages). */
export function errorDto(status: number, code: string, message: string, correlationId: string): SimHttpError {
  return new SimHttpError(status, contract.ngError(code, withTemplate(code, message), correlationId));
}

/** ErrorDTO as the pipeline service writes it (responseMessages empty). */
export function pmsErrorDto(
  status: number,
  code: string,
  message: string,
  correlationId: string,
): SimHttpError {
  return new SimHttpError(status, contract.pmsError(code, withTemplate(code, message), correlationId));
}

/** A JAX-RS NotFoundException (a missing connector, org, service, environment or template): HTTP 400. */
export function resourceNotFound(message: string, correlationId: string): SimHttpError {
  const { status, body } = contract.resourceNotFound(message, correlationId);
  return new SimHttpError(status, body);
}

/** 403 NG_ACCESS_DENIED in the AccessDeniedErrorDTO shape. */
export function accessDenied(check: Parameters<typeof contract.accessDenied>[0]): SimHttpError {
  return new SimHttpError(403, contract.accessDenied(check));
}

export interface FieldError {
  fieldId: string;
  error: string;
}

/** FailureDTO: bean-validation failures (HTTP 400). */
export function failureDto(message: string, errors: FieldError[], correlationId: string): SimHttpError {
  return new SimHttpError(400, contract.failure('INVALID_REQUEST', message, errors, correlationId));
}

/** What the server's JSON layer answers for a body it cannot map: note the numeric `code`. */
export function unableToProcessJson(details: string): SimHttpError {
  return new SimHttpError(400, { code: 400, message: 'Unable to process JSON', details });
}

/** NG PageResponse (`/ng/api` lists, servicesV2 and environmentsV2 included). */
export function ngPage<T>(all: readonly T[], pageIndex: number, pageSize: number): Record<string, unknown> {
  const content = all.slice(pageIndex * pageSize, pageIndex * pageSize + pageSize);
  return contract.ngPage(content, pageIndex, pageSize, all.length);
}

/** Spring Data Page (`/pipeline/api` and `/template/api` lists). */
export function springPage<T>(
  all: readonly T[],
  page: number,
  size: number,
  sorted: boolean,
): Record<string, unknown> {
  const content = all.slice(page * size, page * size + size);
  const shaped = contract.springPage(content, page, size, all.length);
  const sort = { empty: !sorted, sorted, unsorted: !sorted };
  return { ...shaped, sort, pageable: { ...(shaped.pageable as object), sort } };
}
