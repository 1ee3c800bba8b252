// The desktop platform (VS Code's Node extension host): API requests through undici with VS Code's
// network settings (proxy, proxy credentials, hosts that bypass it, certificate checks, the
// system certificate store), the language server as a Node child process, and the environment
// session (HARNESS_API_KEY) from the process environment.
import * as vscode from 'vscode';
import { RateBudgets } from '../api/limiter';
import { CertificateTrust, type ProxyOptions } from '../api/dispatcher';
import { undiciTransport } from '../api/undiciTransport';
import { clientFactory } from '../account/clientFactory';
import { nodeLanguageClient } from '../language/nodeClient';
import type { Platform } from '../activation';

/** VS Code's `http.*` settings as the API client takes them (vscode-free shape, see dispatcher.ts). */
export function networkSettings(http: vscode.WorkspaceConfiguration): ProxyOptions {
  const url = http.get<string>('proxy')?.trim();
  const authorization = http.get<string | null>('proxyAuthorization')?.trim();
  const noProxy = (http.get<string[]>('noProxy') ?? []).filter(
    (h): h is string => typeof h === 'string' && h.trim() !== '',
  );
  return {
    ...(url ? { url } : {}),
    strictSSL: http.get<boolean>('proxyStrictSSL') ?? true,
    ...(noProxy.length > 0 ? { noProxy } : {}),
    ...(authorization ? { authorization } : {}),
    // VS Code adds the OS store to its own requests only (https module, global fetch), not to an
    // undici dispatcher of ours: see the note in src/api/dispatcher.ts.
    systemCertificates: http.get<boolean>('systemCertificates') ?? true,
  };
}

export function desktopPlatform(): Platform {
  // Shared by every client of this window: the rate budget per key, and the trusted certificates
  // (the OS store is read at most once).
  const rateBudgets = new RateBudgets();
  const certificateTrust = new CertificateTrust();
  return {
    kind: 'desktop',
    clientFactory: (log) =>
      clientFactory(
        {
          rateBudgets,
          transport: () =>
            undiciTransport({
              proxy: networkSettings(vscode.workspace.getConfiguration('http')),
              certificateTrust,
            }),
        },
        log,
      ),
    languageClient: nodeLanguageClient,
    environment: process.env,
  };
}
