// Shared way to show an API failure. Prefer Accounts.handleApiError, which adds the
// "sign in again" offer for 401s; this is the plain display both use.
import * as vscode from 'vscode';
import type { Log } from './log';
import { describeApiError, isOutcomeUnknown } from './errorText';

/**
 * Shows (and logs) the error; resolves with the action the user picked, if any. A change whose
 * outcome is unknown (it may have been applied) is a warning, not an error: pass
 * OUTCOME_UNKNOWN_CHECK as the action and read the thing back when it is picked.
 */
export async function showApiError(
  log: Log,
  err: unknown,
  operation: string,
  ...actions: string[]
): Promise<string | undefined> {
  const text = describeApiError(err, operation);
  if (isOutcomeUnknown(err)) {
    log.warn(text);
    return vscode.window.showWarningMessage(`Harness: ${text}`, ...actions);
  }
  log.error(text);
  return vscode.window.showErrorMessage(`Harness: ${text}`, ...actions);
}
