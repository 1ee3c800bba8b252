// Templates (`/template/api/templates`): get one version (the stable one unless `versionLabel`
// is given) and the list-metadata POST, whose body must say `filterType: Template`. Both look at
// exactly the scope of the query. `templateListType`: Stable (stable versions only), All or
// LastUpdated (every version; the simulator does not track "last updated" separately).
import { intQuery, q, requireFilterType, type RequestContext } from '../context';
import { ok, resourceNotFound, springPage, type Reply } from '../envelope';
import type { SimTemplate } from '../model';
import type { Router } from '../router';
import { queryScope, sameScope } from './connectors';

function metadata(t: SimTemplate): Record<string, unknown> {
  const { yaml: _yaml, ...rest } = t;
  return { ...rest, storeType: 'INLINE', childType: null };
}

function getTemplate(ctx: RequestContext): Reply {
  const scope = queryScope(ctx, 'core_template_view');
  const version = q(ctx, 'versionLabel');
  const found = ctx.state.templates.find(
    (t) =>
      t.identifier === ctx.params.id &&
      sameScope(t, scope) &&
      (version === undefined ? t.stableTemplate : t.versionLabel === version),
  );
  if (!found) {
    // NGTemplateResourceImpl: a JAX-RS NotFoundException, answered as 400 RESOURCE_NOT_FOUND_EXCEPTION.
    throw resourceNotFound(
      `Template with the given Identifier: ${ctx.params.id} and ${version ? `versionLabel: ${version}` : 'stable versionLabel'} does not exist or has been deleted`,
      ctx.correlationId,
    );
  }
  return ok({ ...metadata(found), yaml: found.yaml }, ctx.correlationId);
}

function listTemplates(ctx: RequestContext): Reply {
  requireFilterType(ctx, 'Template');
  const scope = queryScope(ctx, 'core_template_view');
  const stableOnly = q(ctx, 'templateListType') === 'Stable';
  const term = q(ctx, 'searchTerm')?.toLowerCase();
  const list = ctx.state.templates
    .filter(
      (t) =>
        sameScope(t, scope) &&
        (!stableOnly || t.stableTemplate) &&
        (!term || t.identifier.toLowerCase().includes(term) || t.name.toLowerCase().includes(term)),
    )
    .sort(
      (a, b) =>
        b.lastUpdatedAt - a.lastUpdatedAt ||
        a.identifier.localeCompare(b.identifier) ||
        a.versionLabel.localeCompare(b.versionLabel),
    );
  const page = intQuery(ctx, 'page', 0);
  const size = intQuery(ctx, 'size', 25, 1, 100);
  return ok(springPage(list.map(metadata), page, size, true), ctx.correlationId);
}

export function registerTemplateRoutes(router: Router): void {
  router
    .add('POST', '/template/api/templates/list-metadata', listTemplates)
    .add('GET', '/template/api/templates/:id', getTemplate);
}
