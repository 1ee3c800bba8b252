// The extension's single log: a LogOutputChannel named "Harness". Everything that logs goes
// through here so that redaction (see redact) applies in one place.
import * as vscode from 'vscode';
import { redactSecrets } from '../shared/redact';

let channel: vscode.LogOutputChannel | undefined;

export function getLog(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Harness', { log: true });
  return channel;
}

/** Log helpers that scrub anything that looks like a Harness token before it is written. */
export const log = {
  info: (message: string) => getLog().info(redactSecrets(message)),
  warn: (message: string) => getLog().warn(redactSecrets(message)),
  error: (message: string) => getLog().error(redactSecrets(message)),
  debug: (message: string) => getLog().debug(redactSecrets(message)),
  trace: (message: string) => getLog().trace(redactSecrets(message)),
};
