// "Harness: Open Pipeline Graph to the Side": one graph panel per document (the command reveals
// an open one), each following its document: closing the document's last tab, the document or the
// panel disposes the panel. Watched runs (an optional ExecutionUpdateSource) are passed to the
// panels, and the latest run with a stage tree is kept per pipeline for panels opened later.
import * as vscode from 'vscode';
import type { ExecutionUpdate, ExecutionUpdateSource } from '../executions/updates';

/** Runs' updates, and (the execution pollers) a way to have their stage and step graph fetched. */
export interface GraphRunSource extends ExecutionUpdateSource {
  /** Fetch the stage/step graph of every run `rule` matches, from its first poll, while held. */
  wantWhere?(
    rule: (target: Pick<ExecutionUpdate, 'pipelineIdentifier' | 'scope'>) => boolean,
  ): vscode.Disposable;
}
import { mergeRun } from '../graph/runStatus';
import type { Log } from '../ui/log';
import { GraphPanel } from './graphPanel';

export const SHOW_GRAPH_COMMAND = 'harness.showPipelineGraph';

/** What the test exports show of a panel. */
export interface GraphPanelProbe {
  readonly uri: string;
  /** The HTML the panel last rendered into its webview. */
  readonly body: string;
  /** The webview's script has run and asked for the graph. */
  readonly ready: boolean;
}

export class GraphFeature implements vscode.Disposable {
  private readonly panels = new Map<string, GraphPanel>();
  /** By pipeline identifier: the latest update with a stage tree (an update without one keeps it). */
  private readonly runs = new Map<string, ExecutionUpdate>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
    updates?: GraphRunSource,
  ) {
    this.disposables = [
      vscode.commands.registerCommand(SHOW_GRAPH_COMMAND, (arg?: unknown) => this.show(arg)),
      vscode.window.tabGroups.onDidChangeTabs(() => this.closeOrphans()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closeIfGone(doc.uri)),
    ];
    if (updates) this.disposables.push(updates.onDidUpdate((u) => this.onRun(u)));
    // Runs of a pipeline on an open panel come with their stage and step graph (the nodes' colours).
    const want = updates?.wantWhere?.((t) => [...this.panels.values()].some((p) => p.shows(t)));
    if (want) this.disposables.push(want);
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    for (const d of this.disposables) d.dispose();
  }

  probe(): GraphPanelProbe[] {
    return [...this.panels.entries()].map(([uri, p]) => ({ uri, body: p.lastBody, ready: p.webviewReady }));
  }

  private async show(arg: unknown): Promise<void> {
    const doc =
      arg instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(arg)
        : vscode.window.activeTextEditor?.document;
    if (!doc) {
      void vscode.window.showInformationMessage('Harness: open a pipeline YAML file to see its graph.');
      return;
    }
    // The graph sits beside its YAML, and closes with the YAML's last tab.
    if (!vscode.window.visibleTextEditors.some((e) => e.document === doc))
      await vscode.window.showTextDocument(doc, { preview: false });
    const key = doc.uri.toString();
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return;
    }
    const panel = new GraphPanel(doc, this.extensionUri, this.log);
    this.panels.set(key, panel);
    // The panel keeps the one whose pipeline it shows.
    for (const run of this.runs.values()) panel.showRun(run);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
    });
  }

  private onRun(update: ExecutionUpdate): void {
    const merged = mergeRun(this.runs.get(update.pipelineIdentifier), update);
    this.runs.set(update.pipelineIdentifier, merged);
    for (const p of this.panels.values()) p.showRun(merged);
  }

  /** Panels whose document no longer has a tab (the user closed it). */
  private closeOrphans(): void {
    const shown = new Set<string>();
    for (const group of vscode.window.tabGroups.all)
      for (const tab of group.tabs) {
        const input = tab.input;
        if (input instanceof vscode.TabInputText) shown.add(input.uri.toString());
        else if (input instanceof vscode.TabInputTextDiff) shown.add(input.modified.toString());
      }
    for (const [key, panel] of [...this.panels]) if (!shown.has(key)) panel.dispose();
  }

  /**
   * A language change closes and reopens a document in one go: checked on the next turn, so
   * only a document that stays closed loses its panel.
   */
  private closeIfGone(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.panels.has(key)) return;
    setTimeout(() => {
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key))
        this.panels.get(key)?.dispose();
    }, 0);
  }
}
