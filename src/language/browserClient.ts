// Browser: the bundled server (dist/web/server.js, built from server/browser.ts) runs in a web
// worker started by the extension's own web worker, and LSP goes over the worker's messages.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { LANGUAGE_SERVER_ID } from '../../shared/protocol';
import { CLIENT_NAME, clientOptions, type LanguageClientFactory } from './client';
import type { LifecycleOptions } from './lifecycle';

/** The worker API used here (the project's types are Node's, not DOM's). */
type WorkerLike = ConstructorParameters<typeof LanguageClient>[3];
interface WorkerGlobals {
  Worker: new (url: string, options?: { name?: string }) => WorkerLike;
}

/** The server's worker, and how to end it. */
interface ServerWorker {
  worker: WorkerLike;
  /** Ends the worker (and revokes its blob: URL, if it has one). */
  terminate(): void;
}

const WORKER_NAME = 'harness-language-server';

/**
 * Starts the server script as a worker. vscode.dev, github.dev and @vscode/test-web serve the
 * extension over http(s), so `new Worker(url)` works (the LSP web samples do this). code-server's
 * web worker host refuses it for the extension's `vscode-remote:` URI; there the script is fetched
 * (the host's fetch understands that scheme) and started from a blob: URL instead.
 */
export async function startServerWorker(scriptUri: vscode.Uri): Promise<ServerWorker> {
  const { Worker } = globalThis as unknown as WorkerGlobals;
  const end = (worker: WorkerLike): void => (worker as { terminate(): void }).terminate();
  const url = scriptUri.toString(true);
  try {
    const worker = new Worker(url, { name: WORKER_NAME });
    return { worker, terminate: () => end(worker) };
  } catch {
    // Not an http(s) URL the worker may load: fall back to a blob (below).
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load the language server script (HTTP ${res.status})`);
  const blobUrl = URL.createObjectURL(new Blob([await res.text()], { type: 'application/javascript' }));
  const worker = new Worker(blobUrl, { name: WORKER_NAME });
  return {
    worker,
    terminate: () => {
      end(worker);
      URL.revokeObjectURL(blobUrl);
    },
  };
}

/** The browser client leaves its worker running when it stops (a restart reuses it): ended on dispose. */
class WorkerLanguageClient extends LanguageClient {
  constructor(
    private readonly server: ServerWorker,
    lifecycle: LifecycleOptions,
  ) {
    super(LANGUAGE_SERVER_ID, CLIENT_NAME, clientOptions(lifecycle), server.worker);
  }

  override async dispose(timeout?: number): Promise<void> {
    try {
      await super.dispose(timeout);
    } finally {
      this.server.terminate();
    }
  }
}

export const browserLanguageClient: LanguageClientFactory = async (context, lifecycle) =>
  new WorkerLanguageClient(
    await startServerWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js')),
    lifecycle,
  );
