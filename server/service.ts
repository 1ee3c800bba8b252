// The Harness language service: validation, completion, hover, document symbols, go to
// definition and quick fixes for Harness pipeline YAML, as a library. What it caches (parses per
// document version, the compiled schema, live reference answers) belongs to the instance, and
// it talks to nothing itself: settings and live account references come from injected
// providers. server/connection.ts wires one to an LSP connection; anything else (a test, a web
// worker, another editor) can call it directly. No Node-only module is imported here.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeActionContext,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
  Position,
} from 'vscode-languageserver-types';
import type { CancellationToken } from 'vscode-languageserver';
import {
  DEFAULT_SERVER_SETTINGS,
  type HarnessServerSettings,
  type ListReferencesParams,
  type ReferenceItem,
  type ReferenceQuery,
  type ReferenceStatus,
  type SchemaStatusParams,
  type SetSchemaParams,
  type SetSchemaResult,
} from '../shared/protocol';
import { createEngine, type Engine, type ParsedYaml } from './engine';
import { codeActions } from './features/codeActions';
import { complete } from './features/completion';
import { definition } from './features/definition';
import { hover } from './features/hover';
import { LiveRefCache } from './features/liveRefs';
import { RelatedEntityCache, type EntityProvider } from './features/relatedEntities';
import { outlineOf, walkEntities } from './features/outline';
import { typeSkeleton, unionTypes } from './features/skeletons';
import { documentSymbols } from './features/symbols';
import { compileGlobs, uriPath } from './glob';
import { failure, NO_LOG, type ServiceLog } from './log';
import { bundledPipelineSchema } from './schema/bundled/index';
import type { CompiledSchema } from './schema/types';

export type { CancellationToken } from 'vscode-languageserver';
export type { ServiceLog } from './log';
export type { EntityProvider } from './features/relatedEntities';

/**
 * Live account data: whether references exist, and identifiers to complete. The LSP wiring asks
 * the client (the extension host answers from the Harness API); a test answers from a table.
 * Either method may resolve to undefined when it cannot tell.
 */
export interface ReferenceProvider {
  resolve(references: ReferenceQuery[], token?: CancellationToken): Promise<ReferenceStatus[] | undefined>;
  list(params: ListReferencesParams, token?: CancellationToken): Promise<ReferenceItem[] | undefined>;
}

export interface LanguageServiceOptions {
  /**
   * The settings that apply to a document now (read on every call; `harness.*` settings are
   * resource-scoped, so a folder may have its own); default DEFAULT_SERVER_SETTINGS.
   */
  settings?: (uri: string) => HarnessServerSettings;
  /** Live account references; without one, none are checked or offered. */
  references?: ReferenceProvider;
  /**
   * The pipeline an input set targets and the input sets an overlay combines (from the workspace
   * or the account); without one, input sets are checked on their own.
   */
  entities?: EntityProvider;
  /** Where recovered failures go (debug) and failed reference lookups (error); default none. */
  log?: ServiceLog;
  /** Parsed documents kept (LRU), default 32. */
  cacheSize?: number;
  /** The clock live reference answers expire by (5 minutes); default Date.now. */
  now?: () => number;
}

export interface ValidateOptions {
  /**
   * Ask the reference provider first about references it has not answered yet (default true).
   * False validates at once with what is known, as the push check does.
   */
  askReferences?: boolean;
  /** Cancels the reference question; the diagnostics are then not worth publishing. */
  token?: CancellationToken;
}

export interface HarnessLanguageService {
  /** Harness YAML: a Harness entity root (HARNESS_ROOT_KEYS), v1 YAML, or a path matching `pipelineFiles`. */
  isHarnessDocument(document: TextDocument): boolean;
  /** YAML, schema and semantic problems (and, with live references, missing entities); [] for other YAML. */
  validate(document: TextDocument, options?: ValidateOptions): Promise<Diagnostic[]>;
  /** Null for documents that are not Harness YAML. */
  complete(
    document: TextDocument,
    position: Position,
    token?: CancellationToken,
  ): Promise<CompletionList | null>;
  hover(document: TextDocument, position: Position): Promise<Hover | null>;
  documentSymbols(document: TextDocument): DocumentSymbol[];
  definition(document: TextDocument, position: Position): Location | null;
  /** Quick fixes for the Harness diagnostics in `context`. */
  codeActions(document: TextDocument, context: CodeActionContext): CodeAction[];
  /** Uses the bundled, the account's or a file's schema; one that fails to load leaves the bundled one active. */
  setSchema(params: SetSchemaParams): SetSchemaResult;
  /** The active schema, and why the requested one is not active when it failed. */
  schemaStatus(): SchemaStatusParams;
  /** Forgets live reference and related-entity answers (after sign-in, sign-out or an account switch). */
  clearReferenceCache(): void;
  /** Drops what is cached for a closed document. */
  forget(uri: string): void;
  /**
   * Prepares, a few at a time, what the first completion of a step or stage `type:` in this
   * document would otherwise compute at once (the skeleton of every type: several hundred ms).
   * Resolves when done or when `stop()` says so.
   */
  warmUp(document: TextDocument, stop?: () => boolean): Promise<void>;
}

const MAX_REFERENCE_QUESTIONS = 200;

export function createLanguageService(options: LanguageServiceOptions = {}): HarnessLanguageService {
  const settings = options.settings ?? (() => DEFAULT_SERVER_SETTINGS);
  const provider = options.references;
  const log = options.log ?? NO_LOG;
  const engine: Engine = createEngine({ cacheSize: options.cacheSize, log });
  const liveRefs = new LiveRefCache(options.now);
  const related = options.entities ? new RelatedEntityCache(options.entities, options.now) : undefined;
  /** What the document is checked against; a failed lookup only means less is checked. */
  const relatedOf = async (document: TextDocument, parsed: ParsedYaml, token?: CancellationToken) => {
    const kind = parsed.rootKey;
    if (!related || (kind !== 'inputSet' && kind !== 'overlayInputSet' && kind !== 'trigger'))
      return undefined;
    try {
      return await related.forDocument(document.uri, parsed, token);
    } catch (err) {
      log.debug(failure('relatedEntities', err));
      return undefined;
    }
  };
  let status: SchemaStatusParams = { source: 'bundled' };
  /** Compiled pipelineFiles globs, by pattern list (folders may have their own). */
  const globs = new Map<string, (path: string) => boolean>();

  const parse = (document: TextDocument): ParsedYaml =>
    engine.parse(document.uri, document.version, document.getText());

  const matchesPipelineFiles = (uri: string): boolean => {
    const patterns = settings(uri).pipelineFiles;
    const key = patterns.join('\u0000');
    let matches = globs.get(key);
    if (!matches) {
      if (globs.size > 16) globs.clear();
      matches = compileGlobs(patterns);
      globs.set(key, matches);
    }
    return matches(uriPath(uri));
  };

  const isHarness = (document: TextDocument, parsed: ParsedYaml): boolean =>
    !!parsed.rootKey || !!parsed.v1 || matchesPipelineFiles(document.uri);

  /** The document's parse when it is Harness YAML. */
  const harnessParse = (document: TextDocument): ParsedYaml | undefined => {
    const parsed = parse(document);
    return isHarness(document, parsed) ? parsed : undefined;
  };

  const liveReferencesOn = (uri: string): boolean => !!provider && settings(uri).liveReferences;

  const schema = (): CompiledSchema | undefined => {
    try {
      return engine.schema();
    } catch (err) {
      log.debug(failure('schema', err));
      return undefined;
    }
  };

  /**
   * Asks the provider about the document's references it has no answer for (at most 200). Not
   * cancelled with the validation that asked: the answers are kept for the next one.
   */
  async function askReferences(document: TextDocument): Promise<void> {
    if (!provider || !liveReferencesOn(document.uri)) return;
    const refs = engine.references(document.uri, document.version, document.getText());
    const queries = liveRefs.missing(refs).slice(0, MAX_REFERENCE_QUESTIONS);
    if (queries.length === 0) return;
    const answers = await provider.resolve(queries);
    const results = Array.isArray(answers) ? answers : [];
    for (const q of queries) {
      const r = results.find((x) => x && x.kind === q.kind && x.ref === q.ref);
      // 'unknown' answers are not kept: the next validation asks again (e.g. after sign-in).
      if (r && (r.status === 'exists' || r.status === 'missing')) liveRefs.set(q, r);
    }
  }

  /** Hover's question about one reference: a cached answer with details, else the provider's. */
  async function resolveOne(q: ReferenceQuery, uri: string): Promise<ReferenceStatus | undefined> {
    const cached = liveRefs.get(q.kind, q.ref, q.scope);
    if (cached?.detail !== undefined) return cached;
    if (!provider || !liveReferencesOn(uri)) return undefined;
    const r = (await provider.resolve([q]))?.[0];
    if (r && r.status !== 'unknown') liveRefs.set(q, r);
    return r;
  }

  return {
    isHarnessDocument: (document) => isHarness(document, parse(document)),

    async validate(document, opts = {}) {
      const parsed = harnessParse(document);
      if (!parsed) return [];
      if (opts.askReferences !== false) {
        try {
          await askReferences(document);
        } catch (err) {
          log.error(failure('resolveReferences', err));
        }
      }
      const relatedEntities =
        opts.askReferences !== false ? await relatedOf(document, parsed, opts.token) : undefined;
      if (opts.token?.isCancellationRequested) return [];
      return engine.validate(document.uri, document.version, document.getText(), {
        ...(settings(document.uri).liveReferences ? { knownRefs: liveRefs.known } : {}),
        ...(relatedEntities ? { related: relatedEntities } : {}),
      });
    },

    async complete(document, position, token) {
      const parsed = harnessParse(document);
      if (!parsed) return null;
      return complete({
        parsed,
        schema: schema(),
        offset: document.offsetAt(position),
        listReferences: provider
          ? async (q) => (liveReferencesOn(document.uri) ? ((await provider.list(q, token)) ?? []) : [])
          : undefined,
        log,
      });
    },

    async hover(document, position) {
      const parsed = harnessParse(document);
      if (!parsed) return null;
      const h = await hover({
        parsed,
        schema: schema(),
        offset: document.offsetAt(position),
        resolveReference: provider ? (q) => resolveOne(q, document.uri) : undefined,
        log,
      });
      return h ?? null;
    },

    documentSymbols(document) {
      const parsed = harnessParse(document);
      return parsed ? documentSymbols(parsed) : [];
    },

    definition(document, position) {
      const parsed = harnessParse(document);
      return parsed ? (definition(parsed, document.uri, document.offsetAt(position)) ?? null) : null;
    },

    codeActions(document, context) {
      const parsed = harnessParse(document);
      return parsed ? codeActions(parsed, document.uri, context.diagnostics) : [];
    },

    setSchema(params) {
      const source = params?.source === 'account' || params?.source === 'file' ? params.source : 'bundled';
      if (source === 'bundled') {
        const res = engine.setSchema(bundledPipelineSchema, 'bundled');
        status = { source: 'bundled' };
        return { ok: res.ok, active: 'bundled', error: res.error };
      }
      let res: { ok: boolean; error?: string };
      try {
        res = engine.setSchema(params.schema, source);
      } catch (err) {
        res = { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
      if (res.ok) status = { source, fetchedAt: params.fetchedAt, label: params.label };
      else {
        // Say so, and keep working with the bundled schema.
        engine.setSchema(bundledPipelineSchema, 'bundled');
        status = {
          source: 'bundled',
          fallbackReason: `The ${source} schema could not be loaded: ${res.error ?? 'unknown error'}`,
        };
      }
      // Another account's schema may come with another account's entities.
      liveRefs.clear();
      return { ok: res.ok, active: status.source, error: res.error };
    },

    schemaStatus: () => status,
    clearReferenceCache: () => {
      liveRefs.clear();
      related?.clear();
    },
    forget: (uri) => engine.forget(uri),

    async warmUp(document, stop = () => false) {
      const parsed = harnessParse(document);
      if (!parsed) return;
      const compiled = schema();
      if (!compiled) return;
      const stageTypes = new Set<string>(['Custom']);
      for (const e of walkEntities(outlineOf(parsed)))
        if (e.kind === 'stage' && e.type) stageTypes.add(e.type);
      const work: (() => void)[] = unionTypes(compiled, 'stage', '', log).map(
        (t) => () => void typeSkeleton(compiled, 'stage', t, '', [], log),
      );
      for (const stageType of stageTypes)
        for (const t of unionTypes(compiled, 'step', stageType, log))
          work.push(() => void typeSkeleton(compiled, 'step', t, stageType, [], log));
      // Small slices between yields, so a request or an edit waits for one slice at most.
      for (let i = 0; i < work.length; i++) {
        if (stop() || schema() !== compiled) return;
        work[i]();
        if (i % 8 === 7) await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
  };
}
