// The `harness` AuthenticationProvider: puts Harness sign-ins in VS Code's Accounts menu
// (sign-out works there) and lets other code call vscode.authentication.getSession('harness').
import * as vscode from 'vscode';
import type { AccountManager } from './manager';

export class HarnessAuthProvider implements vscode.AuthenticationProvider {
  readonly onDidChangeSessions: vscode.Event<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>;

  constructor(private readonly manager: AccountManager) {
    this.onDidChangeSessions = manager.onDidChangeSessions;
  }

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    return this.manager.authSessions();
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    const result = await this.manager.interactiveSignIn();
    if (!result.ok) throw new Error(result.message);
    const session = (await this.manager.authSessions()).find((s) => s.id === result.sessionId);
    if (!session) throw new Error('The new Harness session could not be read back from secret storage.');
    return session;
  }

  async removeSession(sessionId: string): Promise<void> {
    await this.manager.signOut(sessionId);
  }
}
