// API token shapes. `pat.<account>.<id>.<secret>` and `sat.<account>.<id>.<secret>` carry the
// account id in segment 2; anything else needs the account id from the user.

export type TokenKind = 'pat' | 'sat' | 'other';

export interface TokenInfo {
  kind: TokenKind;
  accountId?: string;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;

export function parseToken(token: string): TokenInfo {
  const parts = token.trim().split('.');
  const prefix = parts[0]?.toLowerCase();
  if ((prefix === 'pat' || prefix === 'sat') && parts.length === 4 && parts.every((p) => SEGMENT.test(p))) {
    return { kind: prefix, accountId: parts[1] };
  }
  return { kind: 'other' };
}

/**
 * The account the client talks to: the explicit id if given, else the one inside the token.
 * A token of another account is refused up front rather than failing with a confusing 401 later.
 */
export function resolveAccountId(token: string, explicitAccountId?: string): string {
  const info = parseToken(token);
  const explicit = explicitAccountId?.trim();
  if (explicit) {
    if (info.accountId !== undefined && info.accountId !== explicit) {
      throw new Error(
        `The API token belongs to account ${info.accountId}, not ${explicit}. Use a token of that account or leave the account id empty.`,
      );
    }
    return explicit;
  }
  if (info.accountId !== undefined) return info.accountId;
  throw new Error(
    'Cannot tell the account from this API token (expected pat.<account>.<id>.<secret> or sat.…). Enter the account id too.',
  );
}

const PAT_OR_SAT = /(^|[^A-Za-z0-9])(pat|sat)\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/i;
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;

/** True when `text` contains a Harness PAT/SAT (`pat.<account>.<id>.<secret>`, harness-api.md §1.2) or a JWT. */
export function containsTokenShape(text: string): boolean {
  return PAT_OR_SAT.test(text) || JWT.test(text);
}

/**
 * True when a host name looks like a credential rather than a name: it contains a PAT/SAT or JWT,
 * a label longer than DNS allows (63), an `_` in a run of 20+ characters, 20+ characters mixing
 * upper case, lower case and digits, or 32+ letters and digits without a hyphen. DNS names are
 * case-insensitive and typed in lower case, while API keys are random mixed-case strings; hyphenated
 * names such as `my-lb-1234567890.us-west-2.elb.amazonaws.com` are not caught.
 */
export function looksLikeCredential(host: string): boolean {
  if (containsTokenShape(host)) return true;
  for (const run of host.match(/[A-Za-z0-9_-]{20,}/g) ?? []) {
    const upper = /[A-Z]/.test(run);
    const lower = /[a-z]/.test(run);
    const digit = /\d/.test(run);
    if (run.length > 63 || run.includes('_')) return true;
    if (upper && lower && digit) return true;
    if (run.length >= 32 && !run.includes('-') && digit) return true;
  }
  return false;
}
