// Which undici dispatcher carries the requests: direct, an explicit proxy (VS Code's
// `http.proxy`), or the standard HTTPS_PROXY/HTTP_PROXY/NO_PROXY variables. Proxying and NO_PROXY
// matching are undici's own (ProxyAgent via EnvHttpProxyAgent); loopback never goes through a proxy.
// Also decides which certificate authorities are trusted (Node's bundled roots, NODE_EXTRA_CA_CERTS,
// the operating system's store, extra PEMs) and works around undici's CONNECT reconnect loop.
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as tls from 'node:tls';
import type { Socket } from 'node:net';
import { Agent, type Dispatcher, EnvHttpProxyAgent, Pool, buildConnector } from 'undici';
import { isLoopbackHost } from './baseUrl';
import type { ProxyRoute } from './transport';

export interface ProxyOptions {
  /** Proxy URL (`http://host:port`, optionally `http://user:password@host:port`); overrides the environment. */
  url?: string;
  /** Verify TLS certificates (default true). False only for self-signed corporate setups. */
  strictSSL?: boolean;
  /** Hosts that never go through the proxy (VS Code `http.noProxy`), added to NO_PROXY. */
  noProxy?: readonly string[];
  /**
   * The `Proxy-Authorization` header value sent to the proxy (VS Code `http.proxyAuthorization`,
   * e.g. `Basic dXNlcjpwYXNz`). Sent only to the proxy, on CONNECT; never to Harness, never logged.
   */
  authorization?: string;
  /**
   * Also trust the operating system's certificate store (VS Code `http.systemCertificates`).
   * Default false here; the extension passes the VS Code setting (default true there).
   */
  systemCertificates?: boolean;
  /** Extra CA certificates (PEM) to trust, besides Node's bundled roots and NODE_EXTRA_CA_CERTS. */
  ca?: readonly string[];
}

export type { ProxyRoute } from './transport';

export interface DispatcherChoice {
  dispatcher: Dispatcher;
  route: ProxyRoute;
  /**
   * Destroys the dispatcher and every socket it is still opening (undici's own destroy() does not
   * reach a connection that is still being established, e.g. a TLS handshake that never answers).
   */
  abandon?(): void;
}

type Env = Record<string, string | undefined>;

function envValue(env: Env, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v !== undefined && v.trim() !== '' ? v.trim() : undefined;
}

/** The proxy URL for messages: scheme, host and port only (never credentials or paths). */
export function proxyLabel(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the configured proxy'; // unparsable: never echoed, it may carry a password
  }
}

/** NO_PROXY from the environment plus VS Code's `http.noProxy`, in undici's comma-separated form. */
export function noProxyList(env: Env, extra: readonly string[] = []): string {
  const entries = [
    ...(envValue(env, 'no_proxy') ?? '').split(/[,\s]+/),
    ...extra.map((e) => e.trim()),
  ].filter((e) => e !== '');
  // undici treats only a value of exactly "*" as "never proxy".
  if (entries.includes('*')) return '*';
  return [...new Set(entries)].join(',');
}

/**
 * undici ≤ 7.30.2 retries a CONNECT forever when the proxy closes the connection before answering
 * (nodejs/undici#3897: the socket error is UND_ERR_SOCKET, which the client treats as recoverable,
 * so the queued request is never failed and neither its timeout nor its AbortSignal ends it; about
 * 4,000 connections a second). Fixed upstream by nodejs/undici#5441 (undici 8.6.0+, which needs
 * Node ≥ 22.19), not in any 7.x. Same fix here: the pool that talks to the proxy turns that error
 * into UND_ERR_PRX_CONN (the code undici 8 uses), which fails the request instead.
 */
class ProxyTunnelError extends Error {
  override readonly name = 'ProxyTunnelError';
  readonly code = 'UND_ERR_PRX_CONN';
  constructor(cause: unknown) {
    super('The proxy closed the connection while the tunnel (CONNECT) was being opened', { cause });
  }
}

type ConnectFn = (options: Dispatcher.ConnectOptions) => Promise<Dispatcher.ConnectData>;
type Track = (connector: buildConnector.connector) => buildConnector.connector;

/** The pool that talks to the proxy: CONNECT drops fail the request (see ProxyTunnelError). */
export function tunnelClientFactory(track: Track = (c) => c) {
  return (origin: URL, options: object): Dispatcher => {
    const opts = options as Pool.Options;
    const pool = new Pool(origin, {
      ...opts,
      ...(typeof opts.connect === 'function' ? { connect: track(opts.connect) } : {}),
    });
    const original = pool.connect.bind(pool) as ConnectFn;
    const connect = async (params: Dispatcher.ConnectOptions): Promise<Dispatcher.ConnectData> => {
      try {
        return await original(params);
      } catch (err) {
        if ((err as { code?: unknown } | null)?.code === 'UND_ERR_SOCKET') throw new ProxyTunnelError(err);
        throw err;
      }
    };
    Object.defineProperty(pool, 'connect', {
      value: (params: Dispatcher.ConnectOptions, callback?: (err: Error | null, data?: unknown) => void) => {
        const done = connect(params);
        if (!callback) return done;
        done.then(
          (data) => callback(null, data),
          (err: Error) => callback(err),
        );
        return undefined;
      },
    });
    return pool;
  };
}

function checkedProxyUrl(proxy: ProxyOptions | undefined): string | undefined {
  const explicit = proxy?.url?.trim();
  if (!explicit) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(explicit);
  } catch {
    // Not echoed: a proxy URL may carry a password.
    throw new Error('The proxy URL (http.proxy) is not a valid URL (expected http://host:port).');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`Proxy URL must start with http:// or https:// (got ${parsed.protocol}//).`);
  }
  return explicit;
}

function checkedAuthorization(proxy: ProxyOptions | undefined): string | undefined {
  const authorization = proxy?.authorization?.trim();
  if (!authorization) return undefined;
  if (/[\r\n]/.test(authorization)) {
    throw new Error('The proxy authorization (http.proxyAuthorization) must be a single line.');
  }
  return authorization;
}

/** How requests for `baseUrl` leave the process; throws on malformed proxy settings. */
export function proxyRoute(
  baseUrl: string,
  proxy: ProxyOptions | undefined,
  env: Env = process.env,
): ProxyRoute {
  checkedAuthorization(proxy);
  if (isLoopbackHost(new URL(baseUrl).hostname)) return 'direct';
  if (checkedProxyUrl(proxy)) return 'proxy';
  if (envValue(env, 'https_proxy') !== undefined || envValue(env, 'http_proxy') !== undefined) return 'env';
  return 'direct';
}

/**
 * Builds the dispatcher for a client whose only origin is `baseUrl`.
 * `connect` replaces the socket connector of direct connections (tests use it to observe where a
 * direct connection would go without opening one). `ca` is the complete list of trusted CA
 * certificates (see CertificateTrust); undefined keeps Node's default store. `trust` reuses the
 * secure context it built for that list.
 */
export function createDispatcher(
  baseUrl: string,
  proxy: ProxyOptions | undefined,
  env: Env = process.env,
  connect?: buildConnector.connector,
  ca?: readonly string[],
  trust?: CertificateTrust,
): DispatcherChoice {
  const route = proxyRoute(baseUrl, proxy, env);
  const strict = proxy?.strictSSL !== false;
  const tlsOptions: buildConnector.BuildOptions = { rejectUnauthorized: strict };
  // One secure context for every connection: parsing a few hundred CA certificates per
  // connection would be slow. (Passing it also means the list replaces Node's default store.)
  if (ca && ca.length > 0 && strict) {
    (tlsOptions as tls.ConnectionOptions).secureContext = trust
      ? trust.secureContext(ca)
      : tls.createSecureContext({ ca: [...ca] });
  }
  const sockets = new Set<Socket>();
  const track: Track = (connector) => (options, callback) => {
    const socket = connector(options, callback) as unknown as Socket | undefined;
    if (socket && typeof socket.once === 'function') {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
    return socket as unknown as ReturnType<buildConnector.connector>;
  };
  const direct = track(connect ?? buildConnector(tlsOptions));
  const choice = (dispatcher: Dispatcher): DispatcherChoice => ({
    dispatcher,
    route,
    abandon: () => {
      // Abandoned on purpose: a failure to tear it down leaves nothing to do.
      void dispatcher.destroy().catch(() => undefined);
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
  });
  if (route === 'direct') return choice(new Agent({ connect: direct }));
  const authorization = checkedAuthorization(proxy);
  const proxied = (httpProxy: string, httpsProxy: string): Dispatcher =>
    new EnvHttpProxyAgent({
      httpProxy,
      httpsProxy,
      noProxy: noProxyList(env, proxy?.noProxy),
      connect: direct,
      requestTls: tlsOptions,
      proxyTls: tlsOptions,
      clientFactory: tunnelClientFactory(track),
      ...(authorization ? { token: authorization } : {}),
    });
  const explicit = checkedProxyUrl(proxy);
  if (route === 'proxy' && explicit) return choice(proxied(explicit, explicit));
  const httpsProxy = envValue(env, 'https_proxy');
  const httpProxy = envValue(env, 'http_proxy');
  return choice(proxied(httpProxy ?? '', httpsProxy ?? httpProxy ?? ''));
}

// ---------------------------------------------------------------------------------------------
// Trusted certificate authorities.
//
// In VS Code's extension host, `http.systemCertificates` (on by default) adds the OS certificates
// to requests made through Node's `https` module and to the global `fetch`, but not to an undici
// dispatcher an extension creates itself: the `tls.connect` patch that would cover it is behind
// `http.experimental.systemCertificatesV2` (off by default) and is skipped when `ca` is given
// (microsoft/vscode src/vs/workbench/api/node/proxyResolver.ts, certSettingV1/V2;
// microsoft/vscode-proxy-agent src/index.ts patchTlsConnect, createFetchPatch). So the client
// builds its own list, as VS Code does for fetch: Node's bundled roots, NODE_EXTRA_CA_CERTS, and
// the OS store when asked. `tls.getCACertificates('system')` exists only on Node ≥ 22.15 / 23.10
// (not on Node 20, which VS Code 1.96 runs); older runtimes read the store like VS Code does
// (Linux bundle files, macOS `security`); on Windows without it, NODE_EXTRA_CA_CERTS is the way.

const LINUX_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/ssl/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/pki/tls/certs/ca-bundle.crt',
];

function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

async function readPemFile(path: string | undefined): Promise<string[]> {
  if (!path) return [];
  try {
    return splitPem(await readFile(path, 'utf8'));
  } catch {
    return []; // a missing or unreadable bundle adds nothing, as Node does with NODE_EXTRA_CA_CERTS
  }
}

function macSystemCertificates(): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(
      '/usr/bin/security',
      ['find-certificate', '-a', '-p'],
      { maxBuffer: 64 * 1024 * 1024, timeout: 10_000 },
      (err, stdout) => resolve(err ? [] : splitPem(stdout)),
    );
  });
}

async function platformSystemCertificates(): Promise<string[]> {
  const getCACertificates = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  if (typeof getCACertificates === 'function') {
    try {
      return getCACertificates('system');
    } catch {
      return []; // no readable system store: Node's own roots still apply
    }
  }
  if (process.platform === 'darwin') return macSystemCertificates();
  if (process.platform === 'linux') {
    for (const path of LINUX_BUNDLES) {
      const certs = await readPemFile(path);
      if (certs.length > 0) return certs;
    }
  }
  return [];
}

export interface TrustedCertificates {
  /** The full list to trust, or undefined to keep Node's default store (nothing to add). */
  ca?: readonly string[];
  /** Where the additions came from, with counts, for the log (never certificate contents). */
  sources: string[];
}

/**
 * What the clients given the same CertificateTrust trust, worked out once: the OS certificate
 * store (read at most once: on macOS that starts a process), each distinct certificate's validity,
 * the trusted list per set of inputs, and one TLS secure context per list (building one parses
 * every certificate). The extension makes one at activation; a client without one has its own.
 */
export class CertificateTrust {
  private systemStore: Promise<string[]> | undefined;
  /** Certificate text (whitespace removed) → usable now; each distinct certificate is parsed once. */
  private readonly checked = new Map<string, boolean>();
  private readonly lists = new Map<string, Promise<TrustedCertificates>>();
  private readonly contexts = new WeakMap<readonly string[], tls.SecureContext>();

  /**
   * The certificate authorities a client trusts: Node's bundled roots plus NODE_EXTRA_CA_CERTS,
   * the OS store (when `systemCertificates`; SSL_CERT_FILE counts as part of it), and `ca`.
   * Returns `ca: undefined` when that is what Node trusts anyway, so its defaults apply unchanged.
   * Worked out once for the same inputs.
   */
  trusted(
    options: Pick<ProxyOptions, 'systemCertificates' | 'ca' | 'strictSSL'> | undefined,
    env: Env = process.env,
  ): Promise<TrustedCertificates> {
    if (options?.strictSSL === false) {
      return Promise.resolve({ sources: ['certificate checks off (http.proxyStrictSSL false)'] });
    }
    const key = JSON.stringify([
      env.NODE_EXTRA_CA_CERTS ?? '',
      options?.systemCertificates ? (env.SSL_CERT_FILE ?? '') : null,
      options?.ca ?? [],
    ]);
    let result = this.lists.get(key);
    if (!result) {
      result = this.load(options, env);
      this.lists.set(key, result);
    }
    return result;
  }

  /** One secure context per trusted list. */
  secureContext(ca: readonly string[]): tls.SecureContext {
    let context = this.contexts.get(ca);
    if (!context) {
      context = tls.createSecureContext({ ca: [...ca] });
      this.contexts.set(ca, context);
    }
    return context;
  }

  private async load(
    options: Pick<ProxyOptions, 'systemCertificates' | 'ca'> | undefined,
    env: Env,
  ): Promise<TrustedCertificates> {
    const sources: string[] = [];
    const additions: string[] = [];
    const add = (label: string, pems: readonly string[]): void => {
      if (pems.length === 0) return;
      sources.push(`${label}: ${pems.length}`);
      additions.push(...pems);
    };
    // Node read NODE_EXTRA_CA_CERTS of its own environment at start-up; another file must be added,
    // and the same file must be kept whenever a list of our own replaces Node's defaults.
    const nodeExtra = await readPemFile(env.NODE_EXTRA_CA_CERTS);
    if (env.NODE_EXTRA_CA_CERTS !== process.env.NODE_EXTRA_CA_CERTS) add('NODE_EXTRA_CA_CERTS', nodeExtra);
    if (options?.systemCertificates) {
      this.systemStore ??= platformSystemCertificates();
      add('system store', await this.systemStore);
      add('SSL_CERT_FILE', await readPemFile(env.SSL_CERT_FILE));
    }
    add('extra CA', options?.ca ?? []);
    if (additions.length === 0) return { sources };
    return { ca: this.usable([...tls.rootCertificates, ...nodeExtra, ...additions]), sources };
  }

  /** Certificates valid now (VS Code drops expired ones too: an expired copy can shadow a renewed one). */
  private usable(pems: readonly string[]): string[] {
    const now = Date.now();
    const out: string[] = [];
    const seen = new Set<string>();
    for (const pem of pems) {
      const key = pem.replace(/\s+/g, '');
      if (seen.has(key)) continue;
      seen.add(key);
      let ok = this.checked.get(key);
      if (ok === undefined) {
        try {
          const until = Date.parse(new X509Certificate(pem).validTo);
          ok = Number.isNaN(until) || until > now;
        } catch {
          ok = false; // not a certificate
        }
        this.checked.set(key, ok);
      }
      if (ok) out.push(pem);
    }
    return out;
  }
}

/** `trust.trusted(options, env)`, with a CertificateTrust of its own unless one is given. */
export function trustedCertificates(
  options: Pick<ProxyOptions, 'systemCertificates' | 'ca' | 'strictSSL'> | undefined,
  env: Env = process.env,
  trust: CertificateTrust = new CertificateTrust(),
): Promise<TrustedCertificates> {
  return trust.trusted(options, env);
}
