// Sign-in, accounts and the resource tree: registered at activation, loaded lazily.
import * as vscode from 'vscode';
import type { AccountContext } from './accounts';
import { HarnessAuthProvider } from './authProvider';
import { RateBudgets } from '../api/limiter';
import { clientFactory } from './clientFactory';
import { AccountManager, type SignInResult } from './manager';
import { hostOf } from './labels';
import { SessionStore } from './sessionStore';
import { interactiveSignIn, runSignIn, type SignInArgs } from './signInFlow';
import { AccountStatusBar } from './statusBar';
import { ENV_SESSION_ID } from './envSession';

/** What the account half adds to the extension's exports (hooks for tests, only in test runs). */
export interface AccountFeaturesApi {
  /** Resolves when stored sessions have been read at start-up. */
  ready: Promise<void>;
  /** The active account, if any. */
  currentAccount(): AccountContext | undefined;
  /** Stored sign-ins (no tokens), for tests that clean up after themselves. */
  storedSessionIds(): string[];
}

function isSignInArgs(v: unknown): v is SignInArgs {
  return typeof v === 'object' && v !== null && typeof Reflect.get(v, 'token') === 'string';
}

function sessionIdArg(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) {
    const id = Reflect.get(v, 'sessionId');
    if (typeof id === 'string') return id;
  }
  return undefined;
}

interface AccountPick extends vscode.QuickPickItem {
  action: 'switch' | 'signIn' | 'signOut';
  sessionId?: string;
}

export interface AccountFeatures extends AccountFeaturesApi {
  manager: AccountManager;
  statusBar: AccountStatusBar;
}

export function registerAccountFeatures(context: vscode.ExtensionContext): AccountFeatures {
  const manager = new AccountManager(
    context,
    new SessionStore(context.secrets),
    clientFactory(new RateBudgets()),
  );
  manager.interactiveSignIn = (prefill) => interactiveSignIn(manager, prefill);
  const statusBar = new AccountStatusBar(manager);

  const switchAccount = async (arg?: unknown): Promise<boolean> => {
    const wanted = sessionIdArg(arg);
    if (wanted) return manager.switchTo(wanted);
    const current = manager.current();
    const items: AccountPick[] = [];
    const env = manager.envSession();
    if (env) {
      items.push({
        label: `$(terminal) ${env.accountId}`,
        description: `${hostOf(env.baseUrl)} · from the environment (HARNESS_API_KEY)`,
        action: 'switch',
        sessionId: ENV_SESSION_ID,
        ...(current?.sessionId === ENV_SESSION_ID ? { detail: '$(check) active' } : {}),
      });
    }
    for (const s of manager.storedSessions()) {
      items.push({
        label: `$(account) ${s.accountName}`,
        description: [hostOf(s.baseUrl), s.userLabel].filter(Boolean).join(' · '),
        action: 'switch',
        sessionId: s.id,
        ...(current?.sessionId === s.id ? { detail: '$(check) active' } : {}),
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
    const pick = await vscode.window.showQuickPick(items, {
      title: 'Harness: Switch Account',
      placeHolder: 'Account to use',
    });
    if (!pick) return false;
    if (pick.action === 'signIn') return (await manager.interactiveSignIn()).ok;
    if (pick.action === 'signOut' && pick.sessionId) return manager.signOut(pick.sessionId);
    return pick.sessionId ? manager.switchTo(pick.sessionId) : false;
  };

  context.subscriptions.push(
    manager,
    statusBar,
    vscode.authentication.registerAuthenticationProvider(
      'harness',
      'Harness',
      new HarnessAuthProvider(manager),
      {
        supportsMultipleAccounts: true,
      },
    ),
    /** With `{baseUrl, token, accountId?}` signs in without prompts (errors are shown and returned). */
    vscode.commands.registerCommand('harness.signIn', async (args?: unknown): Promise<SignInResult> => {
      if (!isSignInArgs(args)) return manager.interactiveSignIn();
      const result = await runSignIn(manager, args);
      if (!result.ok && result.reason !== 'cancelled')
        void vscode.window.showErrorMessage(`Harness: ${result.message}`);
      return result;
    }),
    /** Signs out of the given session (`{sessionId}` or id) or the active one. */
    vscode.commands.registerCommand('harness.signOut', async (arg?: unknown): Promise<boolean> => {
      const id = sessionIdArg(arg) ?? manager.current()?.sessionId;
      if (!id) return false;
      const label = manager.current()?.sessionId === id ? manager.current()?.label : undefined;
      const done = await manager.signOut(id);
      if (done)
        void vscode.window.showInformationMessage(`Harness: signed out${label ? ` of ${label}` : ''}.`);
      return done;
    }),
    vscode.commands.registerCommand('harness.switchAccount', switchAccount),
  );

  context.subscriptions.push(manager.onDidChangeLabel(() => statusBar.update()));

  const ready = manager.initialize();
  return {
    manager,
    statusBar,
    ready,
    currentAccount: () => manager.current(),
    storedSessionIds: () => manager.storedSessions().map((s) => s.id),
  };
}
