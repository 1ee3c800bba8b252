// Language features: starts the bundled language server (dist/server.js) the first time a
// Harness document is opened (YAML whose root is pipeline/template/inputSet, or a file matching
// `harness.pipelineFiles`). Local files keep VS Code's `yaml` language id so other YAML tooling
// (formatters, Red Hat YAML, other schemas) keeps working on them; documents opened from Harness
// (`harness:`) are `harness-yaml`, whose defaults turn auto-save off (see fs/pipelineUri.ts).
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  LANGUAGE_SERVER_ID,
  LIST_REFERENCES_REQUEST,
  RESOLVE_REFERENCES_REQUEST,
  SCHEMA_STATUS_NOTIFICATION,
  SET_SCHEMA_REQUEST,
  VALIDATE_DOCUMENT_REQUEST,
  type ListReferencesParams,
  type ResolveReferencesParams,
  type SchemaStatusParams,
  type SetSchemaResult,
  type ValidateDocumentParams,
  type ValidateDocumentResult,
} from '../../shared/protocol';
import { getAccounts } from '../account/accounts';
import { HARNESS_YAML_LANGUAGE } from '../commands/fs/pipelineUri';
import { log } from '../log';
import { harnessRootKey, MAX_SCAN } from './detect';
import { ReferenceResolver, type AccountProvider } from './references';
import { SchemaSourceLoader } from './schemaSource';
import { readSettings, serverSettings } from './settings';
import { SchemaStatusItem } from './status';

export const DOCUMENT_SELECTOR: { language: string; scheme: string }[] = [
  { language: 'yaml', scheme: 'file' },
  { language: 'yaml', scheme: 'untitled' },
  { language: 'yaml', scheme: 'harness' },
  { language: HARNESS_YAML_LANGUAGE, scheme: 'harness' },
];

let accountProvider: AccountProvider = () => {
  const a = getAccounts().current();
  return a ? { api: a.api, label: a.label } : undefined;
};

/** Lets the sign-in code decide which account answers schema and live-reference requests. */
export function setAccountProvider(provider: AccountProvider): void {
  accountProvider = provider;
  resolver?.clear();
  void client?.sendNotification('harness/clearReferenceCache');
}

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient | undefined> | undefined;
let resolver: ReferenceResolver | undefined;
let statusItem: SchemaStatusItem | undefined;
let loader: SchemaSourceLoader | undefined;
let extensionContext: vscode.ExtensionContext | undefined;

/** True for YAML documents the Harness language server handles. */
export function isHarnessDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId === HARNESS_YAML_LANGUAGE && doc.uri.scheme === 'harness') return true;
  if (doc.languageId !== 'yaml' || !['file', 'untitled', 'harness'].includes(doc.uri.scheme)) return false;
  // Only the head is scanned: don't copy a whole (possibly huge) document on every keystroke.
  const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(MAX_SCAN)));
  if (harnessRootKey(head)) return true;
  return readSettings(doc.uri).pipelineFiles.some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
}

async function pushSchema(refresh: boolean): Promise<void> {
  if (!client || !loader || !statusItem) return;
  const s = readSettings();
  statusItem.busy(true);
  try {
    const { params, warning } = await loader.load(s.schemaSource, s.schemaFile, refresh);
    const res = await client.sendRequest<SetSchemaResult>(SET_SCHEMA_REQUEST, params);
    const shownWarning =
      warning ??
      (res.ok
        ? undefined
        : `The ${params.source} schema could not be loaded: ${res.error ?? 'unknown error'}`);
    statusItem.update({ source: res.active, fetchedAt: params.fetchedAt, label: params.label }, shownWarning);
    if (shownWarning) {
      log.warn(shownWarning);
      void vscode.window.showWarningMessage(`Harness: ${shownWarning}`);
    } else {
      log.info(`Pipeline schema: ${res.active}${params.label ? ` (${params.label})` : ''}`);
    }
  } catch (err) {
    log.error(`Could not set the pipeline schema: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    statusItem.busy(false);
  }
}

async function startClient(context: vscode.ExtensionContext): Promise<LanguageClient | undefined> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  const settings = readSettings();
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'harness' },
    initializationOptions: { settings: serverSettings(settings), servesReferences: true },
    outputChannelName: 'Harness Language Server',
  };
  const c = new LanguageClient(LANGUAGE_SERVER_ID, 'Harness Language Server', serverOptions, clientOptions);
  resolver = new ReferenceResolver(() => accountProvider());
  loader = new SchemaSourceLoader(context.globalStorageUri, () => accountProvider());
  statusItem = new SchemaStatusItem(DOCUMENT_SELECTOR);
  context.subscriptions.push(statusItem);
  c.onRequest(
    RESOLVE_REFERENCES_REQUEST,
    (p: ResolveReferencesParams) => resolver?.resolve(p) ?? { results: [] },
  );
  c.onRequest(LIST_REFERENCES_REQUEST, (p: ListReferencesParams) => resolver?.list(p) ?? { items: [] });
  c.onNotification(SCHEMA_STATUS_NOTIFICATION, (p: SchemaStatusParams) => {
    statusItem?.update(p);
    if (p.fallbackReason) log.warn(p.fallbackReason);
  });
  const started = Date.now();
  await c.start();
  client = c;
  log.info(`Harness language server started in ${Date.now() - started} ms`);
  context.subscriptions.push({ dispose: () => void c.stop() });
  context.subscriptions.push(
    getAccounts().onDidChange(() => {
      resolver?.clear();
      void c.sendNotification('harness/clearReferenceCache');
      if (readSettings().schemaSource === 'account') void pushSchema(false);
    }),
  );
  if (settings.schemaSource !== 'bundled') await pushSchema(false);
  return c;
}

/** Starts the client once; later calls return the same promise. */
export function ensureLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient | undefined> {
  starting ??= startClient(context).catch((err: unknown) => {
    log.error(`Harness language server failed to start: ${err instanceof Error ? err.message : String(err)}`);
    starting = undefined;
    return undefined;
  });
  return starting;
}

/**
 * Validates the document's current text now (no debounce) and returns its Harness diagnostics.
 * Push uses this so that what is checked is exactly what is sent. Undefined when the language
 * server is not available (the caller then falls back to the published diagnostics).
 */
export async function validateDocument(doc: vscode.TextDocument): Promise<vscode.Diagnostic[] | undefined> {
  if (!extensionContext) return undefined;
  const c = await ensureLanguageClient(extensionContext);
  if (!c) return undefined;
  const params: ValidateDocumentParams = {
    uri: c.code2ProtocolConverter.asUri(doc.uri),
    text: doc.getText(),
  };
  const res = await c.sendRequest<ValidateDocumentResult>(VALIDATE_DOCUMENT_REQUEST, params);
  if (!res || !Array.isArray(res.diagnostics)) return undefined;
  return c.protocol2CodeConverter.asDiagnostics(
    res.diagnostics as Parameters<typeof c.protocol2CodeConverter.asDiagnostics>[0],
  );
}

let pipelineContext: boolean | undefined;

/** Sets `harness.isPipelineDocument` for the active editor; only when it changes (it runs per keystroke). */
function updateContextKey(editor: vscode.TextEditor | undefined): void {
  const on = !!editor && isHarnessDocument(editor.document);
  if (on === pipelineContext) return;
  pipelineContext = on;
  void vscode.commands.executeCommand('setContext', 'harness.isPipelineDocument', on);
}

/** The Harness diagnostics of `uri`, waiting (bounded) for the first publish after the server starts. */
function diagnosticsOf(uri: vscode.Uri, waitForPublish: boolean): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'harness');
  if (!waitForPublish) return Promise.resolve(current());
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      resolve(current());
    };
    const timer = setTimeout(done, 15_000);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
  });
}

/** `Harness: Validate Pipeline YAML`: summarises the active document's problems and opens the Problems view. */
async function validateActive(
  context: vscode.ExtensionContext,
  arg?: vscode.Uri,
): Promise<{ errors: number; warnings: number } | undefined> {
  const doc = arg ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
  if (!doc || !isHarnessDocument(doc)) {
    void vscode.window.showInformationMessage(
      'Harness: open a pipeline YAML file (root key pipeline:, template: or inputSet:) to validate it.',
    );
    return undefined;
  }
  const wasRunning = !!client;
  await ensureLanguageClient(context);
  const diags = await diagnosticsOf(
    doc.uri,
    !wasRunning && vscode.languages.getDiagnostics(doc.uri).length === 0,
  );
  const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
  if (errors + warnings === 0)
    void vscode.window.showInformationMessage('Harness: no problems found in this pipeline YAML.');
  else {
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showWarningMessage(
      `Harness: ${errors} error(s), ${warnings} warning(s) in this pipeline YAML.`,
    );
  }
  return { errors, warnings };
}

export function registerLanguageFeatures(context: vscode.ExtensionContext): void {
  extensionContext = context;
  const consider = (doc: vscode.TextDocument) => {
    if (!client && isHarnessDocument(doc)) void ensureLanguageClient(context);
  };
  vscode.workspace.textDocuments.forEach(consider);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(consider),
    vscode.window.onDidChangeActiveTextEditor(updateContextKey),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document)
        updateContextKey(vscode.window.activeTextEditor);
      consider(e.document);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('harness.schema')) void pushSchema(false);
    }),
    vscode.commands.registerCommand('harness.validatePipeline', (arg?: vscode.Uri) =>
      validateActive(context, arg instanceof vscode.Uri ? arg : undefined),
    ),
    vscode.commands.registerCommand('harness.refreshSchema', async () => {
      await ensureLanguageClient(context);
      await pushSchema(true);
      return statusItem?.text;
    }),
  );
  updateContextKey(vscode.window.activeTextEditor);
}
