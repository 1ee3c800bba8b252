// Sign-in and accounts: the account manager (stored sessions, the environment session, the active
// account), the `harness` authentication provider (VS Code's Accounts menu), the status bar item
// and the sign-in, sign-out and switch commands. Sessions are read when activate() calls
// initialize(); tokens only when a request needs one.
import * as vscode from 'vscode';
import { HarnessAuthProvider } from '../account/authProvider';
import { AccountManager, type ClientFactory, type SignInResult } from '../account/manager';
import { SessionStore } from '../account/sessionStore';
import { interactiveSignIn, runSignIn, type SignInArgs } from '../account/signInFlow';
import { AccountStatusBar } from '../account/statusBar';
import { switchAccount } from '../account/switcher';
import type { Log } from '../ui/log';

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

export class AccountFeature implements vscode.Disposable {
  readonly manager: AccountManager;
  readonly statusBar: AccountStatusBar;
  private readonly disposables: vscode.Disposable[];

  /** `environment`: where HARNESS_API_KEY is read (the process environment; none in the browser). */
  constructor(
    context: vscode.ExtensionContext,
    createClient: ClientFactory,
    log: Log,
    environment: Readonly<Record<string, string | undefined>>,
  ) {
    this.manager = new AccountManager(
      context,
      new SessionStore(context.secrets),
      createClient,
      log,
      interactiveSignIn,
      environment,
    );
    this.statusBar = new AccountStatusBar(this.manager);
    this.disposables = [
      this.manager,
      this.statusBar,
      vscode.authentication.registerAuthenticationProvider(
        'harness',
        'Harness',
        new HarnessAuthProvider(this.manager),
        { supportsMultipleAccounts: true },
      ),
      vscode.commands.registerCommand('harness.signIn', (args?: unknown) => this.signIn(args)),
      vscode.commands.registerCommand('harness.signOut', (arg?: unknown) => this.signOut(arg)),
      vscode.commands.registerCommand('harness.switchAccount', (arg?: unknown) => this.switchAccount(arg)),
      this.manager.onDidChangeLabel(() => this.statusBar.update()),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Reads the stored sessions and picks the active account (once, at start-up). */
  initialize(): Promise<void> {
    return this.manager.initialize();
  }

  /** `harness.signIn`; with `{baseUrl, token, accountId?}` it signs in without prompts (errors are shown and returned). */
  private async signIn(args?: unknown): Promise<SignInResult> {
    if (!isSignInArgs(args)) return this.manager.interactiveSignIn();
    const result = await runSignIn(this.manager, args);
    if (!result.ok && result.reason !== 'cancelled')
      void vscode.window.showErrorMessage(`Harness: ${result.message}`);
    return result;
  }

  /** `harness.signOut`: the given session (`{sessionId}` or id) or the active one. */
  private async signOut(arg?: unknown): Promise<boolean> {
    const manager = this.manager;
    const id = sessionIdArg(arg) ?? manager.current()?.sessionId;
    if (!id) return false;
    const label = manager.current()?.sessionId === id ? manager.current()?.label : undefined;
    const done = await manager.signOut(id);
    if (done) void vscode.window.showInformationMessage(`Harness: signed out${label ? ` of ${label}` : ''}.`);
    return done;
  }

  /** `harness.switchAccount`: to the given session (`{sessionId}` or id) without asking, else through the switcher. */
  private switchAccount(arg?: unknown): Promise<boolean> {
    const wanted = sessionIdArg(arg);
    return wanted ? this.manager.switchTo(wanted) : switchAccount(this.manager);
  }
}
