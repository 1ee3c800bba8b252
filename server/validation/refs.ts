// References to account entities (connectors, templates, services, environments) found in a
// document, with the scope their prefix selects; the client prefetches them, the engine warns
// about those the provider says are missing.
import type { Range } from 'vscode-languageserver-types';
import type { Node, YAMLMap } from 'yaml';
import { mapEntries, mapGet, scalarString, isAlias, isMap, isScalar, isSeq } from '../yaml/ast';
import { failure, NO_LOG, type ServiceLog } from '../log';
import type { ParsedYaml } from '../yaml/types';
import { WARNING, type Problem } from './problems';

export type RefKind = 'connector' | 'template' | 'service' | 'environment';

/** `account.x` → account; `org.x` → the document's org; bare `x` → the document's project. */
export interface RefScope {
  level: 'account' | 'org' | 'project';
  orgIdentifier?: string;
  projectIdentifier?: string;
}

export interface DocumentReference {
  kind: RefKind;
  /** The value as written, e.g. `account.myDocker`. */
  ref: string;
  /** The identifier without its scope prefix. */
  identifier: string;
  scope: RefScope;
  range: Range;
}

/** Answers from the extension host's cache: 'unknown' while not fetched or not signed in. */
export type KnownRefs = (kind: RefKind, ref: string, scope: RefScope) => 'exists' | 'missing' | 'unknown';

const REF_KEYS: Record<string, RefKind> = {
  connectorRef: 'connector',
  templateRef: 'template',
  serviceRef: 'service',
  environmentRef: 'environment',
};

/** Every literal (non-expression) account reference in the first document, in document order. */
export function listReferences(parsed: ParsedYaml): (DocumentReference & { start: number; end: number })[] {
  const out: (DocumentReference & { start: number; end: number })[] = [];
  const root = parsed.doc?.contents as Node | null | undefined;
  if (!root || !isMap(root)) return out;
  const entity = (parsed.rootKey ? mapGet(root, parsed.rootKey) : undefined) ?? null;
  const org = entity && isMap(entity) ? scalarString(mapGet(entity, 'orgIdentifier')) : undefined;
  const project = entity && isMap(entity) ? scalarString(mapGet(entity, 'projectIdentifier')) : undefined;
  const walk = (node: Node | null | undefined, depth: number) => {
    if (!node || depth > 300 || isAlias(node)) return;
    if (isSeq(node)) {
      for (const item of node.items) walk(item as Node, depth + 1);
      return;
    }
    if (!isMap(node)) return;
    for (const e of mapEntries(node as YAMLMap)) {
      const kind = REF_KEYS[e.key];
      const v = e.value;
      if (
        kind &&
        v &&
        isScalar(v) &&
        typeof v.value === 'string' &&
        v.value.trim() !== '' &&
        !v.value.includes('<+')
      ) {
        const ref = v.value.trim();
        const [start, end] = v.range ?? [0, 0];
        let scope: RefScope;
        let identifier = ref;
        if (ref.startsWith('account.')) {
          scope = { level: 'account' };
          identifier = ref.slice('account.'.length);
        } else if (ref.startsWith('org.')) {
          scope = { level: 'org', orgIdentifier: org };
          identifier = ref.slice('org.'.length);
        } else scope = { level: 'project', orgIdentifier: org, projectIdentifier: project };
        out.push({ kind, ref, identifier, scope, range: parsed.lines.range(start, end), start, end });
      } else walk(v, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

export function referenceProblems(parsed: ParsedYaml, known: KnownRefs, log: ServiceLog = NO_LOG): Problem[] {
  const out: Problem[] = [];
  for (const r of listReferences(parsed)) {
    let answer: ReturnType<KnownRefs>;
    try {
      answer = known(r.kind, r.ref, r.scope);
    } catch (err) {
      // A provider that cannot answer knows nothing: no warning rather than a wrong one.
      log.debug(failure(`reference lookup ${r.kind} ${r.ref}`, err));
      answer = 'unknown';
    }
    if (answer !== 'missing') continue;
    const where =
      r.scope.level === 'account'
        ? 'the account'
        : r.scope.level === 'org'
          ? `organization "${r.scope.orgIdentifier ?? '?'}"`
          : `project "${r.scope.projectIdentifier ?? '?'}"`;
    out.push({
      code: 'unknown-reference',
      message: `No ${r.kind} "${r.identifier}" exists in ${where}`,
      start: r.start,
      end: r.end,
      severity: WARNING,
      data: { kind: r.kind, ref: r.ref },
    });
  }
  return out;
}
