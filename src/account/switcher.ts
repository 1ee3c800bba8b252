// `Harness: Switch Account`: one quick pick with the environment session, every stored sign-in,
// "sign in to another account" and "sign out of" the active one.
import * as vscode from 'vscode';
import { ENV_SESSION_ID } from './envSession';
import { hostOf } from './labels';
import type { AccountManager } from './manager';

interface AccountPick extends vscode.QuickPickItem {
  action: 'switch' | 'signIn' | 'signOut';
  sessionId?: string;
}

/** The switcher's items for the manager's current state. */
export function accountPicks(manager: AccountManager): AccountPick[] {
  const current = manager.current();
  const active = (sessionId: string) =>
    current?.sessionId === sessionId ? { detail: '$(check) active' } : {};
  const items: AccountPick[] = [];
  const env = manager.envSession();
  if (env) {
    items.push({
      label: `$(terminal) ${env.accountId}`,
      description: `${hostOf(env.baseUrl)} · from the environment (HARNESS_API_KEY)`,
      action: 'switch',
      sessionId: ENV_SESSION_ID,
      ...active(ENV_SESSION_ID),
    });
  }
  for (const s of manager.storedSessions()) {
    items.push({
      label: `$(account) ${s.accountName}`,
      description: [hostOf(s.baseUrl), s.userLabel].filter(Boolean).join(' · '),
      action: 'switch',
      sessionId: s.id,
      ...active(s.id),
    });
  }
  items.push({ label: '$(add) Sign in to another account…', action: 'signIn' });
  if (current && !current.fromEnvironment) {
    items.push({
      label: `$(sign-out) Sign out of ${current.label}`,
      action: 'signOut',
      sessionId: current.sessionId,
    });
  }
  return items;
}

/** Shows the switcher and does what was picked; true when the account changed. */
export async function switchAccount(manager: AccountManager): Promise<boolean> {
  const pick = await vscode.window.showQuickPick(accountPicks(manager), {
    title: 'Harness: Switch Account',
    placeHolder: 'Account to use',
  });
  if (!pick) return false;
  if (pick.action === 'signIn') return (await manager.interactiveSignIn()).ok;
  if (pick.action === 'signOut' && pick.sessionId) return manager.signOut(pick.sessionId);
  return pick.sessionId ? manager.switchTo(pick.sessionId) : false;
}
