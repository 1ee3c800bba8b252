// Builds API clients with the user's settings: the call deadline, the shared rate budget and the
// "Harness" log (which redacts tokens) for the client's debug lines. How requests leave the
// process is the platform's: `transport()` is asked once per client, so the desktop's proxy and
// certificate settings are read as they are at that moment (src/platform/desktop.ts), and the
// browser's is plain fetch (src/platform/web.ts).
import * as vscode from 'vscode';
import { createHarnessClient, type RateBudgets, type TransportFactory } from '../api';
import type { Log } from '../ui/log';
import type { ClientFactory } from './manager';

/** What every client of one extension host shares. */
export interface SharedClientState {
  /** The rate budget per key. */
  rateBudgets: RateBudgets;
  /** The transport for the next client (undici with the current network settings, or fetch). */
  transport: () => TransportFactory;
}

/** The factory the account manager builds its clients with; `shared` is shared by all of them. */
export function clientFactory(shared: SharedClientState, log: Log): ClientFactory {
  return (options) => {
    const harness = vscode.workspace.getConfiguration('harness');
    return createHarnessClient({
      ...options,
      timeoutMs: Math.round((harness.get<number>('http.timeoutSeconds') ?? 30) * 1000),
      transport: shared.transport(),
      logger: { debug: (m) => log.debug(m), warn: (m) => log.warn(m) },
      rateBudgets: shared.rateBudgets,
    });
  };
}
