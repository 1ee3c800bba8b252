// What a route handler gets, and the checks most routes share: query parameters, JSON bodies,
// scope lookups and the RBAC rule of the `limited` token.
import type { IncomingHttpHeaders } from 'node:http';
import { accessDenied, errorDto, failureDto, resourceNotFound, unableToProcessJson } from './envelope';
import { projectKey, type SimOrg, type SimPrincipal, type SimProject, type SimState } from './model';

export interface RequestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  correlationId: string;
  state: SimState;
  principal: SimPrincipal;
  executionStepMs: number;
  now: number;
}

/** NG entity identifiers (orgs, projects, connectors). */
export const NG_IDENTIFIER = /^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$/;
/** Pipeline, stage and step identifiers. */
export const PIPELINE_IDENTIFIER = /^[a-zA-Z_][0-9a-zA-Z_]{0,127}$/;
export const NG_IDENTIFIER_MESSAGE =
  'can be 128 characters long and can only contain alphanumeric, underscore and $ characters, and not start with a number or $';

export function q(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.query.get(name);
  return value === null || value === '' ? undefined : value;
}

export function qAll(ctx: RequestContext, name: string): string[] {
  return ctx.query.getAll(name).filter((v) => v !== '');
}

export function requireQuery(ctx: RequestContext, name: string): string {
  const value = q(ctx, name);
  if (value === undefined)
    throw failureDto(
      `${name}: must not be null`,
      [{ fieldId: name, error: 'must not be null' }],
      ctx.correlationId,
    );
  return value;
}

export function intQuery(
  ctx: RequestContext,
  name: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = q(ctx, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    const error =
      max === Number.MAX_SAFE_INTEGER
        ? `must be an integer >= ${min}`
        : `must be an integer between ${min} and ${max}`;
    throw failureDto(`${name}: ${error}`, [{ fieldId: name, error }], ctx.correlationId);
  }
  return value;
}

export function boolQuery(ctx: RequestContext, name: string): boolean {
  return q(ctx, name) === 'true';
}

function findNull(value: unknown, path: string): string | undefined {
  if (value === null) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNull(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (typeof value === 'object' && value !== undefined) {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNull(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * The request body as a JSON object. Like NG, write bodies with `null` values are refused
 * ("Unable to process JSON"), so clients must strip nulls before sending.
 */
export function jsonBody(ctx: RequestContext, opts: { rejectNulls?: boolean } = {}): Record<string, unknown> {
  if (ctx.body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.body);
  } catch (e) {
    throw unableToProcessJson(`Unexpected character in request body: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw unableToProcessJson('Cannot deserialize the request body: expected a JSON object');
  }
  if (opts.rejectNulls) {
    const at = findNull(parsed, '');
    if (at) throw unableToProcessJson(`Null value is not allowed at "${at}"`);
  }
  return parsed as Record<string, unknown>;
}

/** List endpoints with a polymorphic filter body: `filterType` decides the Java type. */
export function requireFilterType(ctx: RequestContext, expected: string): Record<string, unknown> {
  const body = jsonBody(ctx);
  if (body.filterType !== expected) {
    throw unableToProcessJson(
      body.filterType === undefined
        ? `Missing type id when trying to resolve subtype of filter properties: missing type id property 'filterType' (expected "${expected}")`
        : `Could not resolve type id '${String(body.filterType)}' as a subtype of filter properties here (expected "${expected}")`,
    );
  }
  return body;
}

export function findOrg(ctx: RequestContext, identifier: string): SimOrg {
  const org = ctx.state.orgs.find((o) => o.identifier === identifier);
  // OrganizationResource: a JAX-RS NotFoundException, which NG answers as 400 RESOURCE_NOT_FOUND_EXCEPTION.
  if (!org)
    throw resourceNotFound(`Organization with identifier [${identifier}] not found`, ctx.correlationId);
  return org;
}

/** 403 NG_ACCESS_DENIED (AccessDeniedErrorDTO) when the caller may not touch this project. */
export function assertProjectAccess(
  ctx: RequestContext,
  org: string,
  project: string,
  permission: string,
): void {
  if (ctx.principal.deniedProjects.includes(projectKey(org, project))) {
    throw accessDenied({
      principal: ctx.principal.id,
      principalType: ctx.principal.kind === 'sat' ? 'SERVICE_ACCOUNT' : 'USER',
      permission,
      resourceType: 'PROJECT',
      resourceIdentifier: project,
      scope: { accountIdentifier: ctx.state.account.identifier, orgIdentifier: org },
    });
  }
}

export function findProject(
  ctx: RequestContext,
  org: string,
  project: string,
  permission = 'core_project_view',
): SimProject {
  const found = ctx.state.projects.find((p) => p.orgIdentifier === org && p.identifier === project);
  if (!found) {
    throw errorDto(
      404,
      'ENTITY_NOT_FOUND',
      `Project with orgIdentifier [${org}] and identifier [${project}] not found`,
      ctx.correlationId,
    );
  }
  assertProjectAccess(ctx, org, project, permission);
  return found;
}

export function canSeeProject(ctx: RequestContext, org: string, project: string): boolean {
  return !ctx.principal.deniedProjects.includes(projectKey(org, project));
}

export function requireNgIdentifier(ctx: RequestContext, fieldId: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw failureDto(
      `${fieldId}: cannot be empty`,
      [{ fieldId, error: 'cannot be empty' }],
      ctx.correlationId,
    );
  }
  if (!NG_IDENTIFIER.test(value)) {
    throw failureDto(
      `${fieldId}: ${NG_IDENTIFIER_MESSAGE}`,
      [{ fieldId, error: NG_IDENTIFIER_MESSAGE }],
      ctx.correlationId,
    );
  }
  return value;
}

export function requireName(ctx: RequestContext, fieldId: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw failureDto(
      `${fieldId}: cannot be empty`,
      [{ fieldId, error: 'cannot be empty' }],
      ctx.correlationId,
    );
  }
  if (value.length > 128) {
    const error = 'length must be between 1 and 128';
    throw failureDto(`${fieldId}: ${error}`, [{ fieldId, error }], ctx.correlationId);
  }
  return value;
}

export function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'string' ? v : String(v ?? '');
  }
  return out;
}
