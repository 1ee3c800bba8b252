// How an account is named in the Accounts menu, the switcher and the status bar.
import type { StoredSession } from './sessionStore';

export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl; // not a URL (an old stored entry): show it as it is
  }
}

/** "Acme (app.harness.io)": unique enough to tell stored accounts apart. */
export function sessionLabel(s: Pick<StoredSession, 'accountName' | 'baseUrl'>): string {
  return `${s.accountName} (${hostOf(s.baseUrl)})`;
}
