// Field-by-field presentation of create failures (DUPLICATE_FIELD, validation errors), shared by
// Create Project and Create Connector.
import * as vscode from 'vscode';
import { isHarnessApiError } from '../api/errors';
import { apiErrorInfo } from '../ui/errorText';
import type { CommandEnv } from './context';

export function isDuplicate(err: unknown): boolean {
  return isHarnessApiError(err, 'duplicate') || apiErrorInfo(err).code === 'DUPLICATE_FIELD';
}

/** Lines "field: message" for each field error (or the message when there are none). */
export function fieldErrorLines(err: unknown): string[] {
  const info = apiErrorInfo(err);
  return info.fieldErrors.length > 0
    ? info.fieldErrors.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message))
    : [info.message];
}

/**
 * Shows a create failure. Validation and duplicate errors get a modal listing each field on
 * its own line; other failures (401, network, …) go through the usual error display.
 */
export async function showCreateError(
  env: CommandEnv,
  err: unknown,
  what: string,
  interactive: boolean,
): Promise<void> {
  const info = apiErrorInfo(err);
  const byField =
    isHarnessApiError(err, 'invalid') || isHarnessApiError(err, 'duplicate') || info.fieldErrors.length > 0;
  if (!byField) return env.reportError(err, `create ${what}`);
  const title = isDuplicate(err)
    ? `Could not create ${what}: it already exists.`
    : `Could not create ${what}.`;
  const detail =
    fieldErrorLines(err).join('\n') + (info.correlationId ? `\n\nCorrelation id: ${info.correlationId}` : '');
  if (interactive) await vscode.window.showErrorMessage(`Harness: ${title}`, { modal: true, detail });
  else void vscode.window.showErrorMessage(`Harness: ${title} ${fieldErrorLines(err).join('; ')}`);
}
