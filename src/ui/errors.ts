// Shared way to show an API failure. Prefer getAccounts().handleApiError, which adds the
// "sign in again" offer for 401s; this is the plain display both use.
import * as vscode from 'vscode';
import { log } from '../log';
import { describeApiError } from './errorText';

/** Shows (and logs) the error; resolves with the action the user picked, if any. */
export async function showApiError(
  err: unknown,
  operation: string,
  ...actions: string[]
): Promise<string | undefined> {
  const text = describeApiError(err, operation);
  log.error(text);
  return vscode.window.showErrorMessage(`Harness: ${text}`, ...actions);
}
