// The active Harness account as the rest of the extension sees it. Commands, the tree and the
// language client are given an `Accounts` (the account manager) in their constructors instead of
// touching SecretStorage or the authentication provider themselves.
import * as vscode from 'vscode';
import type { HarnessApi } from '../api/types';

export interface AccountContext {
  /** Id of the AuthenticationSession (or `env` for the environment-variable session). */
  sessionId: string;
  /** What the user sees: account name (or id) and host. */
  label: string;
  baseUrl: string;
  accountId: string;
  /** Client for this account; the token is read from SecretStorage when the first request needs it. */
  api: HarnessApi;
  /** True for the environment-variable session (HARNESS_API_KEY): a full session, but it cannot be signed out of or changed in the UI. */
  fromEnvironment: boolean;
}

export interface Accounts {
  /** Fires when the active account changes (sign in, sign out, switch, another window). */
  readonly onDidChange: vscode.Event<AccountContext | undefined>;
  current(): AccountContext | undefined;
  /** The active account; when there is none, offers to sign in and returns the result (undefined if declined). */
  require(): Promise<AccountContext | undefined>;
  /** Shows an API error for `operation` (e.g. "list pipelines"): 401 offers to sign in again, 403 names the missing access. */
  handleApiError(err: unknown, operation: string): Promise<void>;
}
