// The extension's single log: a LogOutputChannel named "Harness". Everything that logs goes
// through here so that redaction (see redact) applies in one place.
import * as vscode from 'vscode';
import { redactSecrets } from '../shared/redact';

let channel: vscode.LogOutputChannel | undefined;

export function getLog(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Harness', { log: true });
  return channel;
}

/** The last lines written through `log` (already redacted), for the extension's test API: an
 * output channel's contents cannot be read back through the VS Code API. */
const recent: string[] = [];
const RECENT_MAX = 500;

function write(level: 'info' | 'warn' | 'error' | 'debug' | 'trace', message: string): void {
  const text = redactSecrets(message);
  recent.push(`[${level}] ${text}`);
  if (recent.length > RECENT_MAX) recent.shift();
  getLog()[level](text);
}

/** Copy of the recent log lines, oldest first. */
export function recentLogLines(): string[] {
  return [...recent];
}

/** Where the extension's messages go (redacted on the way). */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  trace(message: string): void;
}

/** Log helpers that scrub anything that looks like a Harness token before it is written. */
export const log: Log = {
  info: (message: string) => write('info', message),
  warn: (message: string) => write('warn', message),
  error: (message: string) => write('error', message),
  debug: (message: string) => write('debug', message),
  trace: (message: string) => write('trace', message),
};
