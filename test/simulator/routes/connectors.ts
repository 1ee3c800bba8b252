// Connectors (`/ng/api/connectors`): listV2 with its filter body, get, create, update (no id in
// the path), delete and testConnection. Test outcomes are deterministic: a connector whose spec
// mentions "invalid" or "unreachable" fails; a seeded FAILURE keeps failing; a seeded UNKNOWN or
// PENDING one gets its seeded outcome; otherwise SUCCESS. A missing connector is answered as the
// connector service does (test/contract): get → 400 RESOURCE_NOT_FOUND_EXCEPTION, testConnection
// → 400 CONNECTOR_NOT_FOUND_EXCEPTION, update and delete → 400 INVALID_REQUEST.
import {
  boolQuery,
  findOrg,
  findProject,
  intQuery,
  jsonBody,
  q,
  requireFilterType,
  requireName,
  requireNgIdentifier,
  stringRecord,
  type RequestContext,
} from '../context';
import {
  errorDto,
  failureDto,
  ngPage,
  ok,
  resourceNotFound,
  unableToProcessJson,
  type Reply,
} from '../envelope';
import type { ConnectivityStatus, SimConnector, SimConnectorInfo } from '../model';
import type { Router } from '../router';

const CATEGORY_BY_TYPE: Record<string, string> = {
  Github: 'CODE_REPO',
  Git: 'CODE_REPO',
  Gitlab: 'CODE_REPO',
  Bitbucket: 'CODE_REPO',
  AzureRepo: 'CODE_REPO',
  Codecommit: 'CODE_REPO',
  DockerRegistry: 'ARTIFACTORY',
  Artifactory: 'ARTIFACTORY',
  Nexus: 'ARTIFACTORY',
  HttpHelmRepo: 'ARTIFACTORY',
  OciHelmRepo: 'ARTIFACTORY',
  K8sCluster: 'CLOUD_PROVIDER',
  Aws: 'CLOUD_PROVIDER',
  Gcp: 'CLOUD_PROVIDER',
  Azure: 'CLOUD_PROVIDER',
  Vault: 'SECRET_MANAGER',
  AwsSecretManager: 'SECRET_MANAGER',
  GcpSecretManager: 'SECRET_MANAGER',
  AzureKeyVault: 'SECRET_MANAGER',
  Jira: 'TICKETING',
  ServiceNow: 'TICKETING',
  Prometheus: 'MONITORING',
  Datadog: 'MONITORING',
  Slack: 'COMMUNICATION',
};

type Scope = { orgIdentifier?: string; projectIdentifier?: string };

export function connectorResponse(c: SimConnector): Record<string, unknown> {
  return {
    connector: { ...c.connector },
    createdAt: c.createdAt,
    lastModifiedAt: c.lastModifiedAt,
    status: { ...c.status, lastAlertSent: 0 },
    activityDetails: { lastActivityTime: c.lastModifiedAt },
    harnessManaged: c.harnessManaged,
    entityValidityDetails: null,
    governanceMetadata: null,
    isFavorite: false,
  };
}

/** Scope from the query; checks that it exists and that the caller may see it. */
export function queryScope(ctx: RequestContext, permission: string): Scope {
  const org = q(ctx, 'orgIdentifier');
  const project = q(ctx, 'projectIdentifier');
  if (project && !org) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      'orgIdentifier is required when projectIdentifier is given',
      ctx.correlationId,
    );
  }
  if (org && project) findProject(ctx, org, project, permission);
  else if (org) findOrg(ctx, org);
  return { orgIdentifier: org, projectIdentifier: project };
}

export function sameScope(c: Scope, s: Scope): boolean {
  return (
    (c.orgIdentifier ?? undefined) === s.orgIdentifier &&
    (c.projectIdentifier ?? undefined) === s.projectIdentifier
  );
}

/** The scope itself plus, when asked, its parents (org, account). */
function visibleAt(c: SimConnectorInfo, s: Scope, includeParents: boolean): boolean {
  if (sameScope(c, s)) return true;
  if (!includeParents) return false;
  if (!c.orgIdentifier) return true;
  return s.projectIdentifier !== undefined && c.orgIdentifier === s.orgIdentifier && !c.projectIdentifier;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function listConnectors(ctx: RequestContext): Reply {
  const body = requireFilterType(ctx, 'Connector');
  const scope = queryScope(ctx, 'core_connector_view');
  const includeParents = boolQuery(ctx, 'includeAllConnectorsAvailableAtScope');
  const types = stringList(body.types);
  const categories = stringList(body.categories);
  const statuses = stringList(body.connectivityStatuses);
  const names = stringList(body.connectorNames);
  const ids = stringList(body.connectorIdentifiers);
  const term = q(ctx, 'searchTerm')?.toLowerCase();
  const list = ctx.state.connectors
    .filter((c) => {
      const info = c.connector;
      return (
        visibleAt(info, scope, includeParents) &&
        (types.length === 0 || types.includes(info.type)) &&
        (categories.length === 0 || categories.includes(CATEGORY_BY_TYPE[info.type] ?? '')) &&
        (statuses.length === 0 || statuses.includes(c.status.status)) &&
        (names.length === 0 || names.includes(info.name)) &&
        (ids.length === 0 || ids.includes(info.identifier)) &&
        (!term || info.identifier.toLowerCase().includes(term) || info.name.toLowerCase().includes(term))
      );
    })
    .sort(
      (a, b) =>
        b.lastModifiedAt - a.lastModifiedAt || a.connector.identifier.localeCompare(b.connector.identifier),
    );
  const pageIndex = intQuery(ctx, 'pageIndex', 0);
  const pageSize = intQuery(ctx, 'pageSize', 100, 1);
  return ok(ngPage(list.map(connectorResponse), pageIndex, pageSize), ctx.correlationId);
}

type Missing = 'get' | 'test' | 'delete' | 'update';

/** The connector, or the error the connector service answers for this operation. */
function findConnector(ctx: RequestContext, identifier: string, scope: Scope, op: Missing): SimConnector {
  const found = ctx.state.connectors.find(
    (c) => c.connector.identifier === identifier && sameScope(c.connector, scope),
  );
  if (found) return found;
  const account = ctx.state.account.identifier;
  switch (op) {
    case 'get':
      throw resourceNotFound(
        scope.projectIdentifier
          ? `Connector with identifier [${identifier}] not found in project [${scope.projectIdentifier}] and org [${scope.orgIdentifier}].`
          : scope.orgIdentifier
            ? `Connector with identifier [${identifier}] not found in org [${scope.orgIdentifier}].`
            : `Connector with identifier [${identifier}] not found in account [${account}].`,
        ctx.correlationId,
      );
    case 'test':
      throw errorDto(
        400,
        'CONNECTOR_NOT_FOUND_EXCEPTION',
        `No connector found with identifier ${identifier}`,
        ctx.correlationId,
      );
    case 'update':
      // Two spaces, as DefaultConnectorServiceImpl.update writes it.
      throw errorDto(
        400,
        'INVALID_REQUEST',
        `No connector exists with the  Identifier ${identifier}`,
        ctx.correlationId,
      );
    default: {
      const where = [
        ` in account ${account}`,
        scope.orgIdentifier ? `, organisation ${scope.orgIdentifier}` : '',
        scope.projectIdentifier ? `, project ${scope.projectIdentifier}` : '',
      ].join('');
      throw errorDto(
        400,
        'INVALID_REQUEST',
        `No connector exists with the identifier ${identifier}${where}`,
        ctx.correlationId,
      );
    }
  }
}

function requireField(ctx: RequestContext, spec: Record<string, unknown>, field: string): void {
  if (spec[field] === undefined || spec[field] === '') {
    throw failureDto(
      `spec.${field}: must not be null`,
      [{ fieldId: `spec.${field}`, error: 'must not be null' }],
      ctx.correlationId,
    );
  }
}

/** The type-specific rules clients most often trip over (harness-api.md §2.3, §6). */
function validateSpec(ctx: RequestContext, type: string, spec: Record<string, unknown>): void {
  switch (type) {
    case 'Github':
    case 'Gitlab':
    case 'Bitbucket':
      ['type', 'url', 'authentication'].forEach((f) => requireField(ctx, spec, f));
      break;
    case 'Git':
      ['connectionType', 'url'].forEach((f) => requireField(ctx, spec, f));
      break;
    case 'DockerRegistry':
      ['dockerRegistryUrl', 'providerType'].forEach((f) => requireField(ctx, spec, f));
      break;
    case 'Aws':
      requireField(ctx, spec, 'credential');
      break;
    case 'K8sCluster': {
      requireField(ctx, spec, 'credential');
      const cred = spec.credential as Record<string, unknown>;
      if (cred.type === 'InheritFromDelegate') {
        if (cred.spec !== undefined) {
          throw errorDto(
            400,
            'INVALID_REQUEST',
            'No spec should be provided with the inherit from delegate type',
            ctx.correlationId,
          );
        }
        if (stringList(spec.delegateSelectors).length === 0) {
          throw errorDto(
            400,
            'INVALID_REQUEST',
            'Delegate Selector cannot be null for inherit from delegate credential type',
            ctx.correlationId,
          );
        }
      }
      break;
    }
  }
}

function readConnectorBody(ctx: RequestContext): SimConnectorInfo {
  const body = jsonBody(ctx, { rejectNulls: true });
  const raw = body.connector;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      'connector must be provided in the request body',
      ctx.correlationId,
    );
  }
  const c = raw as Record<string, unknown>;
  const type = typeof c.type === 'string' ? c.type : '';
  if (!CATEGORY_BY_TYPE[type]) {
    throw unableToProcessJson(`Could not resolve type id '${type}' as a subtype of ConnectorConfigDTO`);
  }
  const identifier = requireNgIdentifier(ctx, 'identifier', c.identifier);
  const name = requireName(ctx, 'name', c.name);
  if (typeof c.spec !== 'object' || c.spec === null || Array.isArray(c.spec)) {
    throw failureDto(
      'spec: must not be null',
      [{ fieldId: 'spec', error: 'must not be null' }],
      ctx.correlationId,
    );
  }
  const spec = c.spec as Record<string, unknown>;
  validateSpec(ctx, type, spec);
  const orgIdentifier = typeof c.orgIdentifier === 'string' && c.orgIdentifier ? c.orgIdentifier : undefined;
  const projectIdentifier =
    typeof c.projectIdentifier === 'string' && c.projectIdentifier ? c.projectIdentifier : undefined;
  for (const [key, value] of [
    ['orgIdentifier', orgIdentifier],
    ['projectIdentifier', projectIdentifier],
  ] as const) {
    const fromQuery = q(ctx, key);
    if (fromQuery && fromQuery !== value) {
      throw errorDto(
        400,
        'INVALID_REQUEST',
        `${key} in the query (${fromQuery}) does not match the one in the body`,
        ctx.correlationId,
      );
    }
  }
  if (projectIdentifier && orgIdentifier)
    findProject(ctx, orgIdentifier, projectIdentifier, 'core_connector_edit');
  else if (projectIdentifier)
    throw errorDto(
      400,
      'INVALID_REQUEST',
      'orgIdentifier is required for a project connector',
      ctx.correlationId,
    );
  else if (orgIdentifier) findOrg(ctx, orgIdentifier);
  return {
    name,
    identifier,
    description: typeof c.description === 'string' ? c.description : '',
    ...(orgIdentifier ? { orgIdentifier } : {}),
    ...(projectIdentifier ? { projectIdentifier } : {}),
    tags: stringRecord(c.tags),
    type,
    spec,
  };
}

function createConnector(ctx: RequestContext): Reply {
  const info = readConnectorBody(ctx);
  if (
    ctx.state.connectors.some(
      (c) => c.connector.identifier === info.identifier && sameScope(c.connector, info),
    )
  ) {
    throw errorDto(
      400,
      'DUPLICATE_FIELD',
      `Connector [${info.identifier}] already exists in this scope`,
      ctx.correlationId,
    );
  }
  const created: SimConnector = {
    connector: info,
    // Never tested: ConnectorMapper reads a connector without connectivity details as PENDING.
    status: { status: 'PENDING', errors: [], testedAt: 0, lastTestedAt: 0, lastConnectedAt: 0 },
    createdAt: ctx.now,
    lastModifiedAt: ctx.now,
    harnessManaged: false,
  };
  ctx.state.connectors.push(created);
  return ok(connectorResponse(created), ctx.correlationId);
}

function updateConnector(ctx: RequestContext): Reply {
  const info = readConnectorBody(ctx);
  const existing = findConnector(ctx, info.identifier, info, 'update');
  if (existing.connector.type !== info.type) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `Connector type cannot be changed from ${existing.connector.type} to ${info.type}`,
      ctx.correlationId,
    );
  }
  existing.connector = info;
  existing.lastModifiedAt = ctx.now;
  return ok(connectorResponse(existing), ctx.correlationId);
}

function deleteConnector(ctx: RequestContext): Reply {
  const scope = queryScope(ctx, 'core_connector_delete');
  const existing = findConnector(ctx, ctx.params.id, scope, 'delete');
  ctx.state.connectors = ctx.state.connectors.filter((c) => c !== existing);
  return ok(true, ctx.correlationId);
}

function testOutcome(c: SimConnector): 'SUCCESS' | 'FAILURE' {
  if (/invalid|unreachable/i.test(JSON.stringify(c.connector.spec))) return 'FAILURE';
  if ((c.status.status === 'UNKNOWN' || c.status.status === 'PENDING') && c.simTestOutcome)
    return c.simTestOutcome;
  return c.status.status === 'FAILURE' ? 'FAILURE' : 'SUCCESS';
}

function testConnection(ctx: RequestContext): Reply {
  const scope = queryScope(ctx, 'core_connector_view');
  const c = findConnector(ctx, ctx.params.id, scope, 'test');
  const status: ConnectivityStatus = testOutcome(c);
  const summary =
    status === 'FAILURE'
      ? (c.status.errorSummary ??
        `Error Encountered (Unable to connect to ${c.connector.type} with the given configuration)`)
      : undefined;
  const errors = summary ? [{ reason: 'Unexpected Error', message: summary, code: 450 }] : [];
  c.status = {
    status,
    ...(summary ? { errorSummary: summary } : {}),
    errors,
    testedAt: ctx.now,
    lastTestedAt: ctx.now,
    lastConnectedAt: status === 'SUCCESS' ? ctx.now : c.status.lastConnectedAt,
  };
  return ok(
    { status, errors, errorSummary: summary ?? null, testedAt: ctx.now, delegateId: 'sim-delegate-1' },
    ctx.correlationId,
  );
}

function getConnector(ctx: RequestContext): Reply {
  const scope = queryScope(ctx, 'core_connector_view');
  return ok(connectorResponse(findConnector(ctx, ctx.params.id, scope, 'get')), ctx.correlationId);
}

export function registerConnectorRoutes(router: Router): void {
  router
    .add('POST', '/ng/api/connectors/listV2', listConnectors)
    .add('POST', '/ng/api/connectors/testConnection/:id', testConnection)
    .add('POST', '/ng/api/connectors', createConnector)
    .add('PUT', '/ng/api/connectors', updateConnector)
    .add('GET', '/ng/api/connectors/:id', getConnector)
    .add('DELETE', '/ng/api/connectors/:id', deleteConnector);
}
