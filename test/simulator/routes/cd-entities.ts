// Services (`/ng/api/servicesV2`) and environments (`/ng/api/environmentsV2`): get and list at
// exactly the scope of the query (no parent scopes), lists as Spring pages like the real API.
import { intQuery, q, type RequestContext } from '../context';
import { errorDto, ok, springPage, type Reply } from '../envelope';
import type { SimEnvironment, SimScoped, SimService } from '../model';
import type { Router } from '../router';
import { queryScope, sameScope } from './connectors';

function scopeText(s: SimScoped): string {
  return s.projectIdentifier
    ? `project ${s.projectIdentifier} in org ${s.orgIdentifier ?? ''}`
    : s.orgIdentifier
      ? `org ${s.orgIdentifier}`
      : 'account';
}

function matches(e: { identifier: string; name: string }, term: string | undefined): boolean {
  return !term || e.identifier.toLowerCase().includes(term) || e.name.toLowerCase().includes(term);
}

const newestFirst = (
  a: { lastModifiedAt: number; identifier: string },
  b: { lastModifiedAt: number; identifier: string },
): number => b.lastModifiedAt - a.lastModifiedAt || a.identifier.localeCompare(b.identifier);

function serviceResponse(s: SimService): Record<string, unknown> {
  const { createdAt, lastModifiedAt, ...service } = s;
  return { service, createdAt, lastModifiedAt };
}

function environmentResponse(e: SimEnvironment): Record<string, unknown> {
  const { createdAt, lastModifiedAt, ...environment } = e;
  return { environment: { ...environment, color: '#0063F7' }, createdAt, lastModifiedAt };
}

function pageArgs(ctx: RequestContext): { page: number; size: number } {
  return { page: intQuery(ctx, 'page', 0), size: intQuery(ctx, 'size', 100, 1, 1000) };
}

function listServices(ctx: RequestContext): Reply {
  const scope = queryScope(ctx, 'core_service_view');
  const term = q(ctx, 'searchTerm')?.toLowerCase();
  const list = ctx.state.services.filter((s) => sameScope(s, scope) && matches(s, term)).sort(newestFirst);
  const { page, size } = pageArgs(ctx);
  return ok(springPage(list.map(serviceResponse), page, size, true), ctx.correlationId);
}

function getService(ctx: RequestContext): Reply {
  const scope = queryScope(ctx, 'core_service_view');
  const found = ctx.state.services.find((s) => s.identifier === ctx.params.id && sameScope(s, scope));
  if (!found)
    throw errorDto(
      404,
      'ENTITY_NOT_FOUND',
      `Service with identifier [${ctx.params.id}] in ${scopeText(scope)} not found`,
      ctx.correlationId,
    );
  return ok(serviceResponse(found), ctx.correlationId);
}

function listEnvironments(ctx: RequestContext): Reply {
  const scope = queryScope(ctx, 'core_environment_view');
  const term = q(ctx, 'searchTerm')?.toLowerCase();
  const list = ctx.state.environments
    .filter((e) => sameScope(e, scope) && matches(e, term))
    .sort(newestFirst);
  const { page, size } = pageArgs(ctx);
  return ok(springPage(list.map(environmentResponse), page, size, true), ctx.correlationId);
}

function getEnvironment(ctx: RequestContext): Reply {
  const scope = queryScope(ctx, 'core_environment_view');
  const found = ctx.state.environments.find((e) => e.identifier === ctx.params.id && sameScope(e, scope));
  if (!found)
    throw errorDto(
      404,
      'ENTITY_NOT_FOUND',
      `Environment with identifier [${ctx.params.id}] in ${scopeText(scope)} not found`,
      ctx.correlationId,
    );
  return ok(environmentResponse(found), ctx.correlationId);
}

export function registerCdEntityRoutes(router: Router): void {
  router
    .add('GET', '/ng/api/servicesV2', listServices)
    .add('GET', '/ng/api/servicesV2/:id', getService)
    .add('GET', '/ng/api/environmentsV2', listEnvironments)
    .add('GET', '/ng/api/environmentsV2/:id', getEnvironment);
}
