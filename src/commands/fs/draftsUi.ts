// How unpushed drafts show: a badge on the editor tab (file decoration), the context key
// `harness.activeDraft` (editor button "Discard Unpushed Changes"), one message when a save kept a
// draft, a question when an editor holding a draft is closed, and the offer of drafts kept from an
// earlier session. Push goes through the Push command; Discard drops the draft and reloads the
// pipeline from Harness.
import * as vscode from 'vscode';
import type { Log } from '../../ui/log';
import { isOptions, str } from '../invocation';
import type { Draft, Drafts } from './drafts';
import { HARNESS_SCHEME, locationKey } from './pipelineUri';
import { locationOf, type HarnessFileSystemProvider } from './provider';
import type { SaveKind } from './saveReasons';

const PUSH = 'Push';
const OPEN = 'Open';
const DISCARD = 'Discard';
/** A question about a draft is not repeated for a save and the close that follows it. */
const QUIET_AFTER_MESSAGE_MS = 10_000;

export type DiscardResult = { status: 'ok'; discarded: boolean } | { status: 'cancelled' };

function isHarnessTab(input: unknown): input is vscode.TabInputText {
  return input instanceof vscode.TabInputText && input.uri.scheme === HARNESS_SCHEME;
}

function openTabUris(): Set<string> {
  const open = new Set<string>();
  for (const group of vscode.window.tabGroups.all)
    for (const tab of group.tabs) if (isHarnessTab(tab.input)) open.add(tab.input.uri.toString());
  return open;
}

export class DraftsUi implements vscode.Disposable {
  private readonly decorationsChanged = new vscode.EventEmitter<vscode.Uri[]>();
  private readonly disposables: vscode.Disposable[] = [this.decorationsChanged];
  /** When each draft was last told about (uri → savedAt, time), to avoid asking twice. */
  private readonly told = new Map<string, { savedAt: number; at: number }>();
  /** Documents whose auto-save already explained drafts once this session. */
  private readonly autoExplained = new Set<string>();
  private activeDraft: boolean | undefined;

  constructor(
    private readonly drafts: Drafts,
    provider: HarnessFileSystemProvider,
    private readonly log: Log,
  ) {
    this.disposables.push(
      vscode.window.registerFileDecorationProvider({
        onDidChangeFileDecorations: this.decorationsChanged.event,
        provideFileDecoration: (uri) => this.decoration(uri),
      }),
      drafts.onDidChange((draft) => {
        this.decorationsChanged.fire([vscode.Uri.parse(draft.uri)]);
        this.updateContext();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      vscode.window.tabGroups.onDidChangeTabs((e) => this.onTabsChanged(e)),
      vscode.commands.registerCommand('harness.discardDraft', (arg?: unknown) => this.discardCommand(arg)),
      provider.onDidKeepDraft(({ uri, draft, kind }) => this.draftKept(uri, draft, kind)),
    );
    // Drafts stored by an earlier session: decorate their editors once they are read.
    void drafts.ready().then(
      () => {
        this.decorationsChanged.fire(drafts.all().map((d) => vscode.Uri.parse(d.uri)));
        this.updateContext();
      },
      (err: unknown) => this.log.warn(`Could not read the unpushed drafts: ${String(err)}`),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** After a save kept a draft. */
  private draftKept(uri: vscode.Uri, draft: Draft, kind: SaveKind): void {
    const key = uri.toString();
    if (kind === 'auto') {
      // Auto-save is off for Harness editors by default; a user who turned it on is told once.
      if (this.autoExplained.has(key)) return;
      this.autoExplained.add(key);
    }
    const what =
      kind === 'auto'
        ? `Auto-save kept your changes to pipeline ${draft.label} as a local draft`
        : `Saved pipeline ${draft.label} as a local draft`;
    this.ask(
      draft,
      `Harness: ${what}; nothing was sent to Harness. Push it with Ctrl+S in its editor or Harness: Push Pipeline.`,
      [PUSH, DISCARD],
    );
  }

  /** Offers the drafts kept from an earlier session (not open in an editor now). */
  async offerKeptDrafts(): Promise<void> {
    await this.drafts.ready();
    const open = openTabUris();
    const waiting = this.drafts.all().filter((d) => !open.has(d.uri));
    if (waiting.length === 0) return;
    this.log.info(`${waiting.length} unpushed pipeline draft(s) kept from an earlier session`);
    if (waiting.length === 1) {
      this.ask(
        waiting[0],
        `Harness: your unpushed changes to pipeline ${waiting[0].label} were kept from an earlier session.`,
        [OPEN, PUSH, DISCARD],
      );
      return;
    }
    const choice = await vscode.window.showInformationMessage(
      `Harness: unpushed changes to ${waiting.length} pipelines were kept from an earlier session: ${waiting
        .map((d) => d.label)
        .join(', ')}.`,
      'Open All',
    );
    if (choice === 'Open All')
      for (const d of waiting)
        await vscode.window.showTextDocument(vscode.Uri.parse(d.uri), { preview: false });
  }

  private decoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const loc = locationOf(uri);
    if (!loc || !this.drafts.get(locationKey(loc))) return undefined;
    return new vscode.FileDecoration(
      '↑',
      'Unpushed changes: kept as a local draft, not in Harness yet',
      new vscode.ThemeColor('list.warningForeground'),
    );
  }

  private updateContext(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const loc = uri ? locationOf(uri) : undefined;
    const on = !!loc && !!this.drafts.get(locationKey(loc));
    if (on === this.activeDraft) return;
    this.activeDraft = on;
    void vscode.commands.executeCommand('setContext', 'harness.activeDraft', on);
  }

  private onTabsChanged(e: vscode.TabChangeEvent): void {
    if (e.closed.length === 0) return;
    const open = openTabUris();
    for (const tab of e.closed) {
      if (!isHarnessTab(tab.input) || open.has(tab.input.uri.toString())) continue;
      const loc = locationOf(tab.input.uri);
      const draft = loc && this.drafts.get(locationKey(loc));
      if (!draft) continue;
      const last = this.told.get(draft.uri);
      if (last && last.savedAt === draft.savedAt && Date.now() - last.at < QUIET_AFTER_MESSAGE_MS) continue;
      this.ask(
        draft,
        `Harness: pipeline ${draft.label} was closed with unpushed changes. They are kept as a local draft.`,
        [PUSH, OPEN, DISCARD],
      );
    }
  }

  /** One message about a draft, acting on the answer. */
  private ask(draft: Draft, message: string, actions: string[]): void {
    this.told.set(draft.uri, { savedAt: draft.savedAt, at: Date.now() });
    void vscode.window.showInformationMessage(message, ...actions).then(async (choice) => {
      const uri = vscode.Uri.parse(draft.uri);
      if (choice === PUSH) await vscode.commands.executeCommand('harness.pushPipeline', uri);
      else if (choice === OPEN) await vscode.window.showTextDocument(uri, { preview: false });
      else if (choice === DISCARD) await this.discard(uri, true);
    });
  }

  /** `harness.discardDraft(uri?)`, or `({uri})` without a confirmation. */
  private discardCommand(arg?: unknown): Promise<DiscardResult> {
    const interactive = !isOptions(arg);
    const uri =
      arg instanceof vscode.Uri
        ? arg
        : isOptions(arg) && str(arg.uri)
          ? vscode.Uri.parse(String(arg.uri))
          : vscode.window.activeTextEditor?.document.uri;
    if (!uri || !locationOf(uri)) return Promise.resolve({ status: 'ok', discarded: false });
    return this.discard(uri, interactive);
  }

  /** Drops the draft of `uri` and shows the pipeline as it is in Harness. */
  private async discard(uri: vscode.Uri, confirm: boolean): Promise<DiscardResult> {
    const loc = locationOf(uri);
    if (!loc) return { status: 'ok', discarded: false };
    const key = locationKey(loc);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const draft = this.drafts.get(key);
    if (!draft && !doc?.isDirty) return { status: 'ok', discarded: false };
    if (confirm) {
      const label = draft?.label ?? loc.identifier;
      const choice = await vscode.window.showWarningMessage(
        `Discard your unpushed changes to pipeline ${label}?`,
        {
          modal: true,
          detail: 'The editor will show the pipeline as it is in Harness. This cannot be undone.',
        },
        'Discard',
      );
      if (choice !== 'Discard') return { status: 'cancelled' };
    }
    await this.drafts.discard(key);
    if (doc) {
      // Revert re-reads the document (now from Harness), dirty or not.
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    this.log.info(`Discarded the unpushed changes to ${loc.identifier}`);
    return { status: 'ok', discarded: true };
  }
}
