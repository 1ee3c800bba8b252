// Follows a pipeline execution until it ends: status bar item with the live status, the
// pipeline node's last-execution status, and a final notification with a link. The polling
// itself (polite delays, focus pause, backoff, deadline) is the shared per-execution poller's
// (src/executions/pollers.ts), so the tree showing the same run does not poll it again.
// It always ends: at a final status Harness documents, at a status it does not know (with a
// message naming it), or at an overall deadline.
import * as vscode from 'vscode';
import { executionStatusInfo, type ExecutionSummary, type HarnessApi, type ProjectScope } from '../api/types';
import { WATCH_DEADLINE_MS, type ExecutionPollers } from '../executions/pollers';
import type { PipelineNode } from '../tree/nodes';
import type { Log } from '../ui/log';
import type { TreeAccess } from '../tree/access';
import { pipelinesFolder } from './context';
import { executionLink } from './deepLinks';

export { WATCH_DEADLINE_MS };

export interface WatchRequest {
  api: HarnessApi;
  baseUrl: string;
  accountId: string;
  scope: ProjectScope;
  pipelineIdentifier: string;
  planExecutionId: string;
  node?: PipelineNode;
  /** Keep polling when the window is not focused (someone awaits the result). */
  ignoreFocus?: boolean;
  /** Stop watching after this long (default 12 h); the run itself goes on in Harness. */
  deadlineMs?: number;
}

/** A final status Harness documents (Success, Failed, Aborted, …, in any spelling). */
export function isTerminal(status: string): boolean {
  return executionStatusInfo(status).final;
}

function statusIcon(status: string): string {
  switch (executionStatusInfo(status).group) {
    case 'success':
      return '$(pass)';
    case 'failed':
      return '$(error)';
    case 'aborted':
    case 'skipped':
      return '$(circle-slash)';
    case 'waiting':
      return '$(watch)';
    case 'running':
      return '$(sync~spin)';
    default:
      return '$(question)';
  }
}

function hours(ms: number): string {
  const h = ms / 3_600_000;
  return h >= 1 ? `${Math.round(h * 10) / 10} h` : `${Math.round(ms / 60_000)} min`;
}

export class ExecutionWatcher implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'harness.execution',
    vscode.StatusBarAlignment.Left,
    90,
  );
  private disposed = false;
  private readonly active = new Map<string, ExecutionSummary | undefined>();
  private readonly follows = new Set<vscode.Disposable>();

  constructor(
    private readonly tree: TreeAccess,
    private readonly log: Log,
    private readonly pollers: ExecutionPollers,
  ) {
    this.item.name = 'Harness Execution';
  }

  dispose(): void {
    this.disposed = true;
    for (const f of [...this.follows]) f.dispose();
    this.item.dispose();
  }

  /**
   * Resolves with the final summary; with the last summary when Harness reported a status this
   * extension does not know (watching stops there); undefined if watching stopped otherwise
   * (error, deadline, disposed).
   */
  async watch(req: WatchRequest): Promise<ExecutionSummary | undefined> {
    const url = executionLink(
      req.baseUrl,
      req.accountId,
      req.scope.orgIdentifier,
      req.scope.projectIdentifier,
      req.pipelineIdentifier,
      req.planExecutionId,
    );
    if (this.disposed) return undefined;
    this.active.set(req.planExecutionId, undefined);
    this.show(
      req,
      { status: 'Running', planExecutionId: req.planExecutionId, pipelineIdentifier: req.pipelineIdentifier },
      url,
    );
    const updates = this.pollers.onDidUpdate((u) => {
      if (u.planExecutionId === req.planExecutionId && !this.disposed) this.show(req, u.summary, url);
    });
    const follow = this.pollers.follow(
      {
        api: req.api,
        accountId: req.accountId,
        scope: req.scope,
        pipelineIdentifier: req.pipelineIdentifier,
        planExecutionId: req.planExecutionId,
      },
      { ignoreFocus: req.ignoreFocus === true, deadlineMs: req.deadlineMs ?? WATCH_DEADLINE_MS },
    );
    this.follows.add(follow);
    try {
      const end = await follow.ended;
      if (this.disposed) return undefined;
      switch (end.reason) {
        case 'final':
          this.finish(req, end.summary, url);
          return end.summary;
        case 'unknownStatus': {
          // A status Harness has not documented: it may be final, so polling could go on forever.
          const raw = end.summary.rawStatus ?? end.summary.status;
          this.log.warn(
            `Execution ${req.planExecutionId} of ${req.pipelineIdentifier} reported status "${raw}", which this extension does not know; stopped watching.`,
          );
          this.stop(
            url,
            `the execution of ${req.pipelineIdentifier} reported status "${raw}", which this extension does not know; stopped watching it. Open it in Harness to follow it.`,
          );
          return end.summary;
        }
        case 'deadline':
          this.stop(
            url,
            `stopped watching the execution of ${req.pipelineIdentifier} after ${hours(end.deadlineMs)}${end.summary ? `; it was still ${end.summary.status}` : ''}.`,
          );
          return undefined;
        case 'error':
          this.log.warn(
            `Stopped watching execution ${req.planExecutionId}: ${end.error instanceof Error ? end.error.message : String(end.error)}`,
          );
          this.stop(url, `stopped watching the execution of ${req.pipelineIdentifier}.`, false);
          return undefined;
        case 'released':
          return undefined;
      }
    } finally {
      updates.dispose();
      follow.dispose();
      this.follows.delete(follow);
      this.active.delete(req.planExecutionId);
    }
  }

  private show(
    req: WatchRequest,
    summary: Pick<ExecutionSummary, 'status'> & Partial<ExecutionSummary>,
    url: string,
  ): void {
    const stages =
      summary.totalStagesCount !== undefined
        ? ` (${summary.successfulStagesCount ?? 0}/${summary.totalStagesCount} stages)`
        : '';
    this.item.text = `${statusIcon(summary.status)} ${req.pipelineIdentifier}: ${summary.status}${stages}`;
    this.item.tooltip = `Harness execution ${req.planExecutionId} in ${req.scope.orgIdentifier}/${req.scope.projectIdentifier}. Click to open it in Harness.`;
    this.item.command = { title: 'Open in Harness', command: 'harness.openInBrowser', arguments: [{ url }] };
    this.item.show();
    if (req.node) {
      req.node.pipeline.executionSummaryInfo = {
        ...req.node.pipeline.executionSummaryInfo,
        lastExecutionStatus: summary.status,
        lastExecutionId: req.planExecutionId,
        lastExecutionTs: summary.startTs ?? Date.now(),
      };
      this.tree.repaint(req.node);
    }
  }

  /** Ends a watch that did not reach a final status: a warning with a link to the execution. */
  private stop(url: string, text: string, hideLater = true): void {
    void vscode.window.showWarningMessage(`Harness: ${text}`, 'Open in Harness').then((c) => {
      if (c) void vscode.env.openExternal(vscode.Uri.parse(url));
    });
    if (!hideLater) return;
    setTimeout(() => {
      if (!this.disposed && this.active.size === 0) this.item.hide();
    }, 30000);
  }

  private finish(req: WatchRequest, summary: ExecutionSummary, url: string): void {
    const message = `Harness: ${req.pipelineIdentifier} finished: ${summary.status}${summary.executionErrorInfo?.message ? ` (${summary.executionErrorInfo.message})` : ''}.`;
    const show =
      summary.status === 'Success' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(message, 'Open Execution').then((c) => {
      if (c) void vscode.env.openExternal(vscode.Uri.parse(url));
    });
    // Without a node to repaint, refetch the pipelines list so its last-execution icon is current.
    if (!req.node) this.tree.refresh(pipelinesFolder(req.scope));
    // Leave the final status visible for a while, unless another execution is being watched.
    setTimeout(() => {
      if (!this.disposed && this.active.size === 0) this.item.hide();
    }, 30000);
  }
}
