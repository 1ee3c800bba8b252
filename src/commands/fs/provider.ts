// The `harness:` file system: one file per remote pipeline (see pipelineUri.ts). Reading fetches
// the YAML from Harness (or the user's unpushed draft of it). Writing NEVER pushes: VS Code calls
// writeFile for every kind of save (auto-save, Save All, a task's "save before run", "Save" in the
// close dialog), and none of those is the user asking to change their Harness account. The Push
// command pushes (Ctrl+S in a Harness editor is bound to it) and then saves the document, which
// lands here as the text it just pushed; any other text is kept as a draft (drafts.ts).
import * as vscode from 'vscode';
import { isHarnessApiError } from '../../api/errors';
import type { Accounts } from '../../account/accounts';
import type { Log } from '../../ui/log';
import { readPipelineYaml } from '../pipelineYaml';
import type { Baselines } from './baselines';
import type { Draft, Drafts } from './drafts';
import {
  HARNESS_SCHEME,
  locationKey,
  parsePipelineUri,
  pipelinePath,
  pipelineQuery,
  type PipelineLocation,
} from './pipelineUri';
import type { SaveKind, SaveReasons } from './saveReasons';

export function pipelineUri(loc: PipelineLocation): vscode.Uri {
  return vscode.Uri.from({ scheme: HARNESS_SCHEME, path: pipelinePath(loc), query: pipelineQuery(loc) });
}

export function locationOf(uri: vscode.Uri): PipelineLocation | undefined {
  return uri.scheme === HARNESS_SCHEME ? parsePipelineUri(uri.path, uri.query) : undefined;
}

/** `"Name" (identifier)` from the YAML, or the identifier alone. */
export function pipelineLabel(text: string, identifier: string): string {
  const parsed = readPipelineYaml(text);
  const name = parsed.ok ? parsed.info.name : undefined;
  return name && name !== identifier ? `"${name}" (${identifier})` : identifier;
}

export interface FileSystemDeps {
  accounts: Accounts;
  drafts: Drafts;
  baselines: Baselines;
  reasons: SaveReasons;
  log: Log;
}

export interface DraftKept {
  uri: vscode.Uri;
  draft: Draft;
  kind: SaveKind;
}

export class HarnessFileSystemProvider implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly kept = new vscode.EventEmitter<DraftKept>();
  /** A save kept a draft (the provider itself never prompts: DraftsUi tells the user). */
  readonly onDidKeepDraft = this.kept.event;
  /** Text the Push command just pushed, by URI: its follow-up save is not a draft. */
  private readonly pushed = new Map<string, string>();

  constructor(private readonly deps: FileSystemDeps) {}

  dispose(): void {
    this.changed.dispose();
    this.kept.dispose();
    this.pushed.clear();
  }

  /** Before the Push command saves a document it pushed: that save stores nothing. */
  markPushed(uri: vscode.Uri, text: string): void {
    this.pushed.set(uri.toString(), text);
  }

  watch(): vscode.Disposable {
    // Changes made in Harness are detected on push (conflict check), not by polling.
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const loc = locationOf(uri);
    if (!loc) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    await this.deps.drafts.ready();
    const draft = this.deps.drafts.get(locationKey(loc));
    if (draft) {
      return {
        type: vscode.FileType.File,
        ctime: draft.savedAt,
        mtime: draft.savedAt,
        size: new TextEncoder().encode(draft.text).byteLength,
      };
    }
    let baseline = this.deps.baselines.get(loc);
    if (!baseline) {
      await this.readFile(uri);
      baseline = this.deps.baselines.get(loc);
    }
    const size = baseline ? new TextEncoder().encode(baseline.yaml).byteLength : 0;
    return { type: vscode.FileType.File, ctime: baseline?.mtime ?? 0, mtime: baseline?.mtime ?? 0, size };
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const loc = locationOf(uri);
    if (!loc) throw vscode.FileSystemError.FileNotFound(uri);
    await this.deps.drafts.ready();
    const draft = this.deps.drafts.get(locationKey(loc));
    if (draft) {
      // The unpushed text wins until it is pushed or discarded; conflicts are checked against
      // the remote version the edit started from.
      if (!this.deps.baselines.get(loc) && draft.base !== undefined) this.deps.baselines.set(loc, draft.base);
      return new TextEncoder().encode(draft.text);
    }
    const account = this.deps.accounts.current();
    if (!account) throw vscode.FileSystemError.Unavailable('Sign in to Harness to open this pipeline.');
    if (account.accountId !== loc.accountId) {
      throw vscode.FileSystemError.Unavailable(
        `This pipeline belongs to account ${loc.accountId}; switch to it with Harness: Switch Account.`,
      );
    }
    try {
      const detail = await account.api.getPipeline(
        { orgIdentifier: loc.orgIdentifier, projectIdentifier: loc.projectIdentifier },
        loc.identifier,
        { branch: loc.branch, repoName: loc.repoName, connectorRef: loc.connectorRef },
      );
      this.deps.baselines.set(loc, detail.yamlPipeline);
      return new TextEncoder().encode(detail.yamlPipeline);
    } catch (err) {
      if (isHarnessApiError(err, 'notFound')) throw vscode.FileSystemError.FileNotFound(uri);
      throw vscode.FileSystemError.Unavailable(err instanceof Error ? err.message : String(err));
    }
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const loc = locationOf(uri);
    if (!loc) throw vscode.FileSystemError.NoPermissions('Only pipelines can be saved to Harness.');
    const text = new TextDecoder().decode(content);
    const key = locationKey(loc);
    const pushedText = this.pushed.get(uri.toString());
    this.pushed.delete(uri.toString());
    const kind = this.deps.reasons.take(uri.toString());
    if (pushedText === text) {
      this.deps.log.debug(`save ${uri.path}: the text was just pushed`);
      await this.deps.drafts.discard(key);
      return;
    }
    const previous = this.deps.drafts.get(key);
    const draft = await this.deps.drafts.keep({
      key,
      uri: uri.toString(),
      text,
      base: previous?.base ?? this.deps.baselines.get(loc)?.yaml,
      label: pipelineLabel(text, loc.identifier),
    });
    this.deps.log.info(`save ${uri.path} (${kind}): kept as an unpushed draft; nothing was sent to Harness`);
    this.kept.fire({ uri, draft, kind });
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Folders cannot be created in Harness.');
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions('Use Harness: Delete Pipeline to delete a pipeline.');
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('Pipelines cannot be renamed here.');
  }
}
