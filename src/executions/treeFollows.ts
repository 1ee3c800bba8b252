// Which runs the tree keeps polling: the running rows of an expanded Executions folder while the
// view is visible, and the stage/step graph of those whose row is expanded. Everything else is
// let go, so a hidden view or a collapsed folder costs no requests. vscode-free: the tree
// feature reports view visibility and expand/collapse, the provider which rows a folder shows.
import type { ExecutionSummary } from '../api/types';
import type { ExecutionRowNode, ExecutionsFolderNode } from '../tree/nodes';
import { isLive } from './format';
import type { Disposable, Follow, FollowOptions, PollTarget } from './pollers';

export interface FollowHub {
  follow(target: PollTarget, options?: FollowOptions): Follow;
  want(planExecutionId: string): Disposable;
}

interface Row {
  folderId: string;
  target: PollTarget;
  summary: ExecutionSummary;
}

export class TreeFollows implements Disposable {
  private visible = true;
  private readonly rows = new Map<string, Row>();
  private readonly expandedFolders = new Set<string>();
  private readonly expandedRows = new Set<string>();
  private readonly follows = new Map<string, Follow>();
  private readonly wants = new Map<string, Disposable>();
  /** Runs whose poller gave up (error, deadline): not followed again until their folder reloads. */
  private readonly stopped = new Set<string>();

  constructor(
    private readonly hub: FollowHub,
    /** The poll target of a row (its account's API client), or undefined when signed out. */
    private readonly targetOf: (row: ExecutionRowNode) => PollTarget | undefined,
  ) {}

  /** A folder's rows were rendered: the folder is expanded, and these are the runs it shows. */
  shown(folder: ExecutionsFolderNode, rows: readonly ExecutionRowNode[]): void {
    this.expandedFolders.add(folder.id);
    for (const [id, row] of this.rows) if (row.folderId === folder.id) this.rows.delete(id);
    for (const row of rows) {
      this.stopped.delete(row.summary.planExecutionId);
      const target = this.targetOf(row);
      if (target)
        this.rows.set(row.summary.planExecutionId, { folderId: folder.id, target, summary: row.summary });
    }
    this.reconcile();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.reconcile();
  }

  expanded(node: { kind: string; id: string; summary?: ExecutionSummary }): void {
    if (node.kind === 'executions') this.expandedFolders.add(node.id);
    else if (node.kind === 'execution' && node.summary) this.expandedRows.add(node.summary.planExecutionId);
    this.reconcile();
  }

  collapsed(node: { kind: string; id: string; summary?: ExecutionSummary }): void {
    if (node.kind === 'executions') this.expandedFolders.delete(node.id);
    else if (node.kind === 'execution' && node.summary)
      this.expandedRows.delete(node.summary.planExecutionId);
    this.reconcile();
  }

  /** A run's latest status (from the poller): a row that stopped running is let go. */
  updated(planExecutionId: string, summary: ExecutionSummary): void {
    const row = this.rows.get(planExecutionId);
    if (!row) return;
    row.summary = summary;
    this.reconcile();
  }

  /** Forgets everything (signed out, another account). */
  clear(): void {
    this.rows.clear();
    this.expandedFolders.clear();
    this.expandedRows.clear();
    this.stopped.clear();
    this.reconcile();
  }

  /** The runs followed now (for tests and the log). */
  followed(): string[] {
    return [...this.follows.keys()];
  }

  wanted(): string[] {
    return [...this.wants.keys()];
  }

  dispose(): void {
    this.clear();
  }

  private reconcile(): void {
    const follow = new Set<string>();
    for (const [id, row] of this.rows) {
      if (
        this.visible &&
        this.expandedFolders.has(row.folderId) &&
        isLive(row.summary.status) &&
        !this.stopped.has(id)
      )
        follow.add(id);
    }
    for (const [id, f] of this.follows) {
      if (follow.has(id)) continue;
      f.dispose();
      this.follows.delete(id);
    }
    for (const id of follow) {
      if (this.follows.has(id)) continue;
      const f = this.hub.follow(this.rows.get(id)!.target);
      this.follows.set(id, f);
      // The poller ended on its own (final or unknown status, deadline): forget the follow.
      void f.ended.then((end) => {
        if (this.follows.get(id) !== f) return;
        this.follows.delete(id);
        if (end.reason !== 'released') this.stopped.add(id);
        this.reconcile();
      });
    }
    for (const [id, w] of this.wants) {
      if (this.follows.has(id) && this.expandedRows.has(id)) continue;
      w.dispose();
      this.wants.delete(id);
    }
    for (const id of this.follows.keys()) {
      if (this.expandedRows.has(id) && !this.wants.has(id)) this.wants.set(id, this.hub.want(id));
    }
  }
}
