// Input sets in the tree: their YAML as read-only documents (`harness-inputset:`, fetched with
// getInputSet when VS Code opens one), `harness.openInputSet` (the row's click and inline action)
// and `harness.runWithInputSet` (Run Pipeline with the row's input set; what it leaves open is
// still asked for). The rows themselves are built by the tree (src/inputSets/rows.ts).
import * as vscode from 'vscode';
import type { CommandEnv } from '../commands/context';
import {
  failed,
  isCancelled,
  isOptions,
  isTreeNode,
  str,
  withCancellableProgress,
  type CommandResult,
} from '../commands/invocation';
import { OPEN_INPUT_SET_COMMAND } from '../inputSets/rows';
import { INPUT_SET_SCHEME, inputSetPath, parseInputSetPath, type InputSetLocation } from '../inputSets/uri';

export const RUN_WITH_INPUT_SET_COMMAND = 'harness.runWithInputSet';

export class InputSetsFeature implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly disposables: vscode.Disposable[];
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  /**
   * YAML fetched by `open` (where a failure is reported with its kind: 403, 401…), served to
   * the document by the provider; dropped when the document closes.
   */
  private readonly fetched = new Map<string, string>();

  constructor(private readonly env: CommandEnv) {
    this.disposables = [
      this.changes,
      vscode.workspace.onDidCloseTextDocument((doc) => this.fetched.delete(doc.uri.toString())),
      vscode.workspace.registerTextDocumentContentProvider(INPUT_SET_SCHEME, this),
      vscode.commands.registerCommand(OPEN_INPUT_SET_COMMAND, (arg?: unknown) => this.open(arg)),
      // Run Pipeline accepts an input set row: the pipeline is its grandparent, the input set preselected.
      vscode.commands.registerCommand(RUN_WITH_INPUT_SET_COMMAND, (arg?: unknown) =>
        isTreeNode(arg) && arg.kind === 'inputSet'
          ? vscode.commands.executeCommand('harness.runPipeline', arg)
          : { status: 'refused', reason: 'choose an input set in the Harness view' },
      ),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** The input set's YAML as Harness stores it (`inputSetYaml`), read from the account it was opened with. */
  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const known = this.fetched.get(uri.toString());
    if (known !== undefined) return known;
    // A document VS Code restored (or opened by URI) without `open`: fetched here.
    const loc = parseInputSetPath(uri.path);
    if (!loc) throw new Error(`Not an input set document: ${uri.toString()}`);
    const account = await this.env.activeAccount(false);
    if (!account || account.accountId !== loc.accountId)
      throw new Error('Sign in to the Harness account this input set belongs to, then open it again.');
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort());
    try {
      const set = await account.api.getInputSet(
        { orgIdentifier: loc.orgIdentifier, projectIdentifier: loc.projectIdentifier },
        loc.pipelineIdentifier,
        loc.identifier,
        { signal: controller.signal },
      );
      return set.inputSetYaml;
    } finally {
      sub.dispose();
    }
  }

  /** `harness.openInputSet(node | {org, project, pipeline, identifier})`: opens the YAML read-only. */
  private async open(arg?: unknown): Promise<CommandResult<{ uri: string }>> {
    const interactive = !isOptions(arg);
    const account = await this.env.activeAccount(interactive);
    if (!account) return { status: 'refused', reason: 'not signed in to Harness' };
    let loc: InputSetLocation | undefined;
    if (isTreeNode(arg) && arg.kind === 'inputSet') {
      loc = {
        accountId: account.accountId,
        ...arg.scope,
        pipelineIdentifier: arg.pipelineIdentifier,
        identifier: arg.inputSet.identifier,
      };
    } else if (isOptions(arg)) {
      const [org, project, pipeline, identifier] = [arg.org, arg.project, arg.pipeline, arg.identifier].map(
        str,
      );
      if (org && project && pipeline && identifier)
        loc = {
          accountId: account.accountId,
          orgIdentifier: org,
          projectIdentifier: project,
          pipelineIdentifier: pipeline,
          identifier,
        };
    }
    if (!loc) return { status: 'refused', reason: 'choose an input set in the Harness view' };
    const uri = vscode.Uri.from({ scheme: INPUT_SET_SCHEME, path: inputSetPath(loc) });
    const scope = { orgIdentifier: loc.orgIdentifier, projectIdentifier: loc.projectIdentifier };
    const { pipelineIdentifier, identifier } = loc;
    try {
      const set = await withCancellableProgress(`Reading input set ${identifier}…`, (signal) =>
        account.api.getInputSet(scope, pipelineIdentifier, identifier, { signal }),
      );
      const key = uri.toString();
      const shown = this.fetched.get(key);
      this.fetched.set(key, set.inputSetYaml);
      // Already open: show what Harness has now.
      if (shown !== undefined && shown !== set.inputSetYaml) this.changes.fire(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true });
      return { status: 'ok', uri: uri.toString() };
    } catch (err) {
      if (isCancelled(err)) return { status: 'cancelled' };
      this.env.reportError(err, `open input set ${loc.identifier}`);
      return failed(err);
    }
  }
}
