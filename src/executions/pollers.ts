// One poller per execution, shared by everyone who follows it: the status-bar watcher, the
// tree's running rows, the pipeline graph. Each follower holds a Follow; the poller runs while
// at least one is held and fetches the stage/step graph only while someone `want`s it. Polling
// stays polite: 2 s at first, slower (×1.3, at most 15 s) as a run goes on, doubled after a
// transient error (429, 5xx, network), paused while the window is not focused (unless a
// follower awaits the result), and bounded by a deadline. It ends at a final status Harness
// documents, at a status it does not know (it may be final: polling could go on forever), at the
// deadline, or at an error that is not transient. vscode-free: the clock and window focus are
// injected, so the sharing and the backoff are unit tested with a fake clock.
import type * as vscode from 'vscode';
import type { Clock } from '../api/clock';
import { systemClock } from '../api/clock';
import { executionStatusInfo, type ExecutionSummary, type HarnessApi, type ProjectScope } from '../api/types';
import { isTransient } from '../ui/errorText';
import type { ExecutionUpdate, ExecutionUpdateSource } from './updates';

export const FIRST_DELAY_MS = 2000;
export const MAX_DELAY_MS = 15000;
/** Overall bound of one watch: approvals can wait for days, polling should not. */
export const WATCH_DEADLINE_MS = 12 * 60 * 60 * 1000;
/** Transient failures in a row after which polling gives up. */
export const MAX_TRANSIENT_FAILURES = 8;
/** How many executions' last updates are kept for `latest` (oldest dropped first). */
const LATEST_KEPT = 100;

export interface PollTarget {
  api: HarnessApi;
  accountId: string;
  scope: ProjectScope;
  pipelineIdentifier: string;
  planExecutionId: string;
}

export interface FollowOptions {
  /** Keep polling while the window is not focused (the follower awaits the result). */
  ignoreFocus?: boolean;
  /** Stop after this long from now (default WATCH_DEADLINE_MS); the run goes on in Harness. */
  deadlineMs?: number;
}

/** Why a poller stopped, as each of its followers is told. */
export type PollEnd =
  | { reason: 'final'; summary: ExecutionSummary }
  | { reason: 'unknownStatus'; summary: ExecutionSummary }
  | { reason: 'deadline'; deadlineMs: number; summary?: ExecutionSummary }
  | { reason: 'error'; error: unknown; summary?: ExecutionSummary }
  /** The follower let go (or the hub was disposed) before the run ended. */
  | { reason: 'released' };

export interface Follow {
  /** Resolves once, when the poller ends or this follower lets go. */
  readonly ended: Promise<PollEnd>;
  dispose(): void;
}

export interface Disposable {
  dispose(): void;
}

/** Whether the window has focus, and a way to hear when it gets it back. */
export interface FocusSource {
  focused(): boolean;
  onDidFocus(listener: () => void): Disposable;
}

export const ALWAYS_FOCUSED: FocusSource = { focused: () => true, onDidFocus: () => ({ dispose() {} }) };

interface Follower {
  ignoreFocus: boolean;
  deadline: number;
  deadlineMs: number;
  finish: (end: PollEnd) => void;
}

interface Poller {
  target: PollTarget;
  followers: Set<Follower>;
  /** Aborted to cut the current wait short (a new want, a focused follower, the last one leaving). */
  wake?: () => void;
  last?: ExecutionSummary;
  stopped: boolean;
}

export class ExecutionPollers implements ExecutionUpdateSource, Disposable {
  private readonly pollers = new Map<string, Poller>();
  private readonly wants = new Map<string, number>();
  /** Rules asking for the graph of every run they match (a pipeline shown in a graph panel). */
  private readonly wantRules = new Set<(target: PollTarget) => boolean>();
  private readonly latestUpdates = new Map<string, ExecutionUpdate>();
  private readonly listeners = new Set<(u: ExecutionUpdate) => void>();
  private disposed = false;

  constructor(
    private readonly focus: FocusSource = ALWAYS_FOCUSED,
    private readonly clock: Clock = systemClock,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  readonly onDidUpdate: vscode.Event<ExecutionUpdate> = (listener, thisArg, disposables) => {
    const bound = (u: ExecutionUpdate) => listener.call(thisArg, u);
    this.listeners.add(bound);
    const d = { dispose: () => this.listeners.delete(bound) };
    if (Array.isArray(disposables)) disposables.push(d);
    return d;
  };

  /** Follows `target` (starting its poller unless one runs); dispose to let go. */
  follow(target: PollTarget, options: FollowOptions = {}): Follow {
    const deadlineMs = options.deadlineMs ?? WATCH_DEADLINE_MS;
    let finish!: (end: PollEnd) => void;
    const ended = new Promise<PollEnd>((resolve) => (finish = resolve));
    if (this.disposed) {
      finish({ reason: 'released' });
      return { ended, dispose() {} };
    }
    let poller = this.pollers.get(target.planExecutionId);
    const start = !poller;
    if (!poller) {
      poller = { target, followers: new Set(), stopped: false };
      this.pollers.set(target.planExecutionId, poller);
    }
    let done = false;
    const follower: Follower = {
      ignoreFocus: options.ignoreFocus === true,
      deadline: this.clock.now() + deadlineMs,
      deadlineMs,
      finish: (end) => {
        if (done) return;
        done = true;
        finish(end);
      },
    };
    poller.followers.add(follower);
    const own = poller;
    if (start) void this.run(own);
    else if (follower.ignoreFocus) own.wake?.();
    return {
      ended,
      dispose: () => {
        if (!own.followers.delete(follower)) return;
        follower.finish({ reason: 'released' });
        if (own.followers.size === 0) own.wake?.();
      },
    };
  }

  /** Asks for the stage/step graph of an execution with its next polls; dispose when no longer shown. */
  want(planExecutionId: string): Disposable {
    this.wants.set(planExecutionId, (this.wants.get(planExecutionId) ?? 0) + 1);
    // Fetch the graph now rather than after a long wait.
    this.pollers.get(planExecutionId)?.wake?.();
    let released = false;
    return {
      dispose: () => {
        if (released) return;
        released = true;
        const n = (this.wants.get(planExecutionId) ?? 1) - 1;
        if (n <= 0) this.wants.delete(planExecutionId);
        else this.wants.set(planExecutionId, n);
      },
    };
  }

  /**
   * Asks for the stage/step graph of every run `rule` matches, from its first poll: a run that
   * ends before anyone could `want` it (a short one) still brings its graph. Dispose to stop.
   */
  wantWhere(rule: (target: PollTarget) => boolean): Disposable {
    this.wantRules.add(rule);
    return { dispose: () => void this.wantRules.delete(rule) };
  }

  isWanted(planExecutionId: string): boolean {
    return (this.wants.get(planExecutionId) ?? 0) > 0;
  }

  private wantsDetail(target: PollTarget): boolean {
    if (this.isWanted(target.planExecutionId)) return true;
    for (const rule of this.wantRules) if (rule(target)) return true;
    return false;
  }

  /** Whether a poller runs for this execution. */
  isPolling(planExecutionId: string): boolean {
    return this.pollers.has(planExecutionId);
  }

  /** The last update of an execution polled in this session. */
  latest(planExecutionId: string): ExecutionUpdate | undefined {
    return this.latestUpdates.get(planExecutionId);
  }

  dispose(): void {
    this.disposed = true;
    for (const p of this.pollers.values()) this.end(p, { reason: 'released' });
    this.listeners.clear();
  }

  private end(p: Poller, end: PollEnd): void {
    if (p.stopped) return;
    p.stopped = true;
    p.wake?.();
    if (this.pollers.get(p.target.planExecutionId) === p) this.pollers.delete(p.target.planExecutionId);
    for (const f of p.followers) f.finish(end);
    p.followers.clear();
  }

  private emit(
    p: Poller,
    summary: ExecutionSummary,
    detail: ExecutionUpdate['detail'],
    ended: boolean,
  ): void {
    const { target } = p;
    const update: ExecutionUpdate = {
      accountId: target.accountId,
      scope: target.scope,
      pipelineIdentifier: target.pipelineIdentifier,
      planExecutionId: target.planExecutionId,
      summary,
      ...(detail ? { detail } : {}),
      ended,
    };
    this.latestUpdates.delete(target.planExecutionId);
    this.latestUpdates.set(target.planExecutionId, update);
    if (this.latestUpdates.size > LATEST_KEPT) {
      const oldest = this.latestUpdates.keys().next().value;
      if (oldest !== undefined) this.latestUpdates.delete(oldest);
    }
    for (const l of [...this.listeners]) {
      try {
        l(update);
      } catch (err) {
        this.warn(`An execution update listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /** Waits `ms` (cut short by wake), then until the window has focus unless a follower ignores it. */
  private async pause(p: Poller, ms: number): Promise<void> {
    const controller = new AbortController();
    p.wake = () => controller.abort();
    try {
      await this.clock.sleep(ms, controller.signal).catch(() => undefined);
      if (controller.signal.aborted || p.stopped || p.followers.size === 0) return;
      if ([...p.followers].some((f) => f.ignoreFocus) || this.focus.focused()) return;
      await new Promise<void>((resolve) => {
        const sub = this.focus.onDidFocus(() => done());
        const done = () => {
          sub.dispose();
          resolve();
        };
        p.wake = done;
      });
    } finally {
      p.wake = undefined;
    }
  }

  private async run(p: Poller): Promise<void> {
    const { target } = p;
    let delay = FIRST_DELAY_MS;
    let failures = 0;
    while (!p.stopped) {
      const deadline = Math.max(...[...p.followers].map((f) => f.deadline));
      await this.pause(p, Math.max(0, Math.min(delay, deadline - this.clock.now())));
      if (p.stopped) return;
      if (p.followers.size === 0) {
        this.end(p, { reason: 'released' });
        return;
      }
      const now = this.clock.now();
      // Followers past their own deadline are told so; the poller goes on for the others.
      for (const f of [...p.followers]) {
        if (now < f.deadline) continue;
        p.followers.delete(f);
        f.finish({ reason: 'deadline', deadlineMs: f.deadlineMs, ...(p.last ? { summary: p.last } : {}) });
      }
      if (p.followers.size === 0) {
        this.end(p, { reason: 'released' });
        return;
      }
      const withDetail = this.wantsDetail(target);
      let summary: ExecutionSummary;
      let detail: ExecutionUpdate['detail'];
      try {
        if (withDetail) {
          detail = await target.api.getExecutionDetail(target.scope, target.planExecutionId, {
            fullGraph: true,
          });
          summary = detail.summary;
        } else {
          summary = await target.api.getExecution(target.scope, target.planExecutionId);
        }
        failures = 0;
      } catch (err) {
        if (p.stopped) return;
        if (isTransient(err)) {
          failures += 1;
          delay = Math.min(MAX_DELAY_MS, delay * 2);
          if (failures < MAX_TRANSIENT_FAILURES) continue;
        }
        this.end(p, { reason: 'error', error: err, ...(p.last ? { summary: p.last } : {}) });
        return;
      }
      if (p.stopped) return;
      p.last = summary;
      const info = executionStatusInfo(summary.status);
      const over = info.final || !info.known;
      this.emit(p, summary, detail, over);
      if (info.final) {
        this.end(p, { reason: 'final', summary });
        return;
      }
      if (!info.known) {
        this.end(p, { reason: 'unknownStatus', summary });
        return;
      }
      delay = Math.min(MAX_DELAY_MS, Math.round(delay * 1.3));
    }
  }
}
