// The language engine façade: parse cache, schema selection and validation. The LSP server,
// the CLI and the tests all go through this.
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseYaml, type ParsedYaml } from './yaml/parse';
import type { CompiledSchema, SchemaSource } from './schema/types';
import type { DocumentReference, KnownRefs } from './validation/refs';

export type { Diagnostic } from 'vscode-languageserver-types';
export type { ParsedYaml } from './yaml/parse';
export type { CompiledSchema, SchemaSource, SchemaView, PropertyView } from './schema/types';
export type { DocumentReference, KnownRefs, RefKind, RefScope } from './validation/refs';

export interface ValidateOptions {
  /** Live reference lookups; omitted = no 'unknown-reference' warnings. */
  knownRefs?: KnownRefs;
}

export interface EngineOptions {
  knownRefs?: KnownRefs;
  /** How many parsed documents to keep (LRU), default 32. */
  cacheSize?: number;
}

export interface Engine {
  /** Compiles a schema; on failure keeps the previous one (bundled by default) and says why. */
  setSchema(json: unknown, source: SchemaSource): { ok: boolean; error?: string };
  /** Parsed once per uri+version (bounded LRU). */
  parse(uri: string, version: number, text: string): ParsedYaml;
  /** Diagnostics with `source: 'harness'`, a stable `code` and `data` for quick fixes. */
  validate(uri: string, version: number, text: string, opts?: ValidateOptions): Diagnostic[];
  schema(): CompiledSchema;
  /** Account references in the document, for prefetching. */
  references(uri: string, version: number, text: string): DocumentReference[];
  /** Drops cached state for a closed document. */
  forget(uri: string): void;
}

export function createEngine(opts: EngineOptions = {}): Engine {
  void opts;
  const cache = new Map<string, { version: number; text: string; parsed: ParsedYaml }>();
  const parse = (uri: string, version: number, text: string): ParsedYaml => {
    const hit = cache.get(uri);
    if (hit && hit.version === version && hit.text === text) return hit.parsed;
    const parsed = parseYaml(text);
    cache.set(uri, { version, text, parsed });
    return parsed;
  };
  const notReady = (): never => {
    throw new Error('engine not implemented yet');
  };
  return {
    setSchema: () => ({ ok: false, error: 'not implemented yet' }),
    parse,
    validate: (uri, version, text) => parse(uri, version, text).syntaxDiagnostics,
    schema: notReady,
    references: () => [],
    forget: (uri) => void cache.delete(uri),
  };
}
