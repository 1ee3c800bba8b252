// The language server's Node entry (dist/server.js): VS Code's language client starts it over
// IPC, and it runs standalone with `node dist/server.js --stdio`. It makes the connection from
// the command line, keeps a stray exception from ending the process, and hands the connection to
// initConnection (server/connection.ts), which serves the language service over it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { redactSecrets } from '../shared/redact';
import { initConnection } from './connection';

function main(): void {
  const connection = createConnection(ProposedFeatures.all);
  const report = (what: string) => (err: unknown) => {
    const text = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
    connection.console.error(redactSecrets(`${what}: ${text}`));
  };
  process.on('uncaughtException', report('uncaught exception'));
  process.on('unhandledRejection', report('unhandled rejection'));
  initConnection(connection);
}

main();
