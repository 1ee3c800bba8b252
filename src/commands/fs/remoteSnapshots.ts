// Read-only `harness-remote:` documents holding a copy of a remote pipeline's YAML, shown on
// the left of a diff before overwriting it. Content lives in memory (the last 50) until the
// window closes.
import * as vscode from 'vscode';

export const REMOTE_SNAPSHOT_SCHEME = 'harness-remote';

const MAX_SNAPSHOTS = 50;

export class RemoteSnapshots implements vscode.Disposable {
  private readonly snapshots = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private counter = 0;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(REMOTE_SNAPSHOT_SCHEME, {
      onDidChange: this.changed.event,
      provideTextDocumentContent: (uri) => this.snapshots.get(uri.toString()) ?? '',
    });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.snapshots.clear();
  }

  /** Stores `yaml` and returns the URI of a read-only document showing it (named like the pipeline). */
  snapshot(identifier: string, yaml: string): vscode.Uri {
    this.counter += 1;
    const uri = vscode.Uri.from({
      scheme: REMOTE_SNAPSHOT_SCHEME,
      path: `/${identifier}.yaml`,
      query: `v=${this.counter}`,
    });
    this.snapshots.set(uri.toString(), yaml);
    // Keep memory bounded: drop the oldest snapshots beyond the limit.
    if (this.snapshots.size > MAX_SNAPSHOTS)
      this.snapshots.delete(this.snapshots.keys().next().value as string);
    return uri;
  }

  /** Opens a diff: remote (left, read-only) against the local document (right). */
  async showDiff(identifier: string, remoteYaml: string, local: vscode.Uri): Promise<void> {
    await vscode.commands.executeCommand(
      'vscode.diff',
      this.snapshot(identifier, remoteYaml),
      local,
      `${identifier}.yaml: Harness ↔ local`,
      { preview: true },
    );
  }
}
