// The `harness:` file system: one file per remote pipeline (see pipelineUri.ts). Reading fetches
// the YAML from Harness; saving validates and pushes it (push.ts), refusing to overwrite changes
// made in Harness since the document was opened unless the user says so. A save that does not
// reach Harness fails, so the editor keeps the text dirty and nothing is lost.
import * as vscode from 'vscode';
import { getAccounts } from '../../account/accounts';
import { log } from '../../log';
import { pushText } from '../push';
import { getBaseline, setBaseline } from './baselines';
import { takePushed } from './justPushed';
import {
  HARNESS_SCHEME,
  parsePipelineUri,
  pipelinePath,
  pipelineQuery,
  type PipelineLocation,
} from './pipelineUri';

export function pipelineUri(loc: PipelineLocation): vscode.Uri {
  return vscode.Uri.from({ scheme: HARNESS_SCHEME, path: pipelinePath(loc), query: pipelineQuery(loc) });
}

function locationOf(uri: vscode.Uri): PipelineLocation | undefined {
  return parsePipelineUri(uri.path, uri.query);
}

export class HarnessFileSystemProvider implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  watch(): vscode.Disposable {
    // Changes made in Harness are detected on save (conflict check), not by polling.
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const loc = locationOf(uri);
    if (!loc) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    let baseline = getBaseline(loc);
    if (!baseline) {
      await this.readFile(uri);
      baseline = getBaseline(loc);
    }
    const size = baseline ? Buffer.byteLength(baseline.yaml) : 0;
    return { type: vscode.FileType.File, ctime: baseline?.mtime ?? 0, mtime: baseline?.mtime ?? 0, size };
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const loc = locationOf(uri);
    if (!loc) throw vscode.FileSystemError.FileNotFound(uri);
    const account = getAccounts().current();
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
      setBaseline(loc, detail.yamlPipeline);
      return new TextEncoder().encode(detail.yamlPipeline);
    } catch (err) {
      const kind = typeof err === 'object' && err !== null ? (err as { kind?: unknown }).kind : undefined;
      if (kind === 'notFound') throw vscode.FileSystemError.FileNotFound(uri);
      throw vscode.FileSystemError.Unavailable(err instanceof Error ? err.message : String(err));
    }
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const loc = locationOf(uri);
    if (!loc) throw vscode.FileSystemError.NoPermissions('Only pipelines can be saved to Harness.');
    const text = new TextDecoder().decode(content);
    if (takePushed(uri.toString(), text)) {
      log.debug(`save ${uri.path}: already pushed`);
      this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
      return;
    }
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const result = await pushText({
      text,
      sourceUri: uri,
      doc,
      location: loc,
      options: {},
      interactive: true,
    });
    log.info(
      `save ${uri.path} to Harness: ${result.status}${result.status === 'ok' ? ` (${result.action})` : ''}`,
    );
    if (result.status !== 'ok') {
      const why =
        result.status === 'failed'
          ? result.error.message
          : result.status === 'refused'
            ? result.reason
            : result.status === 'conflict'
              ? 'the pipeline changed in Harness since it was opened'
              : result.status === 'denied'
                ? `policy evaluation failed: ${result.message}`
                : 'cancelled';
      throw vscode.FileSystemError.Unavailable(
        `Not saved to Harness: ${why}. Your changes are still in the editor.`,
      );
    }
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
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
