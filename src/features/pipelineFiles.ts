// Pipelines as files: the `harness:` file system (read from Harness, saved as local drafts, pushed
// only by the Push command), the drafts and how they show, what each open document was read from
// (baselines, forgotten when it closes) and the read-only remote copies diffs show.
import * as vscode from 'vscode';
import type { Accounts } from '../account/accounts';
import type { Log } from '../ui/log';
import { Baselines } from '../commands/fs/baselines';
import { Drafts } from '../commands/fs/drafts';
import { DraftsUi } from '../commands/fs/draftsUi';
import { fileDraftStorage } from '../commands/fs/draftStorage';
import { HARNESS_SCHEME } from '../commands/fs/pipelineUri';
import { HarnessFileSystemProvider, locationOf } from '../commands/fs/provider';
import { RemoteSnapshots } from '../commands/fs/remoteSnapshots';
import { SaveReasons } from '../commands/fs/saveReasons';

/** How long after activation drafts kept from an earlier session are offered (the window settles first). */
const OFFER_DELAY_MS = 3000;

export class PipelineFilesFeature implements vscode.Disposable {
  readonly drafts: Drafts;
  readonly baselines = new Baselines();
  readonly snapshots = new RemoteSnapshots();
  readonly provider: HarnessFileSystemProvider;
  private readonly disposables: vscode.Disposable[];

  constructor(context: vscode.ExtensionContext, accounts: Accounts, log: Log) {
    this.drafts = new Drafts(fileDraftStorage(context.globalStorageUri, log));
    const reasons = new SaveReasons();
    this.provider = new HarnessFileSystemProvider({
      accounts,
      drafts: this.drafts,
      baselines: this.baselines,
      reasons,
      log,
    });
    const ui = new DraftsUi(this.drafts, this.provider, log);
    const offer = setTimeout(
      () => void ui.offerKeptDrafts().catch((err: unknown) => log.debug(`draft offer: ${String(err)}`)),
      OFFER_DELAY_MS,
    );
    this.disposables = [
      this.drafts,
      reasons,
      this.provider,
      ui,
      this.snapshots,
      vscode.workspace.registerFileSystemProvider(HARNESS_SCHEME, this.provider, { isCaseSensitive: true }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forgetIfClosed(doc.uri)),
      { dispose: () => clearTimeout(offer) },
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /**
   * Forgets the baseline of a `harness:` document that closed. A language change closes and
   * reopens a document in one go: checked on the next turn, so only a document that stays closed
   * loses its baseline.
   */
  private forgetIfClosed(uri: vscode.Uri): void {
    const loc = locationOf(uri);
    if (!loc) return;
    setTimeout(() => {
      const key = uri.toString();
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) this.baselines.forget(loc);
    }, 0);
  }
}
