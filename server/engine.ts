// The language engine façade: parse cache, schema selection and validation. The LSP server,
// the CLI and the tests all go through this.
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseYaml, type ParsedYaml } from './yaml/parse';
import type { CompiledSchema, SchemaSource } from './schema/types';
import { compileSchema, type CompiledSchemaImpl } from './schema/index';
import { bundledPipelineSchema } from './schema/bundled/index';
import { SchemaValidator } from './validation/schemaValidate';
import { semanticChecks } from './validation/semantic';
import { dedupe, toDiagnostic, type Problem } from './validation/problems';
import { listReferences, referenceProblems, type DocumentReference, type KnownRefs } from './validation/refs';
import { NO_LOG, type ServiceLog } from './log';
import { inputSetTargetProblems, type TargetPipeline } from './validation/inputSetTarget';
import { triggerInputYamlProblems } from './validation/triggerInputYaml';
import {
  overlayPipeline,
  overlayReferenceProblems,
  type KnownInputSets,
} from './validation/overlayReferences';
import { isMap, mapGet } from './yaml/ast';
import type { YAMLMap } from 'yaml';

export type { Diagnostic } from 'vscode-languageserver-types';
export type { ParsedYaml } from './yaml/parse';
export type { CompiledSchema, SchemaSource, SchemaView, PropertyView } from './schema/types';
export type { DocumentReference, KnownRefs, RefKind, RefScope } from './validation/refs';
export type { TargetPipeline } from './validation/inputSetTarget';
export type { KnownInputSets } from './validation/overlayReferences';

export interface ValidateOptions {
  /** Live reference lookups; omitted = the engine's default provider (if any). */
  knownRefs?: KnownRefs;
  /** Files the document refers to, found by the caller (the pipeline an input set targets …). */
  related?: RelatedEntities;
}

/** Entities a document is checked against, when the caller found them. */
export interface RelatedEntities {
  /** For an input set or a trigger: the pipeline it targets. */
  targetPipeline?: TargetPipeline;
  /** For an overlay input set: the input sets its pipeline has. */
  inputSets?: KnownInputSets;
}

export interface EngineOptions {
  knownRefs?: KnownRefs;
  /** How many parsed documents to keep (LRU), default 32. */
  cacheSize?: number;
  /** Where failures validation survives are reported (debug level). */
  log?: ServiceLog;
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

/**
 * The bundled schema, compiled. Compiling is cheap (schema nodes are read lazily, on first use);
 * what is worth keeping is the compiled instance, which an engine keeps for its lifetime.
 */
export function compileBundledSchema(): CompiledSchemaImpl {
  return compileSchema(bundledPipelineSchema, 'bundled');
}

/** Validates a parsed document against a schema: YAML problems, schema problems, semantic checks. */
export function validateParsed(
  parsed: ParsedYaml,
  schema: CompiledSchemaImpl,
  knownRefs?: KnownRefs,
  log: ServiceLog = NO_LOG,
  related?: RelatedEntities,
): Diagnostic[] {
  const diags: Diagnostic[] = [...parsed.syntaxDiagnostics];
  const doc = parsed.doc;
  // v1 YAML follows another schema (simplified syntax) that the bundled one does not describe.
  if (!doc || !doc.contents || parsed.v1) return diags;
  let problems: Problem[] = [];
  try {
    problems = new SchemaValidator(schema.store, doc).run();
  } catch (e) {
    problems.push({
      code: 'internal',
      message: `Schema validation stopped: ${(e as Error).message}`,
      start: 0,
      end: 0,
      severity: 2,
    });
  }
  try {
    problems.push(...semanticChecks(parsed, doc));
    // A trigger's inputYaml: its YAML, its shape as an input set, and (when the caller found the
    // pipeline) its values against the pipeline's runtime inputs.
    problems.push(
      ...triggerInputYamlProblems(parsed, doc, { store: schema.store, target: related?.targetPipeline }),
    );
  } catch (e) {
    problems.push({
      code: 'internal',
      message: `Checks stopped: ${(e as Error).message}`,
      start: 0,
      end: 0,
      severity: 2,
    });
  }
  if (knownRefs) problems.push(...referenceProblems(parsed, knownRefs, log));
  if (related) problems.push(...relatedProblems(parsed, related, log));
  problems = dedupe(problems).sort((a, b) => a.start - b.start || a.end - b.end);
  for (const p of problems) diags.push(toDiagnostic(p, parsed.lines));
  return diags;
}

/** Problems only the related entities show (input set values, overlay references). */
function relatedProblems(parsed: ParsedYaml, related: RelatedEntities, log: ServiceLog): Problem[] {
  const root = parsed.doc?.contents;
  if (!root || !isMap(root)) return [];
  try {
    const entity = parsed.rootKey ? mapGet(root as YAMLMap, parsed.rootKey) : undefined;
    if (parsed.rootKey === 'inputSet' && related.targetPipeline && entity && isMap(entity)) {
      const pipeline = mapGet(entity, 'pipeline');
      if (pipeline && isMap(pipeline)) return inputSetTargetProblems(pipeline, related.targetPipeline);
    }
    if (parsed.rootKey === 'overlayInputSet' && related.inputSets && entity && isMap(entity)) {
      const pipelineId = overlayPipeline(entity);
      if (pipelineId) return overlayReferenceProblems(entity, pipelineId, related.inputSets);
    }
  } catch (e) {
    log.debug(`related-entity checks stopped: ${(e as Error).message}`);
  }
  return [];
}

interface CacheEntry {
  version: number;
  text: string;
  parsed: ParsedYaml;
  diags?: Diagnostic[];
  diagsSchema?: CompiledSchema;
}

export function createEngine(opts: EngineOptions = {}): Engine {
  const cacheSize = Math.max(1, opts.cacheSize ?? 32);
  // Map iteration order is insertion order: re-inserting on use makes it an LRU.
  const cache = new Map<string, CacheEntry>();
  const bundled = compileBundledSchema();
  let current: CompiledSchemaImpl = bundled;

  const entry = (uri: string, version: number, text: string): CacheEntry => {
    const hit = cache.get(uri);
    if (hit && hit.version === version && hit.text === text) {
      cache.delete(uri);
      cache.set(uri, hit);
      return hit;
    }
    // The document's previous parse is superseded: its unchanged parts are reused.
    const fresh: CacheEntry = { version, text, parsed: parseYaml(text, hit?.parsed) };
    cache.delete(uri);
    cache.set(uri, fresh);
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    return fresh;
  };

  return {
    setSchema(json, source) {
      try {
        current =
          source === 'bundled' && json === bundledPipelineSchema ? bundled : compileSchema(json, source);
        for (const e of cache.values()) e.diags = undefined;
        return { ok: true };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    },
    parse: (uri, version, text) => entry(uri, version, text).parsed,
    validate(uri, version, text, vopts) {
      const e = entry(uri, version, text);
      const known = vopts?.knownRefs ?? opts.knownRefs;
      const related = vopts?.related;
      // Diagnostics are cached only without live answers (they change over time).
      const cacheable = !known && !related;
      if (cacheable && e.diags && e.diagsSchema === current) return e.diags;
      const diags = validateParsed(e.parsed, current, known, opts.log, related);
      if (cacheable) {
        e.diags = diags;
        e.diagsSchema = current;
      }
      return diags;
    },
    schema: () => current,
    references: (uri, version, text) =>
      listReferences(entry(uri, version, text).parsed).map(({ kind, ref, identifier, scope, range }) => ({
        kind,
        ref,
        identifier,
        scope,
        range,
      })),
    forget: (uri) => void cache.delete(uri),
  };
}
