// Step logs as read-only virtual documents (`harness-log:` URIs): the `harness.openStepLog`
// command, follow / stop following, "open in Harness", and a status bar item while a log is
// followed. Each open document has one StepLogSession (src/executions/logs/session.ts, which
// holds the logic); closing the document or its last tab disposes it, which aborts its stream.
import * as vscode from 'vscode';
import type { AccountContext } from '../account/accounts';
import { isHarnessApiError } from '../api/errors';
import type { CommandEnv } from '../commands/context';
import { executionLink } from '../commands/deepLinks';
import type { CommandResult } from '../commands/invocation';
import { StepLogSession } from '../executions/logs/session';
import {
  STEP_LOG_SCHEME,
  checkStepLogTarget,
  followsStream,
  stepLogLabel,
  stepLogTitle,
  stepLogUriParts,
} from '../executions/logs/target';
import { systemTimers, type Timers } from '../executions/logs/timers';
import { OPEN_STEP_LOG_COMMAND, type StepLogTarget } from '../executions/stepLogTarget';

interface OpenLog {
  readonly session: StepLogSession;
  readonly target: StepLogTarget;
  readonly harnessUrl: string;
}

/** Editors that showed the end of the log before a change, to keep there after it. */
interface EndWatch {
  readonly editor: vscode.TextEditor;
  readonly viewport: boolean;
  readonly cursor: boolean;
}

const ORPHAN_TEXT =
  'This step log belonged to an earlier session of the window. Open it again from the Harness view.\n';

export class StepLogsFeature implements vscode.Disposable, vscode.TextDocumentContentProvider {
  private readonly logs = new Map<string, OpenLog>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly endWatches = new Map<string, EndWatch[]>();
  private readonly status = vscode.window.createStatusBarItem(
    'harness.stepLog',
    vscode.StatusBarAlignment.Left,
    40,
  );
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly env: CommandEnv,
    private readonly timers: Timers = systemTimers,
  ) {
    this.status.name = 'Harness Step Log';
    this.disposables = [
      this.changes,
      this.status,
      vscode.workspace.registerTextDocumentContentProvider(STEP_LOG_SCHEME, this),
      vscode.commands.registerCommand(OPEN_STEP_LOG_COMMAND, (target: unknown) => this.open(target)),
      vscode.commands.registerCommand('harness.stepLog.stopFollowing', (uri?: unknown) =>
        this.withLog(uri, (log) => log.session.stopFollowing()),
      ),
      vscode.commands.registerCommand('harness.stepLog.follow', (uri?: unknown) =>
        this.withLog(uri, (log) => log.session.follow()),
      ),
      vscode.commands.registerCommand('harness.stepLog.openInHarness', (uri?: unknown) =>
        this.withLog(uri, (log) => void vscode.env.openExternal(vscode.Uri.parse(log.harnessUrl))),
      ),
      vscode.workspace.onDidCloseTextDocument((doc) => this.close(doc.uri)),
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
          if (uri?.scheme === STEP_LOG_SCHEME && !this.hasTab(uri)) this.close(uri);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.keepAtEnd(e.document)),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
    ];
  }

  dispose(): void {
    for (const log of this.logs.values()) log.session.dispose();
    this.logs.clear();
    for (const d of this.disposables) d.dispose();
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.logs.get(uri.toString())?.session.text() ?? ORPHAN_TEXT;
  }

  /** `harness.openStepLog`: opens (or shows again) the step's log document. */
  async open(arg: unknown): Promise<CommandResult<{ uri: string }>> {
    const target = checkStepLogTarget(arg);
    if (typeof target === 'string') {
      void vscode.window.showErrorMessage(`Harness: cannot open the step log: ${target}.`);
      return { status: 'refused', reason: target };
    }
    const account = this.env.accounts.current();
    if (!account || account.accountId !== target.accountId) return this.notSignedIn(target, account);
    const { path, query } = stepLogUriParts(target);
    const uri = vscode.Uri.from({ scheme: STEP_LOG_SCHEME, path, query });
    const key = uri.toString();
    let log = this.logs.get(key);
    if (!log) {
      log = this.create(target, account, uri);
      this.logs.set(key, log);
      log.session.start();
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    if (log.session.state === 'following') {
      // A followed log opens at its end, like `tail -f`; it then stays there as it grows.
      const end = new vscode.Position(Math.max(0, doc.lineCount - 1), 0);
      editor.selection = new vscode.Selection(end, end);
      editor.revealRange(new vscode.Range(end, end));
    }
    this.updateStatus();
    return { status: 'ok', uri: key };
  }

  private create(target: StepLogTarget, account: AccountContext, uri: vscode.Uri): OpenLog {
    const harnessUrl = executionLink(
      account.baseUrl,
      account.accountId,
      target.scope.orgIdentifier,
      target.scope.projectIdentifier,
      target.pipelineIdentifier,
      target.planExecutionId,
    );
    const session = new StepLogSession(target.logBaseKey, account.api, this.timers, {
      title: stepLogLabel(target),
      follow: followsStream(target),
      format: { utc: false },
      harnessUrl,
      onError: (err, operation) => {
        // The document says what a missing log means; everything else is also a notification
        // (a 401 offers to sign in again).
        if (!isHarnessApiError(err, 'notFound')) this.env.reportError(err, operation);
      },
    });
    session.onDidChange(() => this.announce(uri));
    return { session, target, harnessUrl };
  }

  private async notSignedIn(
    target: StepLogTarget,
    account: AccountContext | undefined,
  ): Promise<{ status: 'refused'; reason: string }> {
    const reason = account
      ? `this step belongs to Harness account ${target.accountId}, but the active account is ${account.label}`
      : `this step belongs to Harness account ${target.accountId}, and no account is signed in`;
    const action = account ? 'Switch Account' : 'Sign In';
    void vscode.window
      .showWarningMessage(`Harness: cannot open the step log: ${reason}.`, action)
      .then((pick) => {
        if (pick === action)
          void vscode.commands.executeCommand(account ? 'harness.switchAccount' : 'harness.signIn');
      });
    return { status: 'refused', reason };
  }

  private withLog(arg: unknown, act: (log: OpenLog) => void): CommandResult {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const log = uri ? this.logs.get(uri.toString()) : undefined;
    if (!log) return { status: 'refused', reason: 'no open step log' };
    act(log);
    this.updateStatus();
    return { status: 'ok' };
  }

  private hasTab(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.window.tabGroups.all.some((g) =>
      g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key),
    );
  }

  /** The document (or its last tab) closed: its stream stops, its session goes. */
  private close(uri: vscode.Uri): void {
    if (uri.scheme !== STEP_LOG_SCHEME) return;
    const key = uri.toString();
    const log = this.logs.get(key);
    if (!log) return;
    log.session.dispose();
    this.logs.delete(key);
    this.endWatches.delete(key);
    this.env.log.debug(`step log closed, its stream stopped: ${stepLogTitle(log.target)}`);
    this.updateStatus();
  }

  /** Before VS Code reads the new text: note which editors show the end, to keep them there. */
  private announce(uri: vscode.Uri): void {
    const key = uri.toString();
    const watches: EndWatch[] = [];
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== key) continue;
      const last = editor.document.lineCount - 1;
      const visible = editor.visibleRanges[editor.visibleRanges.length - 1];
      watches.push({
        editor,
        // The text ends with a newline: the last log line is the one before the empty last line.
        viewport: visible !== undefined && visible.end.line >= last - 1,
        cursor: editor.selection.isEmpty && editor.selection.active.line >= last - 1,
      });
    }
    if (watches.length > 0) this.endWatches.set(key, watches);
    this.changes.fire(uri);
    this.updateStatus();
  }

  private keepAtEnd(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== STEP_LOG_SCHEME) return;
    const key = doc.uri.toString();
    const watches = this.endWatches.get(key);
    if (!watches) return;
    this.endWatches.delete(key);
    const end = new vscode.Position(Math.max(0, doc.lineCount - 1), 0);
    for (const w of watches) {
      if (!vscode.window.visibleTextEditors.includes(w.editor)) continue;
      if (w.cursor) w.editor.selection = new vscode.Selection(end, end);
      if (w.viewport || w.cursor)
        w.editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.Default);
    }
  }

  /** The status bar item and the editor title buttons follow the active log's state. */
  private updateStatus(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const log = uri?.scheme === STEP_LOG_SCHEME ? this.logs.get(uri.toString()) : undefined;
    const state = log?.session.state;
    void vscode.commands.executeCommand('setContext', 'harness.stepLogFollowing', state === 'following');
    void vscode.commands.executeCommand(
      'setContext',
      'harness.stepLogCanFollow',
      state === 'stopped' || state === 'failed',
    );
    if (state === 'following') {
      this.status.text = '$(sync~spin) Following step log';
      this.status.tooltip = 'Harness: new lines appear while the step runs. Click to stop following.';
      this.status.command = 'harness.stepLog.stopFollowing';
      this.status.show();
    } else if (state === 'stopped') {
      this.status.text = '$(debug-pause) Not following step log';
      this.status.tooltip = 'Harness: click to follow the step log again.';
      this.status.command = 'harness.stepLog.follow';
      this.status.show();
    } else {
      this.status.hide();
    }
  }
}
