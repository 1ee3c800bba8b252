// The two transports the API client runs over, for suites that must hold for both: undici (the
// desktop build) and fetch (the browser build; here Node 20's global fetch, which is undici's own
// fetch, so sockets and faults behave as on the wire). A suite parameterised over TRANSPORTS runs
// once per transport, named after it.
//
// What is tested for undici only, and why (desktop behaviours the browser does not have):
//  - proxies (http.proxy, HTTPS_PROXY/NO_PROXY, Proxy-Authorization, the CONNECT fix, a looping
//    dispatcher that is replaced): in a browser the browser's own proxy settings apply, and fetch
//    gives no way to choose or see them (proxy.test, enterpriseNetwork.test, deadline.test);
//  - certificates (the OS store, NODE_EXTRA_CA_CERTS, http.proxyStrictSSL): the browser's store
//    decides, and it says only "Failed to fetch" (tls.test, enterpriseNetwork.test);
//  - closing a socket stuck in a TLS handshake after the deadline: undici's pool is replaced;
//    fetch gives no handle on its sockets (the call itself settles at the deadline either way);
//  - knowing whether a request left: fetch cannot tell a request still connecting from one sent,
//    so a write whose deadline passes while connecting is `outcomeUnknown` with fetch and "not
//    sent, safe to repeat" with undici (outcomeUnknown.test, deadline.test say which).
// Everything else (deadlines, retries, Retry-After, the size cap read as a stream, redirects never
// followed, outcomeUnknown, error wording, every endpoint against the simulator) is run for both.
import type { TransportFactory } from '../../../src/api/transport';
import { fetchTransport } from '../../../src/api/fetchTransport';
import { undiciTransport } from '../../../src/api/undiciTransport';

export interface TransportCase {
  name: 'undici' | 'fetch';
  factory: TransportFactory;
}

/** The desktop transport, as the extension makes it without settings (process.env, its own trust). */
export const undici: TransportFactory = undiciTransport();
/** The browser transport, on Node's global fetch. */
export const fetchOnNode: TransportFactory = fetchTransport();

export const TRANSPORTS: readonly TransportCase[] = [
  { name: 'undici', factory: undici },
  { name: 'fetch', factory: fetchOnNode },
];
