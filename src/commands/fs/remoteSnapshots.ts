// Read-only `harness-remote:` documents holding a copy of a remote pipeline's YAML, shown on
// the left of a diff before overwriting it. Content lives in memory until the window closes.
import * as vscode from 'vscode';

export const REMOTE_SNAPSHOT_SCHEME = 'harness-remote';

const snapshots = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();
let counter = 0;

export function registerRemoteSnapshots(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(REMOTE_SNAPSHOT_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => snapshots.get(uri.toString()) ?? '',
    }),
  );
}

/** Stores `yaml` and returns the URI of a read-only document showing it (named like the pipeline). */
export function remoteSnapshot(identifier: string, yaml: string): vscode.Uri {
  counter += 1;
  const uri = vscode.Uri.from({
    scheme: REMOTE_SNAPSHOT_SCHEME,
    path: `/${identifier}.yaml`,
    query: `v=${counter}`,
  });
  snapshots.set(uri.toString(), yaml);
  // Keep memory bounded: drop the oldest snapshots beyond 50.
  if (snapshots.size > 50) snapshots.delete(snapshots.keys().next().value as string);
  return uri;
}

/** Opens a diff: remote (left, read-only) against the local document (right). */
export async function showRemoteDiff(
  identifier: string,
  remoteYaml: string,
  local: vscode.Uri,
): Promise<void> {
  await vscode.commands.executeCommand(
    'vscode.diff',
    remoteSnapshot(identifier, remoteYaml),
    local,
    `${identifier}.yaml: Harness ↔ local`,
    { preview: true },
  );
}
