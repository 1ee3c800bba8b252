// Projects (`/ng/api/projects`): list, get, create, update (full replacement), delete.
import {
  canSeeProject,
  findOrg,
  findProject,
  intQuery,
  jsonBody,
  q,
  requireName,
  requireNgIdentifier,
  stringRecord,
  assertProjectAccess,
  type RequestContext,
} from '../context';
import { errorDto, failureDto, ngPage, ok, type Reply } from '../envelope';
import type { SimProject } from '../model';
import type { Router } from '../router';

const MODULES = [
  'CD',
  'CI',
  'CV',
  'CF',
  'CE',
  'STO',
  'CHAOS',
  'SRM',
  'IACM',
  'CET',
  'CODE',
  'IDP',
  'SSCA',
  'SEI',
];

export function projectResponse(p: SimProject): Record<string, unknown> {
  return {
    project: {
      orgIdentifier: p.orgIdentifier,
      identifier: p.identifier,
      name: p.name,
      color: p.color,
      modules: p.modules,
      description: p.description,
      tags: p.tags,
    },
    createdAt: p.createdAt,
    lastModifiedAt: p.lastModifiedAt,
    isFavorite: p.isFavorite,
  };
}

function listProjects(ctx: RequestContext): Reply {
  const org = q(ctx, 'orgIdentifier');
  if (org) findOrg(ctx, org);
  const term = q(ctx, 'searchTerm')?.toLowerCase();
  const module = q(ctx, 'moduleType');
  const hasModule = q(ctx, 'hasModule') === 'true';
  const ids = ctx.query.getAll('identifiers');
  const onlyFavorites = q(ctx, 'onlyFavorites') === 'true';
  // Like RBAC-filtered NG lists, projects the caller cannot view are left out, not refused.
  const list = ctx.state.projects
    .filter(
      (p) =>
        (!org || p.orgIdentifier === org) &&
        canSeeProject(ctx, p.orgIdentifier, p.identifier) &&
        (!term || p.identifier.toLowerCase().includes(term) || p.name.toLowerCase().includes(term)) &&
        (!module || !hasModule || p.modules.includes(module)) &&
        (ids.length === 0 || ids.includes(p.identifier)) &&
        (!onlyFavorites || p.isFavorite),
    )
    .sort((a, b) => b.lastModifiedAt - a.lastModifiedAt || a.identifier.localeCompare(b.identifier));
  const pageIndex = intQuery(ctx, 'pageIndex', 0);
  const pageSize = intQuery(ctx, 'pageSize', 50, 1);
  return ok(ngPage(list.map(projectResponse), pageIndex, pageSize), ctx.correlationId);
}

/** Reads and checks `{project:{…}}`; the org in the body must match the query (NG rule). */
function readProjectBody(
  ctx: RequestContext,
): Omit<SimProject, 'createdAt' | 'lastModifiedAt' | 'isFavorite'> {
  const body = jsonBody(ctx, { rejectNulls: true });
  const raw = body.project;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw errorDto(400, 'INVALID_REQUEST', 'project must be provided in the request body', ctx.correlationId);
  }
  const p = raw as Record<string, unknown>;
  const queryOrg = q(ctx, 'orgIdentifier');
  const orgIdentifier = typeof p.orgIdentifier === 'string' && p.orgIdentifier ? p.orgIdentifier : queryOrg;
  if (!orgIdentifier) {
    throw failureDto(
      'orgIdentifier: must not be null',
      [{ fieldId: 'orgIdentifier', error: 'must not be null' }],
      ctx.correlationId,
    );
  }
  if (queryOrg && queryOrg !== orgIdentifier) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `Organization identifier in the query (${queryOrg}) does not match the one in the body (${orgIdentifier})`,
      ctx.correlationId,
    );
  }
  const identifier = requireNgIdentifier(ctx, 'identifier', p.identifier);
  const name = requireName(ctx, 'name', p.name);
  const color = typeof p.color === 'string' ? p.color : '#0063F7';
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) {
    throw failureDto(
      'color: must be a hex colour like #0063F7',
      [{ fieldId: 'color', error: 'must be a hex colour' }],
      ctx.correlationId,
    );
  }
  const modules = Array.isArray(p.modules) ? p.modules.map(String) : [];
  const bad = modules.find((m) => !MODULES.includes(m));
  if (bad) throw errorDto(400, 'INVALID_REQUEST', `Unknown module type ${bad}`, ctx.correlationId);
  return {
    orgIdentifier,
    identifier,
    name,
    color,
    modules,
    description: typeof p.description === 'string' ? p.description : '',
    tags: stringRecord(p.tags),
  };
}

function createProject(ctx: RequestContext): Reply {
  const input = readProjectBody(ctx);
  findOrg(ctx, input.orgIdentifier);
  if (
    ctx.state.projects.some(
      (p) => p.orgIdentifier === input.orgIdentifier && p.identifier === input.identifier,
    )
  ) {
    throw errorDto(
      400,
      'DUPLICATE_FIELD',
      `A project with identifier [${input.identifier}] and orgIdentifier [${input.orgIdentifier}] is already present`,
      ctx.correlationId,
    );
  }
  const project: SimProject = { ...input, createdAt: ctx.now, lastModifiedAt: ctx.now, isFavorite: false };
  ctx.state.projects.push(project);
  return ok(projectResponse(project), ctx.correlationId);
}

function updateProject(ctx: RequestContext): Reply {
  const input = readProjectBody(ctx);
  if (input.identifier !== ctx.params.project) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `Project identifier in the path (${ctx.params.project}) does not match the one in the body (${input.identifier})`,
      ctx.correlationId,
    );
  }
  const existing = findProject(ctx, input.orgIdentifier, input.identifier, 'core_project_edit');
  Object.assign(existing, input, { lastModifiedAt: ctx.now });
  return ok(projectResponse(existing), ctx.correlationId);
}

function deleteProject(ctx: RequestContext): Reply {
  const org = q(ctx, 'orgIdentifier') ?? 'default';
  const id = ctx.params.project;
  findProject(ctx, org, id);
  assertProjectAccess(ctx, org, id, 'core_project_delete');
  const s = ctx.state;
  s.projects = s.projects.filter((p) => !(p.orgIdentifier === org && p.identifier === id));
  // Deleting a project deletes what lives in it.
  const inProject = (x: { orgIdentifier?: string; projectIdentifier?: string }) =>
    x.orgIdentifier === org && x.projectIdentifier === id;
  s.pipelines = s.pipelines.filter((p) => !inProject(p));
  s.executions = s.executions.filter((e) => !inProject(e));
  s.connectors = s.connectors.filter((c) => !inProject(c.connector));
  return ok(true, ctx.correlationId);
}

export function registerProjectRoutes(router: Router): void {
  router
    .add('GET', '/ng/api/projects', listProjects)
    .add('POST', '/ng/api/projects', createProject)
    .add('GET', '/ng/api/projects/:project', (ctx) =>
      // Like ProjectResource, a missing orgIdentifier means the `default` org.
      ok(
        projectResponse(findProject(ctx, q(ctx, 'orgIdentifier') ?? 'default', ctx.params.project)),
        ctx.correlationId,
      ),
    )
    .add('PUT', '/ng/api/projects/:project', updateProject)
    .add('DELETE', '/ng/api/projects/:project', deleteProject);
}
