// The signed-in accounts and which one is active. Owns the SessionStore, the env session and
// the AuthenticationProvider's change events; implements the `Accounts` contract.
import * as vscode from 'vscode';
import { isHarnessApiError } from '../api/errors';
import type { HarnessApi } from '../api/types';
import type { Log } from '../ui/log';
import { describeApiError, permissionFor } from '../ui/errorText';
import type { AccountContext, Accounts } from './accounts';
import { ENV_SESSION_ID, readEnvSession, type EnvSession } from './envSession';
import { lazyApi } from './lazyApi';
import { hostOf, sessionLabel } from './labels';
import { SecretStoreError, SessionStore, type StoredSession } from './sessionStore';
import { verifyAccount, type VerifyFailure } from './verify';

export type ClientFactory = (options: { baseUrl: string; token: string; accountId: string }) => HarnessApi;

export type SignInResult =
  | { ok: true; sessionId: string; accountId: string; label: string }
  | { ok: false; reason: VerifyFailure | 'invalidInput' | 'storage' | 'cancelled'; message: string };

/** The interactive sign-in (prompts; signInFlow.ts), given to the manager so this class stays free of UI flows. */
export type SignInUi = (
  manager: AccountManager,
  prefill?: { baseUrl?: string; accountId?: string },
) => Promise<SignInResult>;

const signInUnavailable: SignInUi = async () => ({
  ok: false,
  reason: 'cancelled',
  message: 'Sign-in is not available.',
});

const ACTIVE_KEY = 'harness.activeSessionId';

/** Releases the pooled connections of a client that is no longer used (the HarnessClient has close()). */
function closeClient(api: HarnessApi, log: Log): void {
  const close: unknown = Reflect.get(api, 'close');
  if (typeof close === 'function')
    void (close as () => Promise<void>)
      .call(api)
      .catch((err: unknown) => log.debug(`closing the sign-in check's client: ${String(err)}`));
}

/** Shows the active account's state to the other parts; one instance per window. */
export class AccountManager implements Accounts, vscode.Disposable {
  private sessions: StoredSession[] = [];
  private env: EnvSession | undefined;
  private active: AccountContext | undefined;
  private readonly contexts = new Map<string, AccountContext>();
  private readonly changed = new vscode.EventEmitter<AccountContext | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly sessionsChanged =
    new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.sessionsChanged.event;
  /** Fires when the active account's label changes without the account changing (env session name lookup). */
  private readonly relabelled = new vscode.EventEmitter<AccountContext>();
  readonly onDidChangeLabel = this.relabelled.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.sessionsChanged, this.relabelled];
  private reauthOpen: Promise<void> | undefined;
  /** Store writes and reloads run one at a time, so a reload triggered by our own write never sees a half-updated store. */
  private queue: Promise<unknown> = Promise.resolve();
  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly store: SessionStore,
    private readonly createClient: ClientFactory,
    private readonly log: Log,
    private readonly signInUi: SignInUi = signInUnavailable,
    env: Readonly<Record<string, string | undefined>> = {},
  ) {
    const fromEnv = readEnvSession(env);
    if (fromEnv && 'session' in fromEnv) this.env = fromEnv.session;
    else if (fromEnv) void vscode.window.showWarningMessage(`Harness: ${fromEnv.problem}`);
    this.disposables.push(
      context.secrets.onDidChange((e) => {
        if (e.key.startsWith('harness.')) void this.reload('another window changed the stored sign-ins');
      }),
    );
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    // The caller gets `run` and its failure; the queue only keeps the order.
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Reads stored sessions and picks the active one. Storage failures are shown, never treated as "signed out". */
  async initialize(): Promise<void> {
    await this.reload();
    if (this.env) void this.nameEnvSession(this.envContext(this.env));
  }

  /** The env session starts labelled by account id; ask Harness for the name once, in the background. */
  private async nameEnvSession(ctx: AccountContext): Promise<void> {
    try {
      const account = await ctx.api.getAccount();
      const name = account.name || account.companyName;
      if (!name) return;
      ctx.label = `${name} (${hostOf(ctx.baseUrl)}, from environment)`;
      this.relabelled.fire(ctx);
    } catch (err) {
      // The tree reports connectivity problems; the label just stays the account id.
      this.log.debug(`Harness: could not read the environment account's name: ${(err as Error).message}`);
    }
  }

  current(): AccountContext | undefined {
    return this.active;
  }

  storedSessions(): readonly StoredSession[] {
    return this.sessions;
  }

  envSession(): EnvSession | undefined {
    return this.env;
  }

  /** Asks for a URL and token (and account id when needed), verifies and stores them. */
  interactiveSignIn(prefill?: { baseUrl?: string; accountId?: string }): Promise<SignInResult> {
    return this.signInUi(this, prefill);
  }

  async require(): Promise<AccountContext | undefined> {
    if (this.active) return this.active;
    const pick = await vscode.window.showInformationMessage('Sign in to Harness to continue.', 'Sign In');
    if (pick !== 'Sign In') return undefined;
    const result = await this.interactiveSignIn();
    return result.ok ? this.active : undefined;
  }

  async handleApiError(err: unknown, operation: string): Promise<void> {
    if (isHarnessApiError(err, 'cancelled')) return;
    let text = describeApiError(err, operation);
    this.log.error(text);
    if (isHarnessApiError(err, 'unauthorized') && this.active && !this.active.fromEnvironment) {
      await this.offerReauth(text);
      return;
    }
    if (isHarnessApiError(err, 'forbidden')) {
      const permission = permissionFor(operation);
      if (permission) text += ` It needs the "${permission}" permission in this scope.`;
    }
    void vscode.window.showErrorMessage(`Harness: ${text}`);
  }

  /** One "sign in again" prompt at a time, however many calls fail with 401 meanwhile. */
  private offerReauth(text: string): Promise<void> {
    this.reauthOpen ??= (async () => {
      const current = this.active;
      const pick = await vscode.window.showErrorMessage(`Harness: ${text}`, 'Sign In Again');
      if (pick === 'Sign In Again' && current) {
        await this.interactiveSignIn({ baseUrl: current.baseUrl, accountId: current.accountId });
      }
    })().finally(() => {
      this.reauthOpen = undefined;
    });
    return this.reauthOpen;
  }

  /** Verifies and stores a token, then makes it the active account. No prompts. */
  async signIn(
    baseUrl: string,
    token: string,
    accountId: string,
    signal?: AbortSignal,
  ): Promise<SignInResult> {
    const api = this.createClient({ baseUrl, token, accountId });
    const verified = await verifyAccount(api, signal).finally(() => closeClient(api, this.log));
    if (!verified.ok) return verified;
    const session: StoredSession = {
      // WebCrypto's, present in Node 20 and in browsers (the web build has no node:crypto).
      id: globalThis.crypto.randomUUID(),
      baseUrl,
      accountId,
      accountName: verified.accountName,
      ...(verified.userLabel ? { userLabel: verified.userLabel } : {}),
      createdAt: Date.now(),
    };
    const stored = await this.serial(async () => {
      const before = this.sessions;
      this.sessions = await this.store.add(session, token);
      const removed = before.filter((s) => !this.sessions.some((n) => n.id === s.id));
      for (const r of removed) this.contexts.delete(r.id);
      await this.context.globalState.update(ACTIVE_KEY, session.id);
      this.sessionsChanged.fire({
        added: [await this.toAuthSession(session, token)],
        removed: removed.map((r) => this.toAuthSessionWithoutToken(r)),
        changed: [],
      });
      this.setActive(this.contextFor(session));
    }).then(
      () => undefined,
      (err: unknown) => (err instanceof Error ? err.message : String(err)),
    );
    if (stored !== undefined) return { ok: false, reason: 'storage', message: stored };
    this.log.info(`Signed in to Harness account ${accountId} at ${baseUrl}`);
    return { ok: true, sessionId: session.id, accountId, label: sessionLabel(session) };
  }

  /** Removes a stored session (sign out). The env session cannot be removed. */
  signOut(sessionId: string): Promise<boolean> {
    return this.serial(() => this.signOutNow(sessionId));
  }

  private async signOutNow(sessionId: string): Promise<boolean> {
    if (sessionId === ENV_SESSION_ID) {
      void vscode.window.showInformationMessage(
        'Harness: this session comes from HARNESS_API_KEY in the environment; unset the variable to sign out.',
      );
      return false;
    }
    let removed: StoredSession | undefined;
    try {
      removed = await this.store.remove(sessionId);
    } catch (err) {
      void vscode.window.showErrorMessage(`Harness: ${(err as Error).message}`);
      return false;
    }
    if (!removed) return false;
    this.sessions = this.sessions.filter((s) => s.id !== sessionId);
    this.contexts.delete(sessionId);
    this.sessionsChanged.fire({ added: [], removed: [this.toAuthSessionWithoutToken(removed)], changed: [] });
    if (this.active?.sessionId === sessionId) {
      await this.context.globalState.update(ACTIVE_KEY, undefined);
      this.setActive(this.pickDefault());
    }
    this.log.info(`Signed out of Harness account ${removed.accountId}`);
    return true;
  }

  /** Makes a stored (or the env) session active without re-entering its token. */
  async switchTo(sessionId: string): Promise<boolean> {
    const ctx = this.contextById(sessionId);
    if (!ctx) return false;
    await this.context.globalState.update(ACTIVE_KEY, sessionId);
    this.setActive(ctx);
    return true;
  }

  /** Sessions for the AuthenticationProvider (reads tokens: VS Code asks for them by definition). */
  async authSessions(): Promise<vscode.AuthenticationSession[]> {
    const out: vscode.AuthenticationSession[] = [];
    for (const s of this.sessions) {
      const token = await this.store.getToken(s.id);
      if (token) out.push(await this.toAuthSession(s, token));
    }
    return out;
  }

  private async toAuthSession(s: StoredSession, token: string): Promise<vscode.AuthenticationSession> {
    return { ...this.toAuthSessionWithoutToken(s), accessToken: token };
  }

  private toAuthSessionWithoutToken(s: StoredSession): vscode.AuthenticationSession {
    return {
      id: s.id,
      accessToken: '',
      account: { id: s.id, label: sessionLabel(s) + (s.userLabel ? ` · ${s.userLabel}` : '') },
      scopes: [],
    };
  }

  private contextById(id: string): AccountContext | undefined {
    if (id === ENV_SESSION_ID) return this.env ? this.envContext(this.env) : undefined;
    const s = this.sessions.find((x) => x.id === id);
    return s ? this.contextFor(s) : undefined;
  }

  private contextFor(s: StoredSession): AccountContext {
    let ctx = this.contexts.get(s.id);
    if (!ctx || ctx.baseUrl !== s.baseUrl || ctx.accountId !== s.accountId) {
      ctx = {
        sessionId: s.id,
        label: sessionLabel(s),
        baseUrl: s.baseUrl,
        accountId: s.accountId,
        fromEnvironment: false,
        api: lazyApi(s.baseUrl, s.accountId, async () => {
          const token = await this.store.getToken(s.id);
          if (!token) {
            throw new SecretStoreError(
              'read',
              new Error(`no token is stored for ${sessionLabel(s)}; sign in again`),
            );
          }
          return this.createClient({ baseUrl: s.baseUrl, token, accountId: s.accountId });
        }),
      };
      this.contexts.set(s.id, ctx);
    }
    return ctx;
  }

  private envContext(env: EnvSession): AccountContext {
    let ctx = this.contexts.get(ENV_SESSION_ID);
    if (!ctx) {
      ctx = {
        sessionId: ENV_SESSION_ID,
        label: `${env.accountId} (${hostOf(env.baseUrl)}, from environment)`,
        baseUrl: env.baseUrl,
        accountId: env.accountId,
        fromEnvironment: true,
        api: lazyApi(env.baseUrl, env.accountId, async () =>
          this.createClient({ baseUrl: env.baseUrl, token: env.token, accountId: env.accountId }),
        ),
      };
      this.contexts.set(ENV_SESSION_ID, ctx);
    }
    return ctx;
  }

  private pickDefault(): AccountContext | undefined {
    const wanted = this.context.globalState.get<string>(ACTIVE_KEY);
    if (wanted) {
      const ctx = this.contextById(wanted);
      if (ctx) return ctx;
    }
    if (this.env) return this.envContext(this.env);
    const first = this.sessions[0];
    return first ? this.contextFor(first) : undefined;
  }

  private reload(reason?: string): Promise<void> {
    return this.serial(() => this.reloadNow(reason));
  }

  private async reloadNow(reason?: string): Promise<void> {
    let listed: StoredSession[];
    try {
      const result = await this.store.list();
      listed = result.sessions;
      if (result.problem) void vscode.window.showWarningMessage(`Harness: ${result.problem}.`);
    } catch (err) {
      // Never drop what we had because the keyring hiccuped: keep the sessions in memory, say so.
      const message = err instanceof Error ? err.message : String(err);
      this.log.error(message);
      void vscode.window.showErrorMessage(`Harness: ${message}`);
      this.setActive(this.active ?? (this.env ? this.envContext(this.env) : undefined));
      return;
    }
    const before = this.sessions;
    this.sessions = listed;
    const added = listed.filter((s) => !before.some((b) => b.id === s.id));
    const removed = before.filter((b) => !listed.some((s) => s.id === b.id));
    for (const r of removed) this.contexts.delete(r.id);
    if (reason && (added.length > 0 || removed.length > 0)) {
      this.log.info(`Harness sign-ins changed: ${reason}`);
      this.sessionsChanged.fire({
        added: added.map((s) => this.toAuthSessionWithoutToken(s)),
        removed: removed.map((s) => this.toAuthSessionWithoutToken(s)),
        changed: [],
      });
    }
    const keep = this.active && this.contextById(this.active.sessionId);
    this.setActive(keep || this.pickDefault());
  }

  private setActive(ctx: AccountContext | undefined): void {
    const same = ctx?.sessionId === this.active?.sessionId && ctx === this.active;
    this.active = ctx;
    void vscode.commands.executeCommand('setContext', 'harness.signedIn', !!ctx);
    void vscode.commands.executeCommand('setContext', 'harness.fromEnvironment', !!ctx?.fromEnvironment);
    if (!same) this.changed.fire(ctx);
  }
}
