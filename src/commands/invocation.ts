// How commands are invoked and what they return. From a menu or the palette a command gets a
// tree node (or nothing) and talks to the user; from tests or other extensions it gets a plain
// options object and then never prompts: missing choices take the safe default (refuse,
// cancel) and the outcome is returned as a CommandResult.
import * as vscode from 'vscode';
import { isHarnessApiError } from '../api/errors';
import type { HarnessNode } from '../tree/nodes';
import { apiErrorInfo, type ApiErrorInfo } from '../ui/errorText';

export type CommandResult<T extends object = object> =
  | ({ status: 'ok' } & T)
  | { status: 'cancelled' }
  | { status: 'failed'; error: ApiErrorInfo }
  | { status: 'refused'; reason: string };

export function isTreeNode(value: unknown): value is HarnessNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === 'string' &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

/** A plain options object (not a node, URI or array): the caller wants no prompts. */
export function isOptions(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !isTreeNode(value) &&
    !(value instanceof vscode.Uri)
  );
}

export function failed(err: unknown): { status: 'failed'; error: ApiErrorInfo } {
  return { status: 'failed', error: apiErrorInfo(err) };
}

export function isCancelled(err: unknown): boolean {
  return err instanceof vscode.CancellationError || isHarnessApiError(err, 'cancelled');
}

/**
 * Runs `task` with a cancellable notification progress; cancelling aborts the signal handed to
 * API calls. Resolves with the task's value; rejects with the task's error.
 */
export function withCancellableProgress<T>(
  title: string,
  task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Harness: ${title}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
          return await task(controller.signal, (message) => progress.report({ message }));
        } finally {
          sub.dispose();
        }
      },
    ),
  );
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
