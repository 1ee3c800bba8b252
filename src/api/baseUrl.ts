// Where the token is sent. The base URL decides the only origin that ever receives the API key,
// so it is normalised and checked once, here, before a client is built.
import { containsTokenShape, looksLikeCredential } from './token';

export const DEFAULT_BASE_URL = 'https://app.harness.io';

/** True for names that resolve to this machine: localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && v4.slice(1).every((octet) => Number(octet) <= 255);
}

/** Refusal for a base URL that looks like a token; says nothing of what was typed. */
export const CREDENTIAL_AS_URL_MESSAGE =
  'This looks like an API token or another secret, not a Harness URL, so it was not used or sent anywhere. ' +
  `Enter the Harness URL here (e.g. ${DEFAULT_BASE_URL}) and paste the token when asked for it.`;

/** The host part of what the user typed, before URL parsing lower-cases it. */
function rawHost(raw: string): string {
  const rest = raw.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host.replace(/:\d*$/, '');
}

/**
 * Normalises a user-supplied Harness base URL: defaults to SaaS, adds `https://` when no scheme is
 * given, drops a trailing `/` and `/gateway` (the REST paths used here live outside it) and any path
 * on *.harness.io, and refuses
 * plain `http://` unless the host is loopback (the simulator, a local tunnel).
 * Anything token-shaped (a PAT/SAT or JWT anywhere, or a host that is a long opaque string) is
 * refused before it can reach DNS, a proxy's CONNECT line or a message, and is never echoed.
 */
export function normalizeBaseUrl(input?: string): string {
  const raw = (input ?? '').trim();
  if (raw === '') return DEFAULT_BASE_URL;
  if (containsTokenShape(raw) || looksLikeCredential(rawHost(raw))) {
    throw new Error(CREDENTIAL_AS_URL_MESSAGE);
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(
      // Not echoed: what was typed may be a secret of some other shape.
      `That is not a valid Harness URL. Use e.g. ${DEFAULT_BASE_URL} or your self-managed URL.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Harness URL must start with https:// (got ${url.protocol}//).`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new Error(
      `Refusing plain http:// for ${url.hostname}: the API token would travel unencrypted. Use https:// (http is allowed only for localhost).`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error('Harness URL must not contain a user name or password.');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error('Harness URL must not contain a query (?…) or fragment (#…).');
  }
  // Harness SaaS serves the API at the host root: a pasted UI address (…/ng/account/<id>/…)
  // is reduced to its host. Self-managed installs may sit below a path, which is kept.
  if (/(^|\.)harness\.io$/i.test(url.hostname)) return url.origin;
  let path = url.pathname.replace(/\/+$/, '');
  path = path.replace(/\/gateway$/i, '').replace(/\/+$/, '');
  return `${url.origin}${path}`;
}
