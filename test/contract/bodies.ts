// Builders of response bodies in the shapes Harness's sources show (see sources.ts). The values
// (ids, names, messages) are our own; field names, nesting, enum values, value kinds and message
// formats are Harness's. Used by the contract examples and by the simulator.
import { S, type Source } from './sources';

export const ACCOUNT = 'ctrAcct_Q1w2E3r4T5y6U7i8O9';
export const CID = '7b0d2c1e-4f5a-4c3b-9d8e-1a2b3c4d5e6f';

/** ResponseDTO (`status: SUCCESS`). `metaData` is null or an object; both occur. */
export function success(
  data: unknown,
  metaData: unknown = null,
  correlationId = CID,
): Record<string, unknown> {
  return { status: 'SUCCESS', data, metaData, correlationId };
}

function responseMessage(code: string, message: string): Record<string, unknown> {
  // failureSubTypes/additionalInfo: in newer servers' answers (mcp-server's captured body).
  return {
    code,
    level: 'ERROR',
    message,
    exception: null,
    failureTypes: [],
    failureSubTypes: [],
    additionalInfo: {},
  };
}

/** ErrorDTO as the NG services' WingsExceptionMapperV2 writes it (with responseMessages). */
export function ngError(code: string, message: string, correlationId = CID): Record<string, unknown> {
  return {
    status: 'ERROR',
    code,
    message,
    correlationId,
    detailedMessage: null,
    responseMessages: [responseMessage(code, message)],
    metadata: null,
  };
}

/** ErrorDTO as the pipeline service's WingsExceptionMapper writes it (responseMessages empty). */
export function pmsError(code: string, message: string, correlationId = CID): Record<string, unknown> {
  return {
    status: 'ERROR',
    code,
    message,
    correlationId,
    detailedMessage: null,
    responseMessages: [],
    metadata: null,
  };
}

/** FailureDTO (NotFoundExceptionMapper, JerseyViolationExceptionMapperV2). */
export function failure(
  code: string,
  message: string,
  errors: { fieldId: string; error: string }[] | null = null,
  correlationId = CID,
): Record<string, unknown> {
  return { status: 'FAILURE', code, message, correlationId, errors };
}

/** A javax.ws.rs.NotFoundException as NotFoundExceptionMapper answers it: HTTP 400. */
export function resourceNotFound(
  message: string,
  correlationId = CID,
): { status: number; body: Record<string, unknown> } {
  return { status: 400, body: failure('RESOURCE_NOT_FOUND_EXCEPTION', message, null, correlationId) };
}

/**
 * AccessDeniedErrorDTO (HTTP 403, NG_ACCESS_DENIED): ErrorDTO without correlationId or
 * responseMessages, plus the failed permission checks. Message as AbstractAccessControlClient
 * builds it.
 */
export function accessDenied(check: {
  principal: string;
  principalType?: 'USER' | 'SERVICE_ACCOUNT';
  permission: string;
  resourceType: string;
  resourceIdentifier?: string;
  scope: { accountIdentifier: string; orgIdentifier?: string; projectIdentifier?: string };
}): Record<string, unknown> {
  const what = check.resourceType.toLowerCase();
  return {
    status: 'ERROR',
    code: 'NG_ACCESS_DENIED',
    message: `Principal of type ${check.principalType ?? 'USER'} with identifier ${check.principal} : Missing permission ${check.permission} on ${what}${check.resourceIdentifier ? ` with identifier ${check.resourceIdentifier}` : ''}`,
    correlationId: null,
    detailedMessage: null,
    responseMessages: null,
    metadata: null,
    failedPermissionChecks: [
      {
        resourceScope: check.scope,
        resourceType: check.resourceType,
        resourceAttributes: null,
        resourceIdentifier: check.resourceIdentifier ?? null,
        permission: check.permission,
      },
    ],
  };
}

/** NG PageResponse. */
export function ngPage(content: unknown[], pageIndex = 0, pageSize = 50, totalItems = content.length) {
  return {
    totalPages: pageSize > 0 ? Math.ceil(totalItems / pageSize) : 0,
    totalItems,
    pageItemCount: content.length,
    pageSize,
    content,
    pageIndex,
    empty: content.length === 0,
    pageToken: null,
  };
}

/** Spring Data Page (pipeline and template services). */
export function springPage(content: unknown[], number = 0, size = 50, totalElements = content.length) {
  const totalPages = size > 0 ? Math.ceil(totalElements / size) : 0;
  const sort = { empty: false, sorted: true, unsorted: false };
  return {
    content,
    pageable: {
      sort,
      offset: number * size,
      pageNumber: number,
      pageSize: size,
      paged: true,
      unpaged: false,
    },
    totalElements,
    totalPages,
    last: number >= totalPages - 1,
    size,
    number,
    sort,
    numberOfElements: content.length,
    first: number === 0,
    empty: content.length === 0,
  };
}

// ---- governance (OPA) ---------------------------------------------------------------------------

export interface PolicyInput {
  name: string;
  status: 'pass' | 'warning' | 'error';
  denyMessages?: string[];
}

export interface PolicySetInput {
  name: string;
  status: 'pass' | 'warning' | 'error';
  policies: PolicyInput[];
}

const ms = (n: number): string => String(n);

/**
 * `governanceMetadata` as protobuf JsonFormat prints it with default values: every field present,
 * int64 as strings, `message: ""` (the OPA answer's reasons live in details[].policyMetadata[]).
 * `deny` is true exactly when the overall status is "error".
 */
export function governanceMetadata(input: {
  status: 'pass' | 'warning' | 'error';
  sets: PolicySetInput[];
  orgId?: string;
  projectId?: string;
  entity?: string;
  now?: number;
  id?: string;
}): Record<string, unknown> {
  const now = input.now ?? 1_767_225_600_000;
  const orgId = input.orgId ?? 'default';
  const projectId = input.projectId ?? 'web';
  return {
    id: input.id ?? '4410271',
    deny: input.status === 'error',
    details: input.sets.map((set, i) => ({
      policySetId: '',
      deny: set.status === 'error',
      policyMetadata: set.policies.map((p, j) => ({
        policyId: '',
        policyName: p.name,
        severity: p.status,
        denyMessages: p.denyMessages ?? [],
        status: p.status,
        identifier: p.name.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
        accountId: ACCOUNT,
        orgId,
        projectId,
        created: ms(now - 86_400_000 * (j + 2)),
        updated: ms(now - 86_400_000 * (j + 1)),
        error: '',
      })),
      policySetName: set.name,
      status: set.status,
      identifier: set.name.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
      created: ms(now - 86_400_000 * (i + 5)),
      accountId: ACCOUNT,
      orgId,
      projectId,
      description: '',
    })),
    message: '',
    timestamp: ms(now),
    status: input.status,
    accountId: ACCOUNT,
    orgId,
    projectId,
    entity: input.entity ?? 'accountIdentifier%3Actr%2ForgIdentifier%3Adefault%2FprojectIdentifier%3Aweb',
    type: 'pipeline',
    action: 'onsave',
    created: ms(now - 13),
  };
}

/** `GovernanceMetadata.newBuilder().setDeny(false).build()` printed with default values. */
export function governanceDefault(message = ''): Record<string, unknown> {
  return {
    id: '',
    deny: false,
    details: [],
    message,
    timestamp: '0',
    status: '',
    accountId: '',
    orgId: '',
    projectId: '',
    entity: '',
    type: '',
    action: '',
    created: '0',
  };
}

export const GOVERNANCE_SOURCES: Source[] = [
  S.governanceProto,
  S.governanceJson,
  S.governanceMapping,
  S.opaStatuses,
];
