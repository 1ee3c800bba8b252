// Services (`/ng/api/servicesV2`) and environments (`/ng/api/environmentsV2`): get and list at
// exactly the scope of the query (no parent scopes). Lists take `page`/`size` and answer NG pages
// (ServiceResourceV2: PageResponse); a missing one is a JAX-RS NotFoundException, which NG answers
// as 400 RESOURCE_NOT_FOUND_EXCEPTION (test/contract).
import { intQuery, q, type RequestContext } from '../context';
import { ngPage, ok, resourceNotFound, type Reply } from '../envelope';
import type { SimEnvironment, SimScoped, SimService } from '../model';
import type { Router } from '../router';
import { queryScope, sameScope } from './connectors';

/** ServiceElementMapper.getServiceNotFoundError's words (environments say the same). */
function notFoundText(kind: 'Service' | 'Environment', id: string, s: SimScoped): string {
  return s.projectIdentifier
    ? `${kind} with identifier [${id}] in project [${s.projectIdentifier}], org [${s.orgIdentifier ?? ''}] not found`
    : s.orgIdentifier
      ? `${kind} with identifier [${id}] in org [${s.orgIdentifier}] not found`
      : `${kind} with identifier [${id}] in account not found`;
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
  return ok(ngPage(list.map(serviceResponse), page, size), ctx.correlationId);
}

function getService(ctx: RequestContext): Reply {
  const scope = queryScope(ctx, 'core_service_view');
  const found = ctx.state.services.find((s) => s.identifier === ctx.params.id && sameScope(s, scope));
  if (!found) throw resourceNotFound(notFoundText('Service', ctx.params.id, scope), ctx.correlationId);
  return ok(serviceResponse(found), ctx.correlationId);
}

function listEnvironments(ctx: RequestContext): Reply {
  const scope = queryScope(ctx, 'core_environment_view');
  const term = q(ctx, 'searchTerm')?.toLowerCase();
  const list = ctx.state.environments
    .filter((e) => sameScope(e, scope) && matches(e, term))
    .sort(newestFirst);
  const { page, size } = pageArgs(ctx);
  return ok(ngPage(list.map(environmentResponse), page, size), ctx.correlationId);
}

function getEnvironment(ctx: RequestContext): Reply {
  const scope = queryScope(ctx, 'core_environment_view');
  const found = ctx.state.environments.find((e) => e.identifier === ctx.params.id && sameScope(e, scope));
  if (!found) throw resourceNotFound(notFoundText('Environment', ctx.params.id, scope), ctx.correlationId);
  return ok(environmentResponse(found), ctx.correlationId);
}

export function registerCdEntityRoutes(router: Router): void {
  router
    .add('GET', '/ng/api/servicesV2', listServices)
    .add('GET', '/ng/api/servicesV2/:id', getService)
    .add('GET', '/ng/api/environmentsV2', listEnvironments)
    .add('GET', '/ng/api/environmentsV2/:id', getEnvironment);
}
