// Server-side cache of live reference answers from the client. The engine asks synchronously
// (KnownRefs); the server fills the cache before validating by asking the client once for
// the references it has not seen yet. Entries expire so renamed/created entities show up.
import type { ReferenceQuery, ReferenceStatus } from '../../shared/protocol';
import type { DocumentReference, KnownRefs, RefKind, RefScope } from '../validation/refs';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 5000;

export function refKey(kind: RefKind, ref: string, scope: RefScope): string {
  return [kind, ref, scope.level, scope.orgIdentifier ?? '', scope.projectIdentifier ?? ''].join('\u0000');
}

export class LiveRefCache {
  private readonly entries = new Map<string, { status: ReferenceStatus; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(kind: RefKind, ref: string, scope: RefScope): ReferenceStatus | undefined {
    const hit = this.entries.get(refKey(kind, ref, scope));
    if (!hit || this.now() - hit.at > TTL_MS) return undefined;
    return hit.status;
  }

  set(query: ReferenceQuery, status: ReferenceStatus): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(refKey(query.kind, query.ref, query.scope), { status, at: this.now() });
  }

  clear(): void {
    this.entries.clear();
  }

  /** Queries for references not in the cache (deduplicated). */
  missing(refs: DocumentReference[]): ReferenceQuery[] {
    const seen = new Set<string>();
    const out: ReferenceQuery[] = [];
    for (const r of refs) {
      if (r.ref.includes('<+')) continue;
      const k = refKey(r.kind, r.ref, r.scope);
      if (seen.has(k) || this.get(r.kind, r.ref, r.scope)) continue;
      seen.add(k);
      out.push({ kind: r.kind, ref: r.ref, identifier: r.identifier, scope: r.scope });
    }
    return out;
  }

  known: KnownRefs = (kind, ref, scope) => this.get(kind, ref, scope)?.status ?? 'unknown';
}
