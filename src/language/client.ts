// The language client's options, the same on desktop and in the browser; which process or worker
// the server runs in is the platform's (nodeClient.ts: a Node child process over IPC;
// browserClient.ts: a web worker). The language feature decides when it starts and answers its
// requests; its lifecycle (lifecycle.ts) supplies the handlers for crashes and failed starts.
import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { documentSelector } from './documents';
import type { LifecycleOptions } from './lifecycle';
import { readSettings, serverSettings } from './settings';

/** Makes (does not start) the language client for the bundled server, with these lifecycle handlers. */
export type LanguageClientFactory = (
  context: vscode.ExtensionContext,
  lifecycle: LifecycleOptions,
) => Promise<BaseLanguageClient>;

export const CLIENT_NAME = 'Harness Language Server';

export function clientOptions(lifecycle: LifecycleOptions): LanguageClientOptions {
  return {
    ...lifecycle,
    documentSelector: documentSelector(),
    synchronize: { configurationSection: 'harness' },
    initializationOptions: {
      settings: serverSettings(readSettings()),
      servesReferences: true,
      // Answers harness/findPipeline and harness/listInputSets (language/entityLookup.ts).
      servesEntities: true,
    },
    outputChannelName: CLIENT_NAME,
  };
}
