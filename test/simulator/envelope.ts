// Response bodies in the real API's shapes: the ResponseDTO envelope, ErrorDTO, FailureDTO, the
// numeric-`code` JSON-parse error, and the two page shapes (NG PageResponse, Spring Page).

/** What a route hands back; `server.ts` serialises it. */
export interface Reply {
  status: number;
  /** Object ⇒ JSON; string ⇒ sent as is with `contentType`. */
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
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
  return { status: 200, body: { status: 'SUCCESS', data, metaData: null, correlationId }, headers };
}

/**
 * ErrorDTO. `INVALID_REQUEST` messages carry the "Invalid request: " prefix the server's
 * InvalidRequestException adds.
 */
export function errorDto(status: number, code: string, message: string, correlationId: string): SimHttpError {
  const text =
    code === 'INVALID_REQUEST' && !message.startsWith('Invalid request: ')
      ? `Invalid request: ${message}`
      : message;
  return new SimHttpError(status, {
    status: 'ERROR',
    code,
    message: text,
    correlationId,
    detailedMessage: null,
    responseMessages: [
      {
        code,
        level: 'ERROR',
        message: text,
        exception: null,
        failureTypes: [],
        failureSubTypes: [],
        additionalInfo: {},
      },
    ],
    metadata: null,
  });
}

export interface FieldError {
  fieldId: string;
  error: string;
}

/** FailureDTO: bean-validation failures (HTTP 400). */
export function failureDto(message: string, errors: FieldError[], correlationId: string): SimHttpError {
  return new SimHttpError(400, {
    status: 'FAILURE',
    code: 'INVALID_REQUEST',
    message,
    correlationId,
    errors,
  });
}

/** What the server's JSON layer answers for a body it cannot map: note the numeric `code`. */
export function unableToProcessJson(details: string): SimHttpError {
  return new SimHttpError(400, { code: 400, message: 'Unable to process JSON', details });
}

/** NG PageResponse (`/ng/api` lists). */
export function ngPage<T>(all: readonly T[], pageIndex: number, pageSize: number): Record<string, unknown> {
  const content = all.slice(pageIndex * pageSize, pageIndex * pageSize + pageSize);
  return {
    totalPages: Math.ceil(all.length / pageSize),
    totalItems: all.length,
    pageItemCount: content.length,
    pageSize,
    content,
    pageIndex,
    empty: content.length === 0,
    pageToken: null,
  };
}

/** Spring Data Page (`/pipeline/api` lists). */
export function springPage<T>(
  all: readonly T[],
  page: number,
  size: number,
  sorted: boolean,
): Record<string, unknown> {
  const content = all.slice(page * size, page * size + size);
  const totalPages = Math.ceil(all.length / size);
  const sort = { empty: !sorted, sorted, unsorted: !sorted };
  return {
    content,
    pageable: { sort, offset: page * size, pageNumber: page, pageSize: size, paged: true, unpaged: false },
    totalElements: all.length,
    totalPages,
    last: page >= totalPages - 1,
    size,
    number: page,
    sort,
    numberOfElements: content.length,
    first: page === 0,
    empty: content.length === 0,
  };
}
