// Follows a pipeline execution until it ends: status bar item with the live status, the
// pipeline node's last-execution status, and a final notification with a link. Polls politely:
// starts at 2 s, slows to 15 s for long runs, and pauses while the window is not focused
// (unless a caller is awaiting the result). Transient errors (429, 5xx, network) back off.
// It always ends: at a final status Harness documents, at a status it does not know (with a
// message naming it), or at an overall deadline.
import * as vscode from 'vscode';
import { executionStatusInfo, type ExecutionSummary, type HarnessApi, type ProjectScope } from '../api/types';
import type { PipelineNode } from '../tree/nodes';
import type { Log } from '../ui/log';
import type { TreeAccess } from '../tree/access';
import { isTransient } from '../ui/errorText';
import { pipelinesFolder } from './context';
import { executionLink } from './deepLinks';

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

const FIRST_DELAY_MS = 2000;
const MAX_DELAY_MS = 15000;
/** Overall bound of one watch: approvals can wait for days, the status bar should not. */
export const WATCH_DEADLINE_MS = 12 * 60 * 60 * 1000;

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

  constructor(
    private readonly tree: TreeAccess,
    private readonly log: Log,
  ) {
    this.item.name = 'Harness Execution';
  }

  private readonly wakers = new Set<() => void>();

  dispose(): void {
    this.disposed = true;
    for (const wake of this.wakers) wake();
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
    this.active.set(req.planExecutionId, undefined);
    this.show(
      req,
      { status: 'Running', planExecutionId: req.planExecutionId, pipelineIdentifier: req.pipelineIdentifier },
      url,
    );
    let delay = FIRST_DELAY_MS;
    let failures = 0;
    const deadlineMs = req.deadlineMs ?? WATCH_DEADLINE_MS;
    const deadline = Date.now() + deadlineMs;
    let last: ExecutionSummary | undefined;
    try {
      while (!this.disposed) {
        await this.pause(Math.max(0, Math.min(delay, deadline - Date.now())), req.ignoreFocus === true);
        if (this.disposed) return undefined;
        if (Date.now() >= deadline) {
          this.stop(
            url,
            `stopped watching the execution of ${req.pipelineIdentifier} after ${hours(deadlineMs)}${last ? `; it was still ${last.status}` : ''}.`,
          );
          return undefined;
        }
        let summary: ExecutionSummary;
        try {
          summary = await req.api.getExecution(req.scope, req.planExecutionId);
          failures = 0;
        } catch (err) {
          if (isTransient(err)) {
            failures += 1;
            delay = Math.min(MAX_DELAY_MS, delay * 2);
            if (failures < 8) continue;
          }
          this.log.warn(
            `Stopped watching execution ${req.planExecutionId}: ${err instanceof Error ? err.message : String(err)}`,
          );
          this.stop(url, `stopped watching the execution of ${req.pipelineIdentifier}.`, false);
          return undefined;
        }
        last = summary;
        this.show(req, summary, url);
        const info = executionStatusInfo(summary.status);
        if (info.final) {
          this.finish(req, summary, url);
          return summary;
        }
        if (!info.known) {
          // A status Harness has not documented: it may be final, so polling could go on forever.
          const raw = summary.rawStatus ?? summary.status;
          this.log.warn(
            `Execution ${req.planExecutionId} of ${req.pipelineIdentifier} reported status "${raw}", which this extension does not know; stopped watching.`,
          );
          this.stop(
            url,
            `the execution of ${req.pipelineIdentifier} reported status "${raw}", which this extension does not know; stopped watching it. Open it in Harness to follow it.`,
          );
          return summary;
        }
        delay = Math.min(MAX_DELAY_MS, Math.round(delay * 1.3));
      }
      return undefined;
    } finally {
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

  /** Waits `ms`, then, unless told otherwise, until the window has focus. */
  private async pause(ms: number, ignoreFocus: boolean): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (ignoreFocus || vscode.window.state.focused || this.disposed) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        sub.dispose();
        this.wakers.delete(done);
        resolve();
      };
      const sub = vscode.window.onDidChangeWindowState((s) => {
        if (s.focused) done();
      });
      this.wakers.add(done);
    });
  }
}
