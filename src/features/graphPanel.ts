// One pipeline graph webview beside one document: rebuilds the graph as the text changes
// (debounced), marks the document's Harness diagnostics and the watched run, and reveals a node's
// YAML when the webview asks. The graph, marks and HTML come from the pure modules in src/graph.
import * as vscode from 'vscode';
import type { ExecutionUpdate } from '../executions/updates';
import { OPEN_STEP_LOG_COMMAND } from '../executions/stepLogTarget';
import { buildGraph, findNode, type PipelineGraph } from '../graph/model';
import { markProblems, type GraphProblem, type ProblemSeverity } from '../graph/problems';
import { makeNonce, renderGraphBody, renderGraphDocument } from '../graph/render';
import { markRun, runMatchesGraph } from '../graph/runStatus';
import type { Log } from '../ui/log';

/** How long typing pauses before the graph is rebuilt. */
export const GRAPH_DEBOUNCE_MS = 250;
export const GRAPH_VIEW_TYPE = 'harness.pipelineGraph';

type FromWebview = { type: 'ready' } | { type: 'reveal'; id: string } | { type: 'openLog'; id: string };

function isMessage(m: unknown): m is FromWebview {
  if (typeof m !== 'object' || m === null) return false;
  const { type, id } = m as { type?: unknown; id?: unknown };
  return type === 'ready' || ((type === 'reveal' || type === 'openLog') && typeof id === 'string');
}

const SEVERITY: Record<vscode.DiagnosticSeverity, ProblemSeverity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'info',
};

export class GraphPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private graph: PipelineGraph;
  private graphVersion: number;
  private graphOf: vscode.TextDocument;
  private run: ExecutionUpdate | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private isDisposed = false;
  /** How long the last graph build took. */
  private buildMs = 0;
  /** What the webview was last sent (tests read it through the extension's test exports). */
  lastBody = '';
  /** The page's script ran (the CSP let it load) and asked for the graph. */
  webviewReady = false;
  /** The document this panel follows (see `document`). */
  private opened: vscode.TextDocument;

  constructor(
    document: vscode.TextDocument,
    extensionUri: vscode.Uri,
    private readonly log: Log,
  ) {
    this.opened = document;
    this.graph = buildGraph(document.getText());
    this.graphVersion = document.version;
    this.graphOf = document;
    const media = vscode.Uri.joinPath(extensionUri, 'media', 'graph');
    this.panel = vscode.window.createWebviewPanel(
      GRAPH_VIEW_TYPE,
      this.title(),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [media] },
    );
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'harness.svg');
    const webview = this.panel.webview;
    this.lastBody = this.body();
    webview.html = renderGraphDocument({
      nonce: makeNonce(),
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'graph.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'graph.js')).toString(),
      title: this.title(),
      body: this.lastBody,
    });
    this.disposables.push(
      this.disposed,
      this.panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.opened.uri.toString()) this.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const key = this.opened.uri.toString();
        if (e.uris.some((u) => u.toString() === key)) this.schedule();
      }),
    );
  }

  /**
   * The document as VS Code has it now: a language change closes and reopens it as a new
   * object under the same URI.
   */
  private get document(): vscode.TextDocument {
    const key = this.opened.uri.toString();
    if (this.opened.isClosed)
      this.opened = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key) ?? this.opened;
    return this.opened;
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /** Whether a run of `target`'s pipeline and project would show on this graph. */
  shows(target: Pick<ExecutionUpdate, 'pipelineIdentifier' | 'scope'>): boolean {
    return runMatchesGraph(target, this.graph);
  }

  /** A watched run's update: shown when it is this pipeline's. */
  showRun(update: ExecutionUpdate): void {
    if (!runMatchesGraph(update, this.graph)) return;
    this.run = update;
    this.schedule();
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    clearTimeout(this.timer);
    this.disposed.fire();
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private title(): string {
    const path = this.document.uri.path;
    return `Graph: ${path.slice(path.lastIndexOf('/') + 1)}`;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    // A large document waits longer, so typing is not interrupted by one parse after another.
    this.timer = setTimeout(() => this.update(), Math.max(GRAPH_DEBOUNCE_MS, 2 * this.buildMs));
  }

  /** The graph of the document as it is now (rebuilt only when the text changed). */
  private current(): PipelineGraph {
    if (this.document.version !== this.graphVersion || this.document !== this.graphOf) {
      this.graphOf = this.document;
      const started = Date.now();
      this.graph = buildGraph(this.document.getText());
      this.buildMs = Date.now() - started;
      this.graphVersion = this.document.version;
    }
    return this.graph;
  }

  private body(): string {
    const graph = this.current();
    const problems: GraphProblem[] = vscode.languages
      .getDiagnostics(this.document.uri)
      .filter((d) => d.source === 'harness')
      .map((d) => ({
        offset: this.document.offsetAt(d.range.start),
        severity: SEVERITY[d.severity],
        message: d.message,
      }));
    const run = this.run && runMatchesGraph(this.run, graph) ? markRun(graph, this.run) : undefined;
    return renderGraphBody({ graph, problems: markProblems(graph, problems), ...(run ? { run } : {}) });
  }

  private update(): void {
    if (this.isDisposed) return;
    this.lastBody = this.body();
    void this.panel.webview.postMessage({ type: 'render', html: this.lastBody });
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isMessage(m)) return;
    if (m.type === 'ready') {
      this.webviewReady = true;
      return this.update();
    }
    const node = findNode(this.current(), m.id);
    if (!node) return;
    if (m.type === 'reveal') {
      const range = new vscode.Range(
        this.document.positionAt(node.range.start),
        this.document.positionAt(node.range.end),
      );
      const shown = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
      const editor = await vscode.window.showTextDocument(this.document, {
        viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
        selection: range,
      });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return;
    }
    const target = this.run ? markRun(this.current(), this.run).byNode.get(node.id)?.log : undefined;
    if (!target) return;
    try {
      await vscode.commands.executeCommand(OPEN_STEP_LOG_COMMAND, target);
    } catch (err) {
      this.log.warn(
        `Could not open the log of ${target.stepIdentifier}: ${err instanceof Error ? err.message : String(err)}`,
      );
      void vscode.window.showWarningMessage(`Harness: could not open the log of step "${target.stepName}".`);
    }
  }
}
