// The LSP wiring of the Harness language service: document sync, validation debounced per
// document (latest version wins), the editing requests, and the Harness messages (settings,
// harness/setSchema, harness/validateDocument, the client's harness/listReferences and
// harness/resolveReferences). It takes a connection its entry made — server/server.ts (Node,
// stdio or IPC), a web worker (vscode-languageserver/browser) or a test's in-memory streams —
// and imports nothing Node-only. No network calls: schemas and live account data come from the
// client through the messages above.
import {
  CancellationTokenSource,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  DEFAULT_SERVER_SETTINGS,
  LIST_REFERENCES_REQUEST,
  RESOLVE_REFERENCES_REQUEST,
  FIND_PIPELINE_REQUEST,
  LIST_INPUT_SETS_REQUEST,
  type FindPipelineResult,
  type ListInputSetsResult,
  SCHEMA_STATUS_NOTIFICATION,
  SET_SCHEMA_REQUEST,
  VALIDATE_DOCUMENT_REQUEST,
  type HarnessServerSettings,
  type ListReferencesResult,
  type ResolveReferencesResult,
  type SetSchemaParams,
  type SetSchemaResult,
  type ValidateDocumentParams,
  type ValidateDocumentResult,
} from '../shared/protocol';
import { redactSecrets } from '../shared/redact';
import {
  createLanguageService,
  type EntityProvider,
  type HarnessLanguageService,
  type ReferenceProvider,
  type ServiceLog,
} from './service';

/** Settings from `initializationOptions` or `workspace/didChangeConfiguration` (`harness.*`); bad values fall back to defaults. */
export function readSettings(raw: unknown): HarnessServerSettings {
  const h = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const validation =
    h.validation && typeof h.validation === 'object' ? (h.validation as Record<string, unknown>) : {};
  const pick = <T>(v: unknown, ok: (x: unknown) => boolean, d: T): T => (ok(v) ? (v as T) : d);
  const isStrArray = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  const isBool = (x: unknown) => typeof x === 'boolean';
  return {
    pipelineFiles: pick(h.pipelineFiles, isStrArray, DEFAULT_SERVER_SETTINGS.pipelineFiles),
    liveReferences: pick(
      h.liveReferences ?? validation.liveReferences,
      isBool,
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
    validate: pick(h.validate ?? validation.enable, isBool, DEFAULT_SERVER_SETTINGS.validate),
  };
}

/**
 * Serves the Harness language over `connection` and starts listening. The language service is
 * created at `initialize`, when the client says whether it answers the reference requests.
 */
export function initConnection(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  /** The window-wide settings (initializationOptions, didChangeConfiguration). */
  let settings: HarnessServerSettings = { ...DEFAULT_SERVER_SETTINGS };
  let service: HarnessLanguageService | undefined;
  /**
   * The four `harness.*` settings are resource-scoped: a folder may set its own. When the client
   * answers `workspace/configuration`, each document's settings are read for its URI (and kept
   * until the configuration changes or the document closes); otherwise the window-wide ones apply.
   */
  let pullsConfiguration = false;
  const resourceSettings = new Map<string, HarnessServerSettings>();
  const pendingSettings = new Map<string, Promise<HarnessServerSettings>>();
  let settingsGeneration = 0;
  const settingsFor = (uri: string | undefined): HarnessServerSettings =>
    (uri !== undefined ? resourceSettings.get(uri) : undefined) ?? settings;

  /** Reads (once) the settings of `uri` from the client; the window-wide ones if it cannot say. */
  function loadSettings(uri: string): Promise<HarnessServerSettings> {
    const known = resourceSettings.get(uri);
    if (known || !pullsConfiguration) return Promise.resolve(known ?? settings);
    let pending = pendingSettings.get(uri);
    if (!pending) {
      const generation = settingsGeneration;
      pending = (async () => {
        try {
          const raw: unknown = await connection.workspace.getConfiguration({
            scopeUri: uri,
            section: 'harness',
          });
          const read = raw && typeof raw === 'object' ? readSettings(raw) : settings;
          // A configuration change while the client answered makes this answer stale.
          if (generation === settingsGeneration && documents.get(uri)) resourceSettings.set(uri, read);
          return read;
        } catch (err) {
          connection.console.debug(redactSecrets(`workspace/configuration for ${uri}: ${String(err)}`));
          return settings;
        } finally {
          pendingSettings.delete(uri);
        }
      })();
      pendingSettings.set(uri, pending);
    }
    return pending;
  }

  const logError = (where: string, err: unknown): void => {
    const text = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
    connection.console.error(redactSecrets(`${where}: ${text}`));
  };
  const log: ServiceLog = {
    debug: (message) => connection.console.debug(redactSecrets(message)),
    error: (message) => connection.console.error(redactSecrets(message)),
  };
  /** The client's answers (VS Code gives them; a bare LSP client may not, and says nothing). */
  const clientReferences: ReferenceProvider = {
    resolve: async (references, token) =>
      (
        await connection.sendRequest<ResolveReferencesResult>(
          RESOLVE_REFERENCES_REQUEST,
          { references },
          token,
        )
      )?.results,
    list: async (params, token) =>
      (await connection.sendRequest<ListReferencesResult>(LIST_REFERENCES_REQUEST, params, token))?.items,
  };
  /** The client's workspace and account lookups (a client without them answers with an error). */
  const clientEntities: EntityProvider = {
    findPipeline: (params, token) =>
      connection.sendRequest<FindPipelineResult | undefined>(FIND_PIPELINE_REQUEST, params, token),
    listInputSets: (params, token) =>
      connection.sendRequest<ListInputSetsResult | undefined>(LIST_INPUT_SETS_REQUEST, params, token),
  };
  const languageService = (): HarnessLanguageService => {
    if (!service) throw new Error('the server is not initialized');
    return service;
  };

  /** Every handler goes through this: a failing feature answers `fallback`, never kills the server. */
  async function guard<T>(where: string, fallback: T, fn: () => T | Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      logError(where, err);
      return fallback;
    }
  }

  // ----- validation: debounced per document, latest version wins -------------------------

  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The running validation per document, cancelled when a newer version or a close arrives. */
  const running = new Map<string, CancellationTokenSource>();
  /** URIs we published non-empty diagnostics for (to clear when a document stops being Harness YAML). */
  const published = new Set<string>();

  /** Harness documents always get a publish (an empty one says "checked, all good"); others only a clear. */
  function publish(uri: string, diagnostics: Diagnostic[], version?: number, harness = true): void {
    if (!harness && !published.has(uri)) return;
    void connection.sendDiagnostics({ uri, version, diagnostics });
    if (harness) published.add(uri);
    else published.delete(uri);
  }

  function stop(uri: string): void {
    const t = pending.get(uri);
    if (t) clearTimeout(t);
    pending.delete(uri);
    running.get(uri)?.cancel();
  }

  async function validateNow(uri: string, version: number): Promise<void> {
    let doc = documents.get(uri);
    if (!doc || doc.version !== version) return; // superseded
    const own = await loadSettings(uri);
    doc = documents.get(uri);
    if (!doc || doc.version !== version) return;
    const svc = languageService();
    if (!own.validate || !svc.isHarnessDocument(doc)) {
      publish(uri, [], version, false);
      return;
    }
    const run = new CancellationTokenSource();
    running.set(uri, run);
    try {
      const diagnostics = await svc.validate(doc, { token: run.token });
      const current = documents.get(uri);
      if (run.token.isCancellationRequested || !current || current.version !== version) return;
      publish(uri, diagnostics, version);
      warmUpOnce(current);
    } finally {
      if (running.get(uri) === run) running.delete(uri);
      run.dispose();
    }
  }

  /** Documents whose completion data was prepared (once per open document, in the background). */
  const warmed = new Set<string>();
  function warmUpOnce(doc: TextDocument): void {
    if (warmed.has(doc.uri)) return;
    warmed.add(doc.uri);
    const svc = languageService();
    void guard('warmUp', undefined, () => svc.warmUp(doc, () => !warmed.has(doc.uri)));
  }

  function scheduleValidation(doc: TextDocument, delay = settingsFor(doc.uri).debounceMs): void {
    stop(doc.uri);
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
    settings = readSettings(init?.settings ?? init);
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    const servesReferences = init?.liveReferences === true || init?.servesReferences === true;
    service = createLanguageService({
      settings: settingsFor,
      references: servesReferences ? clientReferences : undefined,
      // A client that answers harness/findPipeline and harness/listInputSets says so.
      entities: init?.servesEntities === true ? clientEntities : undefined,
      log,
    });
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
      const pushed = !!s && typeof s === 'object' && 'harness' in s;
      if (pushed) settings = readSettings(s.harness);
      // Any change may change a folder's settings: read them again (pull), then revalidate.
      if (pushed || pullsConfiguration) {
        settingsGeneration++;
        resourceSettings.clear();
        revalidateAll();
      }
    });
  });

  connection.onRequest(SET_SCHEMA_REQUEST, (params: SetSchemaParams) =>
    guard<SetSchemaResult>(
      SET_SCHEMA_REQUEST,
      { ok: false, active: service?.schemaStatus().source ?? 'bundled', error: 'internal error' },
      () => {
        const svc = languageService();
        const result = svc.setSchema(params);
        const status = svc.schemaStatus();
        if (status.fallbackReason) connection.console.warn(status.fallbackReason);
        void connection.sendNotification(SCHEMA_STATUS_NOTIFICATION, status);
        revalidateAll();
        return result;
      },
    ),
  );

  connection.onRequest(VALIDATE_DOCUMENT_REQUEST, (params: ValidateDocumentParams) =>
    guard<ValidateDocumentResult>(
      VALIDATE_DOCUMENT_REQUEST,
      { harness: false, diagnostics: [] },
      async () => {
        const uri = typeof params?.uri === 'string' ? params.uri : '';
        const text = typeof params?.text === 'string' ? params.text : '';
        // Reuse the open document's parse when the text is the same; otherwise a one-off version.
        const open = documents.get(uri);
        const version = open && open.getText() === text ? open.version : -1;
        const doc = TextDocument.create(uri, open?.languageId ?? 'yaml', version, text);
        const svc = languageService();
        if (!svc.isHarnessDocument(doc)) return { harness: false, diagnostics: [] };
        return { harness: true, diagnostics: await svc.validate(doc, { askReferences: false }) };
      },
    ),
  );

  connection.onNotification('harness/clearReferenceCache', () => {
    void guard('clearReferenceCache', undefined, () => {
      languageService().clearReferenceCache();
      revalidateAll();
    });
  });

  documents.onDidOpen((e) => void guard('didOpen', undefined, () => scheduleValidation(e.document, 0)));
  documents.onDidChangeContent(
    (e) => void guard('didChange', undefined, () => scheduleValidation(e.document)),
  );
  documents.onDidClose(
    (e) =>
      void guard('didClose', undefined, () => {
        const uri = e.document.uri;
        stop(uri);
        service?.forget(uri);
        resourceSettings.delete(uri);
        published.delete(uri);
        warmed.delete(uri);
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      }),
  );

  // ----- editing features ---------------------------------------------------------------------

  /** Runs `fn` on the open document; `fallback` when it is not open (or `fn` fails). */
  function withDoc<T>(
    uri: string,
    fallback: T,
    fn: (svc: HarnessLanguageService, doc: TextDocument) => T | Promise<T>,
  ): Promise<T> {
    return guard(`request for ${uri}`, fallback, () => {
      const doc = documents.get(uri);
      return doc ? fn(languageService(), doc) : fallback;
    });
  }

  connection.onCompletion((p, token) =>
    withDoc(p.textDocument.uri, null, (svc, doc) => svc.complete(doc, p.position, token)),
  );
  connection.onHover((p) => withDoc(p.textDocument.uri, null, (svc, doc) => svc.hover(doc, p.position)));
  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (svc, doc) => svc.documentSymbols(doc)));
  connection.onDefinition((p) =>
    withDoc(p.textDocument.uri, null, (svc, doc) => svc.definition(doc, p.position)),
  );
  connection.onCodeAction((p) =>
    withDoc(p.textDocument.uri, [], (svc, doc) => svc.codeActions(doc, p.context)),
  );

  connection.onShutdown(() => {
    for (const uri of [...pending.keys(), ...running.keys()]) stop(uri);
    pending.clear();
  });

  documents.listen(connection);
  connection.listen();
}
