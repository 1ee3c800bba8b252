// Answers the server's live-reference requests from the signed-in account, with a cache so
// typing does not hit the API. Connectors are looked up through the API client; kinds the
// API client does not cover yet answer 'unknown' (never a false "missing").
import type { HarnessApi, Scope } from '../api/types';
import type {
  ListReferencesParams,
  ListReferencesResult,
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
  if (!err || typeof err !== 'object') return false;
  const e = err as { kind?: unknown; status?: unknown };
  return e.kind === 'notFound' || e.status === 404;
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
    if (!api || !scope || q.kind !== 'connector') return unknown;
    const key = JSON.stringify([q.kind, q.identifier, scope]);
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return { ...hit.value, ref: q.ref };
    let value: ReferenceStatus;
    try {
      const c = await api.getConnector(scope, q.identifier, { timeoutMs: 10_000 });
      const status = c.status?.status;
      value = {
        kind: q.kind,
        ref: q.ref,
        status: 'exists',
        name: c.connector.name,
        detail: `Connector type \`${c.connector.type}\`${status ? `, connectivity **${status}**` : ''}${c.status?.errorSummary ? `: ${c.status.errorSummary}` : ''}`,
      };
    } catch (err) {
      if (!isNotFound(err)) return unknown; // network trouble is not a missing connector
      value = { kind: q.kind, ref: q.ref, status: 'missing' };
    }
    this.cache.set(key, { at: this.now(), value });
    return value;
  }

  async list(params: ListReferencesParams): Promise<ListReferencesResult> {
    const api = this.account()?.api;
    if (!api || params?.kind !== 'connector') return { items: [] };
    const prefix = typeof params.prefix === 'string' ? params.prefix : '';
    const level = prefix.startsWith('account.') ? 'account' : prefix.startsWith('org.') ? 'org' : 'project';
    const scopePrefix = level === 'project' ? '' : `${level}.`;
    const scope = apiScope({ ...params.scope, level });
    if (!scope) return { items: [] };
    const key = JSON.stringify([scope, level]);
    const hit = this.lists.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return hit.value;
    try {
      const page = await api.listConnectors(scope, { pageIndex: 0, pageSize: 100 }, undefined, {
        timeoutMs: 10_000,
      });
      const value: ListReferencesResult = {
        items: page.items.map((c) => ({
          ref: `${scopePrefix}${c.connector.identifier}`,
          name: c.connector.name,
          detail: c.connector.type,
        })),
      };
      this.lists.set(key, { at: this.now(), value });
      return value;
    } catch {
      return { items: [] };
    }
  }
}
