// Answers the server's live-reference requests from the signed-in account, with a cache so
// typing does not hit the API. Connectors, templates, services and environments are looked up
// through the API client; network trouble answers 'unknown' (never a false "missing").
import { isHarnessApiError } from '../api/errors';
import type { HarnessApi, Page, Scope } from '../api/types';
import type {
  ListReferencesParams,
  ListReferencesResult,
  ReferenceItem,
  ReferenceKind,
  ReferenceQuery,
  ReferenceScope,
  ReferenceStatus,
  ResolveReferencesParams,
  ResolveReferencesResult,
} from '../../shared/protocol';

export type AccountProvider = () => { api: HarnessApi; label?: string } | undefined;

const TTL_MS = 5 * 60_000;

function apiScope(scope: ReferenceScope): Scope | undefined {
  if (scope.level === 'account') return {};
  if (scope.level === 'org') return scope.orgIdentifier ? { orgIdentifier: scope.orgIdentifier } : undefined;
  return scope.orgIdentifier && scope.projectIdentifier
    ? { orgIdentifier: scope.orgIdentifier, projectIdentifier: scope.projectIdentifier }
    : undefined;
}

function isNotFound(err: unknown): boolean {
  return isHarnessApiError(err) && (err.kind === 'notFound' || err.status === 404);
}

const KINDS: readonly ReferenceKind[] = ['connector', 'template', 'service', 'environment'];
const CALL = { timeoutMs: 10_000 };
const FIRST_PAGE = { pageIndex: 0, pageSize: 100 };

/** Name and hover detail of an entity that exists; throws what the API threw otherwise. */
async function lookup(
  api: HarnessApi,
  kind: ReferenceKind,
  scope: Scope,
  id: string,
): Promise<{ name: string; detail: string }> {
  switch (kind) {
    case 'connector': {
      const c = await api.getConnector(scope, id, CALL);
      const status = c.status?.status;
      return {
        name: c.connector.name,
        detail: `Connector type \`${c.connector.type}\`${status ? `, connectivity **${status}**` : ''}${c.status?.errorSummary ? `: ${c.status.errorSummary}` : ''}`,
      };
    }
    case 'template': {
      // Without a version label the API answers with the stable version.
      const t = await api.getTemplate(scope, id, undefined, CALL);
      return {
        name: t.name,
        detail: `${t.templateEntityType} template, stable version \`${t.versionLabel}\``,
      };
    }
    case 'service': {
      const s = await api.getService(scope, id, CALL);
      return { name: s.name, detail: s.description ? `Service: ${s.description}` : 'Service' };
    }
    case 'environment': {
      const e = await api.getEnvironment(scope, id, CALL);
      return { name: e.name, detail: `${e.type ?? 'Unknown'} environment` };
    }
  }
}

/** The first page of entities of one kind at one scope, as completion items without prefix. */
async function listItems(api: HarnessApi, kind: ReferenceKind, scope: Scope): Promise<ReferenceItem[]> {
  const items = <T>(page: Page<T>, f: (x: T) => ReferenceItem) => page.items.map(f);
  switch (kind) {
    case 'connector':
      return items(await api.listConnectors(scope, FIRST_PAGE, undefined, CALL), (c) => ({
        ref: c.connector.identifier,
        name: c.connector.name,
        detail: c.connector.type,
      }));
    case 'template': {
      // The list holds every version: offer each template once, described by its stable version.
      const all = (await api.listTemplates(scope, FIRST_PAGE, CALL)).items;
      const byId = new Map<string, ReferenceItem>();
      for (const t of all) {
        if (byId.has(t.identifier) && !t.stableTemplate) continue;
        byId.set(t.identifier, {
          ref: t.identifier,
          name: t.name,
          detail: `${t.templateEntityType} template${t.stableTemplate ? ` ${t.versionLabel}` : ''}`,
        });
      }
      return [...byId.values()];
    }
    case 'service':
      return items(await api.listServices(scope, FIRST_PAGE, CALL), (s) => ({
        ref: s.identifier,
        name: s.name,
        detail: 'Service',
      }));
    case 'environment':
      return items(await api.listEnvironments(scope, FIRST_PAGE, CALL), (e) => ({
        ref: e.identifier,
        name: e.name,
        detail: `${e.type ?? 'Unknown'} environment`,
      }));
  }
}

export class ReferenceResolver {
  private readonly cache = new Map<string, { at: number; value: ReferenceStatus }>();
  private readonly lists = new Map<string, { at: number; value: ListReferencesResult }>();

  constructor(
    private readonly account: AccountProvider,
    private readonly now: () => number = Date.now,
  ) {}

  clear(): void {
    this.cache.clear();
    this.lists.clear();
  }

  async resolve(params: ResolveReferencesParams): Promise<ResolveReferencesResult> {
    const refs = Array.isArray(params?.references) ? params.references.slice(0, 200) : [];
    const acct = this.account();
    const results = await Promise.all(refs.map((q) => this.resolveOne(q, acct?.api)));
    return { results, origin: acct ? `account ${acct.label ?? ''}`.trim() : 'not signed in' };
  }

  private async resolveOne(q: ReferenceQuery, api: HarnessApi | undefined): Promise<ReferenceStatus> {
    const unknown: ReferenceStatus = { kind: q.kind, ref: q.ref, status: 'unknown' };
    const scope = apiScope(q.scope);
    if (!api || !scope || !KINDS.includes(q.kind)) return unknown;
    const key = JSON.stringify([q.kind, q.identifier, scope]);
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return { ...hit.value, ref: q.ref };
    let value: ReferenceStatus;
    try {
      const found = await lookup(api, q.kind, scope, q.identifier);
      value = { kind: q.kind, ref: q.ref, status: 'exists', ...found };
    } catch (err) {
      if (!isNotFound(err)) return unknown; // network trouble is not a missing entity
      value = { kind: q.kind, ref: q.ref, status: 'missing' };
    }
    this.cache.set(key, { at: this.now(), value });
    return value;
  }

  async list(params: ListReferencesParams): Promise<ListReferencesResult> {
    const api = this.account()?.api;
    if (!api || !KINDS.includes(params?.kind)) return { items: [] };
    const prefix = typeof params.prefix === 'string' ? params.prefix : '';
    const level = prefix.startsWith('account.') ? 'account' : prefix.startsWith('org.') ? 'org' : 'project';
    const scopePrefix = level === 'project' ? '' : `${level}.`;
    const scope = apiScope({ ...params.scope, level });
    if (!scope) return { items: [] };
    const key = JSON.stringify([params.kind, scope, level]);
    const hit = this.lists.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return hit.value;
    try {
      const items = await listItems(api, params.kind, scope);
      const value: ListReferencesResult = {
        items: items.map((i) => ({ ...i, ref: `${scopePrefix}${i.ref}` })),
      };
      this.lists.set(key, { at: this.now(), value });
      return value;
    } catch {
      // Network trouble or no access: completion offers no live items (not cached, so the next
      // request tries again); validation never relies on this list.
      return { items: [] };
    }
  }
}
