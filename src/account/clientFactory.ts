// Builds API clients with the user's settings: the call deadline, VS Code's network settings
// (proxy, proxy credentials, hosts that bypass it, certificate checks and the system certificate
// store) and the "Harness" log (which redacts tokens) for the client's debug lines.
import * as vscode from 'vscode';
import { createHarnessClient, type RateBudgets } from '../api';
import type { CertificateTrust, ProxyOptions } from '../api/dispatcher';
import { undiciTransport } from '../api/undiciTransport';
import type { Log } from '../ui/log';
import type { ClientFactory } from './manager';

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

/** What every client of one extension host shares: the rate budget per key and the trusted certificates. */
export interface SharedClientState {
  rateBudgets: RateBudgets;
  certificateTrust: CertificateTrust;
}

/** The factory the account manager builds its clients with; `shared` is shared by all of them. */
export function clientFactory(shared: SharedClientState, log: Log): ClientFactory {
  return (options) => {
    const harness = vscode.workspace.getConfiguration('harness');
    return createHarnessClient({
      ...options,
      timeoutMs: Math.round((harness.get<number>('http.timeoutSeconds') ?? 30) * 1000),
      transport: undiciTransport({
        proxy: networkSettings(vscode.workspace.getConfiguration('http')),
        certificateTrust: shared.certificateTrust,
      }),
      logger: { debug: (m) => log.debug(m), warn: (m) => log.warn(m) },
      rateBudgets: shared.rateBudgets,
    });
  };
}
