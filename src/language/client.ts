// The language client for the bundled server (dist/server.js, over IPC): options only; the
// language feature decides when it starts and answers its requests.
import type * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGE_SERVER_ID } from '../../shared/protocol';
import { DOCUMENT_SELECTOR } from './documents';
import { readSettings, serverSettings } from './settings';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'harness' },
    initializationOptions: { settings: serverSettings(readSettings()), servesReferences: true },
    outputChannelName: 'Harness Language Server',
  };
  return new LanguageClient(LANGUAGE_SERVER_ID, 'Harness Language Server', serverOptions, clientOptions);
}
