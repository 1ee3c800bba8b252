// Which undici dispatcher carries the requests: direct, an explicit proxy (VS Code's
// `http.proxy`), or the standard HTTPS_PROXY/HTTP_PROXY/NO_PROXY variables. Proxying and NO_PROXY
// matching are undici's own (ProxyAgent via EnvHttpProxyAgent); loopback never goes through a proxy.
import { Agent, type Dispatcher, EnvHttpProxyAgent, type buildConnector } from 'undici';
import { isLoopbackHost } from './baseUrl';

export interface ProxyOptions {
  /** Proxy URL (`http://host:port`); overrides the environment. */
  url?: string;
  /** Verify TLS certificates (default true). False only for self-signed corporate setups. */
  strictSSL?: boolean;
}

export type ProxyRoute = 'direct' | 'proxy' | 'env';

export interface DispatcherChoice {
  dispatcher: Dispatcher;
  route: ProxyRoute;
}

type Env = Record<string, string | undefined>;

function envValue(env: Env, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v !== undefined && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * Builds the dispatcher for a client whose only origin is `baseUrl`.
 * `connect` replaces the socket connector of direct connections (tests use it to observe where a
 * direct connection would go without opening one).
 */
export function createDispatcher(
  baseUrl: string,
  proxy: ProxyOptions | undefined,
  env: Env = process.env,
  connect?: buildConnector.connector,
): DispatcherChoice {
  const strict = proxy?.strictSSL !== false;
  const tls = { rejectUnauthorized: strict };
  const direct = connect ?? tls;
  if (isLoopbackHost(new URL(baseUrl).hostname)) {
    return { dispatcher: new Agent({ connect: direct }), route: 'direct' };
  }
  const noProxy = envValue(env, 'no_proxy') ?? '';
  const explicit = proxy?.url?.trim();
  if (explicit) {
    let parsed: URL;
    try {
      parsed = new URL(explicit);
    } catch {
      throw new Error(`Proxy URL "${explicit}" is not a valid URL (expected http://host:port).`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`Proxy URL must start with http:// or https:// (got ${parsed.protocol}//).`);
    }
    const dispatcher = new EnvHttpProxyAgent({
      httpProxy: explicit,
      httpsProxy: explicit,
      noProxy,
      connect: direct,
      requestTls: tls,
      proxyTls: tls,
    });
    return { dispatcher, route: 'proxy' };
  }
  const httpsProxy = envValue(env, 'https_proxy');
  const httpProxy = envValue(env, 'http_proxy');
  if (httpsProxy !== undefined || httpProxy !== undefined) {
    const dispatcher = new EnvHttpProxyAgent({
      httpProxy: httpProxy ?? '',
      httpsProxy: httpsProxy ?? httpProxy ?? '',
      noProxy,
      connect: direct,
      requestTls: tls,
      proxyTls: tls,
    });
    return { dispatcher, route: 'env' };
  }
  return { dispatcher: new Agent({ connect: direct }), route: 'direct' };
}
