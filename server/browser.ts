// The language server's browser entry (dist/web/server.js): the extension's web build starts it
// as a web worker (src/language/browserClient.ts), and it talks LSP over the worker's messages
// (vscode-languageserver/browser). Everything else is the same service and wiring as on desktop
// (initConnection, server/connection.ts); nothing here or below it imports a Node module.
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { redactSecrets } from '../shared/redact';
import { initConnection } from './connection';

/** The parts of the worker's global scope used here (the project's types are Node's, not DOM's). */
interface WorkerScope {
  addEventListener(type: 'error', listener: (event: { message?: string; error?: unknown }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: { reason?: unknown }) => void): void;
}

function main(): void {
  const scope = globalThis as unknown as WorkerScope;
  const port = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
  const connection = createConnection(
    ProposedFeatures.all,
    new BrowserMessageReader(port),
    new BrowserMessageWriter(port),
  );
  const report = (what: string, err: unknown): void => {
    const text = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
    connection.console.error(redactSecrets(`${what}: ${text}`));
  };
  // As server.ts does for Node: a stray error is logged, and the worker keeps serving.
  scope.addEventListener('error', (e) => report('uncaught exception', e.error ?? e.message));
  scope.addEventListener('unhandledrejection', (e) => report('unhandled rejection', e.reason));
  initConnection(connection);
}

main();
