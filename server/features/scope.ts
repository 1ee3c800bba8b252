// The document's org/project (from its root entity) and the scope a reference's
// prefix selects: `account.x`, `org.x`, or a bare project-level `x`.
import type { Document, Node } from 'yaml';
import { HARNESS_ROOT_KEYS, type ReferenceScope } from '../../shared/protocol';
import { stringOf, valueOf } from './nodes';

export function documentScope(doc: Document | undefined): {
  orgIdentifier?: string;
  projectIdentifier?: string;
} {
  const root = doc?.contents as Node | null | undefined;
  const body =
    valueOf(root, 'pipeline') ?? valueOf(root, 'template') ?? valueOf(valueOf(root, 'inputSet'), 'pipeline');
  // Any other Harness entity carries its own org and project (a service, a trigger …).
  const top =
    valueOf(root, 'inputSet') ??
    body ??
    HARNESS_ROOT_KEYS.map((k) => valueOf(root, k)).find((v) => v !== undefined && v !== null);
  const org = stringOf(body, 'orgIdentifier') ?? stringOf(top, 'orgIdentifier');
  const project = stringOf(body, 'projectIdentifier') ?? stringOf(top, 'projectIdentifier');
  return {
    ...(org && !org.includes('<+') ? { orgIdentifier: org } : {}),
    ...(project && !project.includes('<+') ? { projectIdentifier: project } : {}),
  };
}

export function scopeOfRef(
  ref: string,
  doc: Document | undefined,
): { scope: ReferenceScope; identifier: string } {
  const base = documentScope(doc);
  if (ref.startsWith('account.')) return { scope: { level: 'account' }, identifier: ref.slice(8) };
  if (ref.startsWith('org.'))
    return { scope: { level: 'org', orgIdentifier: base.orgIdentifier }, identifier: ref.slice(4) };
  return { scope: { level: 'project', ...base }, identifier: ref };
}
