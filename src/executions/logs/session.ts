// One step log as a document shows it, and how it is kept current: a finished step's log is read
// from the blob; a running step's is followed on the stream (every connection starts again from
// the first line, so lines already shown are skipped), then read whole from the blob once the
// stream ends. Changes are announced debounced, so a chatty step does not flood the editor.
// vscode-free: the feature (src/features/stepLogs.ts) turns it into a virtual document.
import { DEFAULT_LOG_BYTES } from '../../api/logs';
import { isHarnessApiError } from '../../api/errors';
import type { LogLine, StepLog, StepLogOptions, StepLogStreamEnd } from '../../api/types';
import { describeApiError, isTransient } from '../../ui/errorText';
import { LineFormatter, truncationBanner, type LineFormat } from './format';
import { pause, type Timers } from './timers';

/** The two log service calls a session makes (HarnessApi's). */
export interface StepLogSource {
  getStepLog(logKey: string, opts?: StepLogOptions): Promise<StepLog>;
  streamStepLog(
    logKey: string,
    onLines: (lines: LogLine[]) => void,
    opts?: StepLogOptions,
  ): Promise<StepLogStreamEnd>;
}

export type StepLogState = 'loading' | 'following' | 'stopped' | 'complete' | 'failed';

export interface StepLogSessionOptions {
  /** What the first line calls the log (`Run tests (deploy_web #42)`, ASCII: no character VS Code flags). */
  readonly title: string;
  /** The step was running when asked for: follow its stream first. */
  readonly follow: boolean;
  readonly format: LineFormat;
  /** Where the rest of a capped log is (the execution in Harness). */
  readonly harnessUrl?: string;
  readonly maxBytes?: number;
  /** Least time between two change announcements (more for long logs, see `delay`). */
  readonly debounceMs?: number;
  /** Wait before reconnecting or re-reading. */
  readonly retryMs?: number;
  /** Re-reads of a blob the log service does not have yet right after the stream ended. */
  readonly blobRetries?: number;
  /** Failed stream connections in a row (network, server) before following gives up. */
  readonly streamRetries?: number;
  /** One stream connection's deadline; then it is reopened (the log service streams for as long as the step runs). */
  readonly streamTimeoutMs?: number;
  /** A failure the user should hear about beyond the document (a 401 offers to sign in again). */
  readonly onError?: (err: unknown, operation: string) => void;
}

const READ_OP = 'read the step log';
const FOLLOW_OP = 'follow the step log';

export class StepLogSession {
  private entries: string[] = [];
  /** Log service lines shown (an entry per line), what a reopened stream skips. */
  private truncated = false;
  private current: StepLogState = 'loading';
  private problem: string | undefined;
  private note: string | undefined;
  private controller: AbortController | undefined;
  private pending: unknown;
  private bytes = 0;
  private disposed = false;
  private readonly listeners = new Set<() => void>();
  private readonly maxBytes: number;
  private readonly formatter: LineFormatter;

  constructor(
    private readonly logKey: string,
    private readonly source: StepLogSource,
    private readonly timers: Timers,
    private readonly options: StepLogSessionOptions,
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_LOG_BYTES;
    this.formatter = new LineFormatter(options.format);
  }

  get state(): StepLogState {
    return this.current;
  }

  /** Log lines shown (not counting the status line and the banner). */
  get lineCount(): number {
    return this.entries.length;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Starts reading (once); later calls do nothing. */
  start(): void {
    if (this.controller || this.disposed) return;
    this.launch(!this.options.follow);
  }

  /** Stops the stream; what was shown stays. */
  stopFollowing(): void {
    if (this.current !== 'following') return;
    this.controller?.abort();
    this.setState('stopped');
  }

  /** Follows again after a stop or a failure (the stream, then the blob once the step ended). */
  follow(): void {
    if (this.disposed || (this.current !== 'stopped' && this.current !== 'failed')) return;
    this.problem = undefined;
    this.launch(false);
  }

  /** Stops everything: the stream's connection is closed, no change is announced any more. */
  dispose(): void {
    this.disposed = true;
    this.controller?.abort();
    if (this.pending !== undefined) this.timers.clearTimeout(this.pending);
    this.pending = undefined;
    this.listeners.clear();
  }

  /** The document: a status line, the log lines, the cap banner. Built in one pass. */
  text(): string {
    const parts = [this.statusLine()];
    for (const e of this.entries) parts.push(e);
    if (this.truncated) parts.push(truncationBanner(this.maxBytes, this.options.harnessUrl));
    return parts.join('\n') + '\n';
  }

  statusLine(): string {
    const { title } = this.options;
    const n = this.entries.length;
    const lines = `${n} line${n === 1 ? '' : 's'}`;
    switch (this.current) {
      case 'loading':
        return `Loading the log of ${title}…`;
      case 'following':
        return `Following ${title} while the step runs: ${lines} so far. To stop: Harness: Stop Following Step Log.`;
      case 'stopped':
        return `Not following ${title}: ${lines} shown. To follow again: Harness: Follow Step Log.`;
      case 'complete':
        return `${title}: ${this.truncated ? `first ${lines}` : `complete, ${lines}`}.${this.note ? ` ${this.note}` : ''}`;
      case 'failed':
        return `${title}${n > 0 ? `, ${lines} shown` : ''}: ${this.problem ?? 'the log could not be read.'}`;
    }
  }

  private launch(blobFirst: boolean): void {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    void this.run(blobFirst, controller.signal);
  }

  private async run(blobFirst: boolean, signal: AbortSignal): Promise<void> {
    let op = READ_OP;
    try {
      // A 404 on a step thought finished: its status was old and it still runs, so follow it.
      if (blobFirst && (await this.readBlob(signal, 0)) === 'done') return;
      op = FOLLOW_OP;
      await this.followStream(signal);
    } catch (err) {
      if (signal.aborted || this.disposed) return;
      this.problem = problemText(err, op);
      this.setState('failed');
      this.options.onError?.(err, op);
    }
  }

  private async readBlob(signal: AbortSignal, retries: number): Promise<'done' | 'missing'> {
    for (let attempt = 0; ; attempt++) {
      try {
        const log = await this.source.getStepLog(this.logKey, { signal, maxBytes: this.maxBytes });
        if (signal.aborted) return 'done';
        this.entries = [];
        this.bytes = 0;
        this.add(log.lines);
        this.truncated = log.truncated;
        this.setState('complete');
        return 'done';
      } catch (err) {
        if (!isHarnessApiError(err, 'notFound') || signal.aborted) throw err;
        if (attempt >= retries) return 'missing';
      }
      if (!(await pause(this.timers, this.retryMs, signal))) return 'done';
    }
  }

  private async followStream(signal: AbortSignal): Promise<void> {
    this.setState('following');
    let failures = 0;
    for (;;) {
      let seen = 0;
      try {
        const end = await this.source.streamStepLog(
          this.logKey,
          (lines) => {
            if (signal.aborted) return;
            // Every connection starts at the log's first line: skip the ones already shown.
            const fresh = lines.slice(Math.max(0, this.entries.length - seen));
            seen += lines.length;
            if (fresh.length === 0) return;
            this.add(fresh);
            this.changed();
          },
          { signal, maxBytes: this.maxBytes, timeoutMs: this.options.streamTimeoutMs ?? 300_000 },
        );
        if (signal.aborted) return;
        failures = 0;
        if (end.truncated) {
          // The cap: nothing more is read here, the rest is in Harness.
          this.truncated = true;
          this.setState('complete');
          return;
        }
        if (end.ended) {
          if ((await this.readBlob(signal, this.options.blobRetries ?? 3)) === 'done') return;
          if (this.entries.length === 0) throw new NoLogError();
          this.note = 'As streamed: the log service has no stored copy of it.';
          this.setState('complete');
          return;
        }
        // The connection's deadline while the step runs: open it again.
      } catch (err) {
        if (signal.aborted || !isTransient(err)) throw err;
        // A quiet step outlives a connection's deadline: that is no failure, only a reconnect.
        if (!isHarnessApiError(err, 'timeout') && ++failures > (this.options.streamRetries ?? 3)) throw err;
      }
      if (!(await pause(this.timers, this.retryMs * Math.max(1, failures), signal))) return;
    }
  }

  private get retryMs(): number {
    return this.options.retryMs ?? 1000;
  }

  private add(lines: readonly LogLine[]): void {
    for (const line of lines) {
      const entry = this.formatter.line(line);
      this.entries.push(entry);
      this.bytes += entry.length + 1;
    }
  }

  private setState(state: StepLogState): void {
    this.current = state;
    this.flush();
  }

  /** Announces a change after the debounce (one pending at a time). */
  private changed(): void {
    if (this.pending !== undefined || this.disposed) return;
    this.pending = this.timers.setTimeout(() => {
      this.pending = undefined;
      this.emit();
    }, this.delay());
  }

  /** The debounce grows with the log: each change makes VS Code read the whole text again. */
  private delay(): number {
    const base = this.options.debounceMs ?? 250;
    return Math.min(2000, base + Math.floor(this.bytes / (1024 * 1024)) * 250);
  }

  private flush(): void {
    if (this.disposed) return;
    if (this.pending !== undefined) this.timers.clearTimeout(this.pending);
    this.pending = undefined;
    this.emit();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}

class NoLogError extends Error {
  constructor() {
    super('The log service has no log for this step (it wrote none, or the log has expired).');
  }
}

function problemText(err: unknown, operation: string): string {
  if (err instanceof NoLogError) return err.message;
  if (isHarnessApiError(err, 'notFound'))
    return 'The log service has no log for this step (it wrote none, or the log has expired).';
  return describeApiError(err, operation);
}
