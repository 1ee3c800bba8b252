// Status bar item: the active account (and the org/project selected in the tree); clicking it
// opens the account switcher (or sign-in when signed out).
import * as vscode from 'vscode';
import type { Scope } from '../api/types';
import type { Accounts } from './accounts';

export class AccountStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private scope: Scope | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly accounts: Accounts) {
    this.item = vscode.window.createStatusBarItem('harness.account', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Harness Account';
    this.subscription = accounts.onDidChange(() => {
      this.scope = undefined;
      this.update();
    });
    this.update();
    this.item.show();
  }

  setScope(scope: Scope | undefined): void {
    this.scope = scope;
    this.update();
  }

  update(): void {
    const account = this.accounts.current();
    if (!account) {
      this.item.text = '$(sign-in) Harness';
      this.item.tooltip = 'Harness: Sign In';
      this.item.command = 'harness.signIn';
      return;
    }
    const where = [this.scope?.orgIdentifier, this.scope?.projectIdentifier].filter(Boolean).join('/');
    this.item.text = `$(account) ${account.label}${where ? ` · ${where}` : ''}`;
    const tip = new vscode.MarkdownString(
      `**Harness:** ${account.label}${account.fromEnvironment ? ' (from the environment: HARNESS_API_KEY)' : ''}\n\n` +
        `Account id: \`${account.accountId}\`\n\n` +
        (where ? `Selected: \`${where}\`\n\n` : '') +
        'Click to switch account.',
    );
    this.item.tooltip = tip;
    this.item.command = 'harness.switchAccount';
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
