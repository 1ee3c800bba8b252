// When the language server goes away unexpectedly (its process crashed, its worker died), the
// client restarts it, but only so often: up to `maxRestarts` restarts within `windowMs`. One crash
// more inside that window leaves it stopped until the user restarts it ("Harness: Restart Language
// Server"), which starts a fresh budget. Also here: what a failing connection leads to, and a
// bounded wait for shutdown. No `vscode` import (the clock is injected): unit-tested in Node; the
// client's handlers (lifecycle.ts) only translate these decisions into vscode-languageclient's.

export interface RestartBudget {
  /** Restarts allowed within the window; the next crash inside it stops the server. */
  readonly maxRestarts: number;
  /** The window, in milliseconds. */
  readonly windowMs: number;
}

/** vscode-languageclient's own default: 4 restarts in 3 minutes. */
export const DEFAULT_RESTART_BUDGET: RestartBudget = { maxRestarts: 4, windowMs: 3 * 60_000 };

/** What to do about a crash. */
export type CrashDecision =
  /** Restart: this is restart number `attempt` of the `maxRestarts` the window allows. */
  | { readonly restart: true; readonly attempt: number; readonly maxRestarts: number }
  /** Leave it stopped: `crashes` crashes within the window, more than the budget allows. */
  | { readonly restart: false; readonly crashes: number };

export class RestartPolicy {
  /** When the restarts still inside the window happened, oldest first. */
  private readonly restarts: number[] = [];

  constructor(
    readonly budget: RestartBudget = DEFAULT_RESTART_BUDGET,
    private readonly now: () => number = Date.now,
  ) {}

  /** The server went away unexpectedly, now: restart it, or has it crashed too often? */
  crashed(): CrashDecision {
    const at = this.now();
    while (this.restarts.length > 0 && at - this.restarts[0] > this.budget.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.budget.maxRestarts)
      return { restart: false, crashes: this.restarts.length + 1 };
    this.restarts.push(at);
    return { restart: true, attempt: this.restarts.length, maxRestarts: this.budget.maxRestarts };
  }

  /** The user restarted the server by hand: earlier crashes no longer count. */
  reset(): void {
    this.restarts.length = 0;
  }
}

/** Failed writes in a row after which the connection may be given up (the library's default too). */
export const MAX_CONSECUTIVE_WRITE_ERRORS = 3;

/**
 * How long writes must keep failing before the connection is given up. A killed server process
 * fails every write queued before its close is noticed (several in a burst on a busy machine); the
 * close then follows within milliseconds and the restart budget decides. A grace period tells that
 * burst from a connection that stays open while every write fails.
 */
export const WRITE_ERROR_GRACE_MS = 2_000;

/**
 * Decides, per failed read or write on one connection, whether to keep it or shut the server down.
 * `count` is how many writes in a row have failed (vscode-languageclient resets it when a message
 * goes through); a failed read has none and is always left to the close handler. Only more than
 * `max` failed writes in a row, spread over at least `graceMs`, shut the server down.
 */
export class ConnectionErrors {
  /** When the current run of failed writes began. */
  private runStartedAt: number | undefined;
  private lastCount = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = MAX_CONSECUTIVE_WRITE_ERRORS,
    private readonly graceMs = WRITE_ERROR_GRACE_MS,
  ) {}

  failed(count: number | undefined): 'continue' | 'shutdown' {
    if (count === undefined) return 'continue';
    const at = this.now();
    // A count that did not grow means a write went through in between: a new run.
    if (this.runStartedAt === undefined || count <= this.lastCount) this.runStartedAt = at;
    this.lastCount = count;
    return count > this.max && at - this.runStartedAt >= this.graceMs ? 'shutdown' : 'continue';
  }

  /** The connection closed (and may be restarted): failures on the next one start afresh. */
  reset(): void {
    this.runStartedAt = undefined;
    this.lastCount = 0;
  }
}

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/** What the log and the status item say about a crash and what was decided. */
export function crashMessage(decision: CrashDecision, budget: RestartBudget): string {
  if (decision.restart)
    return `The Harness language server stopped unexpectedly and is being restarted (restart ${decision.attempt} of ${decision.maxRestarts} allowed in ${minutes(budget.windowMs)}).`;
  return `The Harness language server crashed ${decision.crashes} times in ${minutes(budget.windowMs)} and will not be restarted automatically. Run "Harness: Restart Language Server" to start it again; the "Harness Language Server" output shows what happened.`;
}

/** What is said when writes keep failing and the server is shut down. */
export function connectionLostMessage(error: string): string {
  return `The connection to the Harness language server keeps failing (${error}), so it was stopped. Run "Harness: Restart Language Server" to start it again.`;
}

/**
 * Waits for `promise` at most `ms`: resolves true when it settled in time (fulfilled or rejected),
 * false when the time ran out. Never rejects, so a shutdown that hangs or fails cannot hold up
 * VS Code's.
 */
export function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(done, done);
  });
}
