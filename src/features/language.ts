// Language features: starts the bundled language server (a Node process on desktop, a web worker
// in the browser: the platform's LanguageClientFactory) the first time a Harness document is
// opened, answers its live-reference requests from the active account, keeps its pipeline schema
// in step with the settings and the account, and offers Validate and Refresh Schema. A crash
// restarts the server (within a budget, see language/lifecycle.ts), the "Harness server" language
// status item shows its state, `Harness: Restart Language Server` starts a fresh one, and
// deactivate waits (bounded) for it to stop.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import {
  FIND_PIPELINE_REQUEST,
  LIST_INPUT_SETS_REQUEST,
  LIST_REFERENCES_REQUEST,
  RESOLVE_REFERENCES_REQUEST,
  SCHEMA_STATUS_NOTIFICATION,
  SET_SCHEMA_REQUEST,
  VALIDATE_DOCUMENT_REQUEST,
  type FindPipelineParams,
  type ListInputSetsParams,
  type ListReferencesParams,
  type ResolveReferencesParams,
  type SchemaStatusParams,
  type SetSchemaResult,
  type ValidateDocumentParams,
  type ValidateDocumentResult,
} from '../../shared/protocol';
import type { Accounts } from '../account/accounts';
import type { Log } from '../ui/log';
import type { LanguageClientFactory } from '../language/client';
import { documentSelector, harnessDiagnostics, isHarnessDocument } from '../language/documents';
import { EntityLookup } from '../language/entityLookup';
import { ServerLifecycle } from '../language/lifecycle';
import { ReferenceResolver, type AccountProvider } from '../language/references';
import { settleWithin } from '../language/restartPolicy';
import { SchemaSourceLoader } from '../language/schemaSource';
import type { ServerStatus, StatusView } from '../language/serverState';
import { readSettings } from '../language/settings';
import { RESTART_SERVER_COMMAND, SchemaStatusItem } from '../language/status';
import { VscodeWorkspaceFiles } from '../language/workspaceFiles';

/** The server is running: what it needs answered, and the status item it reports to. */
interface Running {
  client: BaseLanguageClient;
  resolver: ReferenceResolver;
  loader: SchemaSourceLoader;
  statusItem: SchemaStatusItem;
  /** Follows the client's state into the server status item. */
  watch: vscode.Disposable;
}

/** The language server as its status item shows it, and its client: for the test API. */
export interface LanguageServerProbe extends StatusView {
  status: ServerStatus;
  /** The running client (undefined before the first start and while a restart by hand replaces it). */
  client: BaseLanguageClient | undefined;
  /** Fires with what the status item shows each time the server's state changes. */
  onDidChange: vscode.Event<StatusView>;
}

/** How long a restart by hand waits for the old server to stop before it starts the new one. */
const RESTART_STOP_MS = 3_000;

export class LanguageFeature implements vscode.Disposable {
  private running: Running | undefined;
  private starting: Promise<Running | undefined> | undefined;
  /** The server's state and crash handling; made with the first start (activation stays cheap). */
  private lifecycle: ServerLifecycle | undefined;
  /** Counts restarts by hand (and dispose): a client from an earlier one is no longer current. */
  private generation = 0;
  /** Last value of the `harness.isPipelineDocument` context key (set only when it changes). */
  private pipelineContext: boolean | undefined;
  private readonly account: AccountProvider;
  /** Harness files of the workspace, for the input set checks (one scan serves a few seconds). */
  private readonly workspaceFiles: VscodeWorkspaceFiles;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly context: vscode.ExtensionContext,
    accounts: Accounts,
    private readonly log: Log,
    private readonly createClient: LanguageClientFactory,
  ) {
    this.workspaceFiles = new VscodeWorkspaceFiles();
    // Live completion/validation data follows the active account.
    this.account = () => {
      const a = accounts.current();
      return a ? { api: a.api, label: a.label } : undefined;
    };
    this.disposables = [
      accounts.onDidChange(() => this.accountChanged()),
      vscode.workspace.onDidOpenTextDocument((doc) => this.consider(doc)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.updateContextKey(editor)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document)
          this.updateContextKey(vscode.window.activeTextEditor);
        this.consider(e.document);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('harness.schema')) void this.pushSchema(false);
      }),
      vscode.commands.registerCommand('harness.validatePipeline', (arg?: vscode.Uri) =>
        this.validateActive(arg instanceof vscode.Uri ? arg : undefined),
      ),
      vscode.commands.registerCommand('harness.refreshSchema', async () => {
        await this.ensureClient();
        await this.pushSchema(true);
        return this.running?.statusItem.text;
      }),
      vscode.commands.registerCommand(RESTART_SERVER_COMMAND, () => this.restart()),
    ];
    vscode.workspace.textDocuments.forEach((doc) => this.consider(doc));
    this.updateContextKey(vscode.window.activeTextEditor);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.generation++;
    const running = this.running;
    this.running = undefined;
    this.starting = undefined;
    if (running) void this.disposeClient(running, RESTART_STOP_MS);
    this.lifecycle?.dispose();
    this.lifecycle = undefined;
  }

  /**
   * Stops the server (deactivate): resolves when it has stopped or after `timeoutMs`, whichever
   * comes first, and never rejects, so VS Code's shutdown never waits on a server that hangs.
   */
  async stop(timeoutMs: number): Promise<void> {
    const client = this.running?.client;
    if (!client) return;
    // The client's own shutdown timeout (request, then exit) stays inside ours.
    const stopping = client.stop(Math.max(0, timeoutMs - 500));
    if (!(await settleWithin(stopping, timeoutMs)))
      this.log.warn(`Harness language server did not stop within ${timeoutMs} ms`);
  }

  /** The server's state for the test API. */
  probe(): LanguageServerProbe {
    const lifecycle = this.serverLifecycle();
    return {
      ...lifecycle.view,
      status: lifecycle.status,
      client: this.running?.client,
      onDidChange: (listener, thisArgs, disposables) =>
        lifecycle.onDidChange(() => listener.call(thisArgs, lifecycle.view), undefined, disposables),
    };
  }

  /** Starts the client once; later calls return the same promise. */
  ensureClient(): Promise<Running | undefined> {
    if (this.starting) return this.starting;
    const generation = this.generation;
    const starting = this.start(generation).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      this.log.error(`Harness language server failed to start: ${message}`);
      if (this.starting === starting) {
        this.serverLifecycle().startFailed(`The Harness language server could not start: ${message}`);
        // The next Harness document tries again.
        this.starting = undefined;
      }
      return undefined;
    });
    this.starting = starting;
    return starting;
  }

  /**
   * `Harness: Restart Language Server`: the current client (running, stopped after too many
   * crashes, or failed) is disposed and a new one starts with a fresh restart budget. Returns what
   * the status item shows once the new server runs (or failed to).
   */
  private async restart(): Promise<StatusView> {
    this.generation++;
    const lifecycle = this.serverLifecycle();
    lifecycle.restartingByHand();
    this.log.info('Restarting the Harness language server');
    const previous = this.running;
    this.running = undefined;
    this.starting = undefined;
    if (previous) await this.disposeClient(previous, RESTART_STOP_MS);
    await this.ensureClient();
    return lifecycle.view;
  }

  /** Ends a client and what belongs to it; bounded, never rejects. */
  private async disposeClient(running: Running, timeoutMs: number): Promise<void> {
    running.watch.dispose();
    running.statusItem.dispose();
    // dispose, not stop: it also ends what the client started (the browser's server worker).
    if (!(await settleWithin(running.client.dispose(timeoutMs), timeoutMs + 500)))
      this.log.warn(`The previous Harness language server did not stop within ${timeoutMs} ms`);
  }

  private serverLifecycle(): ServerLifecycle {
    if (!this.lifecycle) {
      const lifecycle = new ServerLifecycle(documentSelector(), this.log);
      // A restarted server starts with the bundled schema: give it the chosen one again.
      lifecycle.onDidRestart(() => {
        if (readSettings().schemaSource !== 'bundled') void this.pushSchema(false);
      });
      this.lifecycle = lifecycle;
    }
    return this.lifecycle;
  }

  /**
   * Validates the document's current text now (no debounce) and returns its Harness diagnostics.
   * Push uses this so that what is checked is exactly what is sent. Undefined when the language
   * server is not available (the caller then falls back to the published diagnostics).
   */
  async validateDocument(doc: vscode.TextDocument): Promise<vscode.Diagnostic[] | undefined> {
    const c = (await this.ensureClient())?.client;
    // Stopped (it crashed too often): not available. Starting or restarting: the request waits.
    if (!c || c.state === State.Stopped) return undefined;
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

  private consider(doc: vscode.TextDocument): void {
    if (!this.running && isHarnessDocument(doc)) void this.ensureClient();
  }

  private async start(generation: number): Promise<Running | undefined> {
    const settings = readSettings();
    const lifecycle = this.serverLifecycle();
    const isCurrent = () => generation === this.generation;
    const client = await this.createClient(this.context, lifecycle.clientOptions(isCurrent));
    const watch = lifecycle.watch(client, isCurrent);
    const resolver = new ReferenceResolver(this.account);
    const loader = new SchemaSourceLoader(this.context.globalStorageUri, this.account);
    const statusItem = new SchemaStatusItem(documentSelector());
    client.onRequest(RESOLVE_REFERENCES_REQUEST, (p: ResolveReferencesParams) => resolver.resolve(p));
    client.onRequest(LIST_REFERENCES_REQUEST, (p: ListReferencesParams) => resolver.list(p));
    // The pipeline an input set targets, from the workspace or (live references on) the account.
    const entities = new EntityLookup(this.workspaceFiles, () =>
      readSettings().liveReferences ? this.account() : undefined,
    );
    client.onRequest(FIND_PIPELINE_REQUEST, (p: FindPipelineParams) => entities.findPipeline(p));
    client.onRequest(LIST_INPUT_SETS_REQUEST, (p: ListInputSetsParams) => entities.listInputSets(p));
    client.onNotification(SCHEMA_STATUS_NOTIFICATION, (p: SchemaStatusParams) => {
      statusItem.update(p);
      if (p.fallbackReason) this.log.warn(p.fallbackReason);
    });
    const started = Date.now();
    try {
      await client.start();
    } catch (err) {
      watch.dispose();
      statusItem.dispose();
      throw err;
    }
    const running: Running = { client, resolver, loader, statusItem, watch };
    if (!isCurrent()) {
      // Restarted by hand (or disposed) while this one started: it is not needed any more.
      void this.disposeClient(running, RESTART_STOP_MS);
      return undefined;
    }
    this.running = running;
    this.log.info(`Harness language server started in ${Date.now() - started} ms`);
    if (settings.schemaSource !== 'bundled') await this.pushSchema(false);
    return this.running;
  }

  /** The active account changed: cached references are stale, and so is an account schema. */
  private accountChanged(): void {
    const running = this.running;
    if (!running) return;
    running.resolver.clear();
    // A server that is not running has no cache to clear (a restarted one starts empty).
    running.client.sendNotification('harness/clearReferenceCache').catch(() => undefined);
    if (readSettings().schemaSource === 'account') void this.pushSchema(false);
  }

  private async pushSchema(refresh: boolean): Promise<void> {
    const running = this.running;
    if (!running) return;
    const { client, loader, statusItem } = running;
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
      statusItem.update(
        { source: res.active, fetchedAt: params.fetchedAt, label: params.label },
        shownWarning,
      );
      if (shownWarning) {
        this.log.warn(shownWarning);
        void vscode.window.showWarningMessage(`Harness: ${shownWarning}`);
      } else {
        this.log.info(`Pipeline schema: ${res.active}${params.label ? ` (${params.label})` : ''}`);
      }
    } catch (err) {
      this.log.error(
        `Could not set the pipeline schema: ${err instanceof Error ? err.message : String(err)}`,
      );
    } finally {
      statusItem.busy(false);
    }
  }

  /** Sets `harness.isPipelineDocument` for the active editor; only when it changes (it runs per keystroke). */
  private updateContextKey(editor: vscode.TextEditor | undefined): void {
    const on = !!editor && isHarnessDocument(editor.document);
    if (on === this.pipelineContext) return;
    this.pipelineContext = on;
    void vscode.commands.executeCommand('setContext', 'harness.isPipelineDocument', on);
  }

  /** `Harness: Validate Pipeline YAML`: summarises the active document's problems and opens the Problems view. */
  private async validateActive(arg?: vscode.Uri): Promise<{ errors: number; warnings: number } | undefined> {
    const doc = arg ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
    if (!doc || !isHarnessDocument(doc)) {
      void vscode.window.showInformationMessage(
        'Harness: open a pipeline YAML file (root key pipeline:, template: or inputSet:) to validate it.',
      );
      return undefined;
    }
    const wasRunning = !!this.running;
    await this.ensureClient();
    const diags = await harnessDiagnostics(
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
}
