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
