// Language server entry point (dist/server.js). Runs under VS Code's language client or
// standalone: `node dist/server.js --stdio`. Thin wiring: the engine parses and validates,
// server/features/* answer editing requests from the cached parse. No network calls here:
// schemas and live account data come from the client through custom messages.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  DEFAULT_SERVER_SETTINGS,
  LIST_REFERENCES_REQUEST,
  RESOLVE_REFERENCES_REQUEST,
  SCHEMA_STATUS_NOTIFICATION,
  SET_SCHEMA_REQUEST,
  VALIDATE_DOCUMENT_REQUEST,
  type HarnessServerSettings,
  type ListReferencesParams,
  type ListReferencesResult,
  type ReferenceQuery,
  type ResolveReferencesResult,
  type SchemaStatusParams,
  type SetSchemaParams,
  type SetSchemaResult,
  type ValidateDocumentParams,
  type ValidateDocumentResult,
} from '../shared/protocol';
import { redactSecrets } from '../shared/redact';
import { createEngine, type ParsedYaml } from './engine';
import { bundledPipelineSchema } from './schema/bundled/index';
import type { CompiledSchema } from './schema/types';
import { codeActions } from './features/codeActions';
import { complete } from './features/completion';
import { definition } from './features/definition';
import { compileGlobs, uriPath } from './glob';
import { hover } from './features/hover';
import { LiveRefCache } from './features/liveRefs';
import { documentSymbols } from './features/symbols';

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const engine = createEngine();
const liveRefs = new LiveRefCache();

let settings: HarnessServerSettings = { ...DEFAULT_SERVER_SETTINGS };
let matchesGlobs = compileGlobs(settings.pipelineFiles);
let schemaStatus: SchemaStatusParams = { source: 'bundled' };
/** The client answers harness/listReferences and harness/resolveReferences (VS Code does; a bare LSP client may not). */
let clientServesReferences = false;

function logError(where: string, err: unknown): void {
  const text = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
  connection.console.error(redactSecrets(`${where}: ${text}`));
}

/** Every handler goes through this: a failing feature answers `fallback`, never kills the server. */
async function guard<T>(where: string, fallback: T, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    logError(where, err);
    return fallback;
  }
}

function schemaOrUndefined(): CompiledSchema | undefined {
  try {
    return engine.schema();
  } catch {
    return undefined;
  }
}

function applySettings(raw: unknown): void {
  const h = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const validation =
    h.validation && typeof h.validation === 'object' ? (h.validation as Record<string, unknown>) : {};
  const pick = <T>(v: unknown, ok: (x: unknown) => boolean, d: T): T => (ok(v) ? (v as T) : d);
  const isStrArray = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  settings = {
    pipelineFiles: pick(h.pipelineFiles, isStrArray, DEFAULT_SERVER_SETTINGS.pipelineFiles),
    liveReferences: pick(
      h.liveReferences ?? validation.liveReferences,
      (x) => typeof x === 'boolean',
      DEFAULT_SERVER_SETTINGS.liveReferences,
    ),
    debounceMs: Math.min(
      5000,
      Math.max(
        0,
        pick(
          h.debounceMs ?? validation.debounceMs,
          (x) => typeof x === 'number',
          DEFAULT_SERVER_SETTINGS.debounceMs,
        ),
      ),
    ),
    validate: pick(
      h.validate ?? validation.enable,
      (x) => typeof x === 'boolean',
      DEFAULT_SERVER_SETTINGS.validate,
    ),
  };
  matchesGlobs = compileGlobs(settings.pipelineFiles);
}

function parsedOf(doc: TextDocument): ParsedYaml {
  return engine.parse(doc.uri, doc.version, doc.getText());
}

function isHarnessDocument(doc: TextDocument, parsed: ParsedYaml): boolean {
  return !!parsed.rootKey || matchesGlobs(uriPath(doc.uri));
}

// ----- validation: debounced per document, latest version wins ---------------------------

const pending = new Map<string, ReturnType<typeof setTimeout>>();
/** URIs we published non-empty diagnostics for (to clear when a document stops being Harness YAML). */
const published = new Set<string>();

/** Harness documents always get a publish (an empty one says "checked, all good"); others only a clear. */
function publish(uri: string, diagnostics: Diagnostic[], version?: number, harness = true): void {
  if (!harness && !published.has(uri)) return;
  void connection.sendDiagnostics({ uri, version, diagnostics });
  if (harness) published.add(uri);
  else published.delete(uri);
}

async function prefetchReferences(doc: TextDocument): Promise<void> {
  if (!settings.liveReferences || !clientServesReferences) return;
  const refs = engine.references(doc.uri, doc.version, doc.getText());
  const queries = liveRefs.missing(refs).slice(0, 200);
  if (queries.length === 0) return;
  const res = await connection.sendRequest<ResolveReferencesResult>(RESOLVE_REFERENCES_REQUEST, {
    references: queries,
  });
  const results = Array.isArray(res?.results) ? res.results : [];
  for (const q of queries) {
    const r = results.find((x) => x && x.kind === q.kind && x.ref === q.ref);
    // 'unknown' answers are not cached: the next validation asks again (e.g. after sign-in).
    if (r && (r.status === 'exists' || r.status === 'missing')) liveRefs.set(q, r);
  }
}

async function validateNow(uri: string, version: number): Promise<void> {
  const doc = documents.get(uri);
  if (!doc || doc.version !== version) return; // superseded
  const parsed = parsedOf(doc);
  if (!settings.validate || !isHarnessDocument(doc, parsed)) {
    publish(uri, [], version, false);
    return;
  }
  try {
    await prefetchReferences(doc);
  } catch (err) {
    logError('resolveReferences', err);
  }
  const current = documents.get(uri);
  if (!current || current.version !== version) return;
  const diagnostics = engine.validate(
    uri,
    version,
    doc.getText(),
    settings.liveReferences ? { knownRefs: liveRefs.known } : {},
  );
  publish(uri, diagnostics, version);
}

function scheduleValidation(doc: TextDocument, delay = settings.debounceMs): void {
  const prev = pending.get(doc.uri);
  if (prev) clearTimeout(prev);
  const { uri, version } = doc;
  pending.set(
    uri,
    setTimeout(() => {
      pending.delete(uri);
      void guard('validate', undefined, () => validateNow(uri, version));
    }, delay),
  );
}

function revalidateAll(): void {
  for (const doc of documents.all()) scheduleValidation(doc, 0);
}

// ----- lifecycle ----------------------------------------------------------------------------

connection.onInitialize((params) => {
  const init = params.initializationOptions as Record<string, unknown> | undefined;
  applySettings(init?.settings ?? init);
  clientServesReferences = init?.liveReferences === true || init?.servesReferences === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '.', '+', '-'], resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: true,
      definitionProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'harness-language-server' },
  };
});

connection.onDidChangeConfiguration((change) => {
  void guard('didChangeConfiguration', undefined, () => {
    const s = change.settings as Record<string, unknown> | undefined;
    if (s && typeof s === 'object' && 'harness' in s) {
      applySettings(s.harness);
      revalidateAll();
    }
  });
});

connection.onRequest(SET_SCHEMA_REQUEST, (params: SetSchemaParams) =>
  guard<SetSchemaResult>(
    SET_SCHEMA_REQUEST,
    { ok: false, active: schemaStatus.source, error: 'internal error' },
    () => {
      const source = params?.source === 'account' || params?.source === 'file' ? params.source : 'bundled';
      if (source === 'bundled') {
        const res = engine.setSchema(bundledPipelineSchema, 'bundled');
        schemaStatus = { source: 'bundled' };
        void connection.sendNotification(SCHEMA_STATUS_NOTIFICATION, schemaStatus);
        revalidateAll();
        return { ok: res.ok, active: 'bundled', error: res.error };
      }
      let res: { ok: boolean; error?: string };
      try {
        res = engine.setSchema(params.schema, source);
      } catch (err) {
        res = { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
      if (res.ok) {
        schemaStatus = { source, fetchedAt: params.fetchedAt, label: params.label };
      } else {
        // Say so, and keep working with the bundled schema.
        engine.setSchema(bundledPipelineSchema, 'bundled');
        schemaStatus = {
          source: 'bundled',
          fallbackReason: `The ${source} schema could not be loaded: ${res.error ?? 'unknown error'}`,
        };
        connection.console.warn(schemaStatus.fallbackReason as string);
      }
      void connection.sendNotification(SCHEMA_STATUS_NOTIFICATION, schemaStatus);
      liveRefs.clear();
      revalidateAll();
      return { ok: res.ok, active: schemaStatus.source, error: res.error };
    },
  ),
);

connection.onRequest(VALIDATE_DOCUMENT_REQUEST, (params: ValidateDocumentParams) =>
  guard<ValidateDocumentResult>(VALIDATE_DOCUMENT_REQUEST, { harness: false, diagnostics: [] }, () => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const text = typeof params?.text === 'string' ? params.text : '';
    // Reuse the open document's parse when the text is the same; otherwise a one-off version.
    const open = documents.get(uri);
    const version = open && open.getText() === text ? open.version : -1;
    const parsed = engine.parse(uri, version, text);
    if (!parsed.rootKey && !matchesGlobs(uriPath(uri))) return { harness: false, diagnostics: [] };
    const diagnostics = engine.validate(
      uri,
      version,
      text,
      settings.liveReferences ? { knownRefs: liveRefs.known } : {},
    );
    return { harness: true, diagnostics };
  }),
);

connection.onNotification('harness/clearReferenceCache', () => {
  liveRefs.clear();
  revalidateAll();
});

documents.onDidOpen((e) => void guard('didOpen', undefined, () => scheduleValidation(e.document, 0)));
documents.onDidChangeContent((e) => void guard('didChange', undefined, () => scheduleValidation(e.document)));
documents.onDidClose(
  (e) =>
    void guard('didClose', undefined, () => {
      const t = pending.get(e.document.uri);
      if (t) clearTimeout(t);
      pending.delete(e.document.uri);
      engine.forget(e.document.uri);
      published.delete(e.document.uri);
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }),
);

// ----- editing features ---------------------------------------------------------------------

function withDoc<T>(
  uri: string,
  fallback: T,
  fn: (doc: TextDocument, parsed: ParsedYaml) => T | Promise<T>,
): Promise<T> {
  return guard(`request for ${uri}`, fallback, () => {
    const doc = documents.get(uri);
    if (!doc) return fallback;
    const parsed = parsedOf(doc);
    if (!isHarnessDocument(doc, parsed)) return fallback;
    return fn(doc, parsed);
  });
}

async function askClient<T>(
  method: string,
  params: unknown,
  token?: CancellationToken,
): Promise<T | undefined> {
  if (!clientServesReferences || !settings.liveReferences) return undefined;
  return connection.sendRequest<T>(method, params, token);
}

connection.onCompletion((p, token) =>
  withDoc(p.textDocument.uri, null, (doc, parsed) =>
    complete({
      parsed,
      schema: schemaOrUndefined(),
      offset: doc.offsetAt(p.position),
      listReferences: clientServesReferences
        ? async (q: ListReferencesParams) =>
            (await askClient<ListReferencesResult>(LIST_REFERENCES_REQUEST, q, token))?.items ?? []
        : undefined,
    }),
  ),
);

connection.onHover((p) =>
  withDoc(p.textDocument.uri, null, (doc, parsed) =>
    hover({
      parsed,
      schema: schemaOrUndefined(),
      offset: doc.offsetAt(p.position),
      resolveReference: clientServesReferences
        ? async (q: ReferenceQuery) => {
            const cached = liveRefs.get(q.kind, q.ref, q.scope);
            if (cached?.detail !== undefined) return cached;
            const res = await askClient<ResolveReferencesResult>(RESOLVE_REFERENCES_REQUEST, {
              references: [q],
            });
            const r = res?.results?.[0];
            if (r && r.status !== 'unknown') liveRefs.set(q, r);
            return r;
          }
        : undefined,
    }),
  ).then((h) => h ?? null),
);

connection.onDocumentSymbol((p) =>
  withDoc(p.textDocument.uri, [], (_doc, parsed) => documentSymbols(parsed)),
);

connection.onDefinition((p) =>
  withDoc(
    p.textDocument.uri,
    null,
    (doc, parsed) => definition(parsed, doc.uri, doc.offsetAt(p.position)) ?? null,
  ),
);

connection.onCodeAction((p) =>
  withDoc(p.textDocument.uri, [], (doc, parsed) => codeActions(parsed, doc.uri, p.context.diagnostics)),
);

connection.onShutdown(() => {
  for (const t of pending.values()) clearTimeout(t);
  pending.clear();
});

process.on('uncaughtException', (err) => logError('uncaught exception', err));
process.on('unhandledRejection', (err) => logError('unhandled rejection', err));

documents.listen(connection);
connection.listen();
