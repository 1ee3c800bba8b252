// Desktop: the bundled server (dist/server.js) runs as a Node child process over IPC.
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_SERVER_ID } from '../../shared/protocol';
import { CLIENT_NAME, clientOptions, type LanguageClientFactory } from './client';

export const nodeLanguageClient: LanguageClientFactory = async (context, lifecycle) => {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  return new LanguageClient(LANGUAGE_SERVER_ID, CLIENT_NAME, serverOptions, clientOptions(lifecycle));
};
