// References to account entities (connectors, templates, services, environments) found in a
// document, with the scope their prefix selects; the client prefetches them, the engine warns
// about those the provider says are missing.
import type { Range } from 'vscode-languageserver-types';
import type { ParsedYaml } from '../yaml/parse';

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

export function listReferences(parsed: ParsedYaml): DocumentReference[] {
  void parsed;
  return [];
}
