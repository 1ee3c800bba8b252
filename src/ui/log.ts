// The extension's single log: a LogOutputChannel named "Harness". activate() makes one and gives
// it to every feature, so redaction (see redact) applies in one place.
import * as vscode from 'vscode';
import { redactSecrets } from '../../shared/redact';

/** Where the extension's messages go (redacted on the way). */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  trace(message: string): void;
}

type Level = keyof Log;

/** How many recent lines are kept for the test API. */
const RECENT_MAX = 500;

export class HarnessLog implements Log, vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  /** The last lines written (already redacted), for the extension's test API: an output
   * channel's contents cannot be read back through the VS Code API. */
  private readonly recent: string[] = [];

  constructor(name = 'Harness') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  // Fields, not methods: callers may pass `log.debug` on as a function.
  readonly info = (message: string): void => this.write('info', message);
  readonly warn = (message: string): void => this.write('warn', message);
  readonly error = (message: string): void => this.write('error', message);
  readonly debug = (message: string): void => this.write('debug', message);
  readonly trace = (message: string): void => this.write('trace', message);

  /** Copy of the recent lines, oldest first. */
  lines(): string[] {
    return [...this.recent];
  }

  /** Opens the "Harness" output (keeping the focus where it is). */
  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }

  private write(level: Level, message: string): void {
    const text = redactSecrets(message);
    this.recent.push(`[${level}] ${text}`);
    if (this.recent.length > RECENT_MAX) this.recent.shift();
    this.channel[level](text);
  }
}
