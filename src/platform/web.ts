// The browser platform (vscode.dev, github.dev, any web worker extension host): API requests
// through the browser's fetch (its own proxy and certificate store; Harness must allow the page's
// origin, CORS), the language server in a web worker, and no process environment, so no
// environment session. Imports nothing that needs Node (the web build fails if it does).
import { fetchTransport } from '../api/fetchTransport';
import { RateBudgets } from '../api/limiter';
import { clientFactory } from '../account/clientFactory';
import { browserLanguageClient } from '../language/browserClient';
import type { Platform } from '../activation';

export function webPlatform(): Platform {
  const rateBudgets = new RateBudgets();
  // A page cannot set user-agent; naming it would only widen the CORS preflight.
  const transport = fetchTransport({ sendUserAgent: false });
  return {
    kind: 'web',
    clientFactory: (log) => clientFactory({ rateBudgets, transport: () => transport }, log),
    languageClient: browserLanguageClient,
    environment: {},
  };
}
