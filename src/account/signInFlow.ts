// The interactive sign-in: pick or type the base URL, paste the token (password input), give
// the account id only when the token does not carry it, verify, store. A failed verification
// says why (401 / 403 / unreachable) and offers to try again with the same URL.
import * as vscode from 'vscode';
import { normalizeBaseUrl } from '../api/baseUrl';
import { parseToken, resolveAccountId } from '../api/token';
import type { AccountManager, SignInResult } from './manager';

interface UrlItem extends vscode.QuickPickItem {
  url: string;
}

const KNOWN_HOSTS: { url: string; detail: string }[] = [
  { url: 'https://app.harness.io', detail: 'Harness SaaS (Prod1, Prod2)' },
  { url: 'https://app3.harness.io', detail: 'Harness SaaS (Prod3)' },
  { url: 'https://accounts.harness.io', detail: 'Harness SaaS (Prod0, Prod4)' },
  { url: 'https://accounts.eu.harness.io', detail: 'Harness SaaS, EU' },
];

const cancelled: SignInResult = { ok: false, reason: 'cancelled', message: 'Sign-in cancelled.' };

/** Quick pick of known hosts that also accepts a typed URL (self-managed, or the simulator). */
export function pickBaseUrl(preferred?: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<UrlItem>();
    qp.title = 'Harness: Sign In (1/2)';
    qp.placeholder = 'Pick your Harness URL or type a self-managed one (https://harness.example.com)';
    qp.ignoreFocusOut = true;
    const fixed: UrlItem[] = KNOWN_HOSTS.map((h) => ({ label: h.url, detail: h.detail, url: h.url }));
    if (preferred && !fixed.some((f) => f.url === preferred)) {
      fixed.unshift({ label: preferred, detail: 'Last used', url: preferred });
    } else if (preferred) {
      fixed.sort((a, b) => (a.url === preferred ? -1 : b.url === preferred ? 1 : 0));
    }
    qp.items = fixed;
    qp.onDidChangeValue((value) => {
      const typed = value.trim();
      if (!typed || fixed.some((f) => f.url === typed)) {
        qp.items = fixed;
        return;
      }
      try {
        const url = normalizeBaseUrl(typed);
        qp.items = [{ label: url, detail: 'Self-managed or other URL', url, alwaysShow: true }, ...fixed];
      } catch (err) {
        qp.items = [{ label: `$(warning) ${(err as Error).message}`, url: '', alwaysShow: true }, ...fixed];
      }
    });
    let done = false;
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!item || !item.url) return;
      done = true;
      resolve(item.url);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

async function askToken(baseUrl: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Harness: Sign In (2/2)',
    prompt: `API token for ${baseUrl} (a personal access token "pat.…" or service account token "sat.…"). It is kept in VS Code's secret storage only.`,
    placeHolder: 'pat.<accountId>.<tokenId>.<secret>',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) =>
      v.trim() === ''
        ? 'Paste the token'
        : /\s/.test(v.trim())
          ? 'A token has no spaces'
          : /^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim())
            ? 'This is a URL, not a token: paste the API token (pat.… or sat.…)'
            : undefined,
  });
}

async function askAccountId(prefill?: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Harness: Sign In: account id',
    prompt:
      'This token does not say which account it belongs to. Enter the account id (Account Settings → Overview).',
    ...(prefill ? { value: prefill } : {}),
    ignoreFocusOut: true,
    validateInput: (v) =>
      /^[A-Za-z0-9_-]+$/.test(v.trim()) ? undefined : 'Letters, digits, "_" and "-" only',
  });
}

/** Runs the whole interactive flow; loops on failure while the user chooses "Try Again". */
export async function interactiveSignIn(
  manager: AccountManager,
  prefill: { baseUrl?: string; accountId?: string } = {},
): Promise<SignInResult> {
  let preferred =
    prefill.baseUrl ??
    vscode.workspace.getConfiguration('harness').get<string>('defaultBaseUrl') ??
    undefined;
  for (;;) {
    const baseUrl = await pickBaseUrl(preferred);
    if (!baseUrl) return cancelled;
    preferred = baseUrl;
    const token = (await askToken(baseUrl))?.trim();
    if (!token) return cancelled;
    let accountId = parseToken(token).accountId;
    if (!accountId) {
      accountId = (await askAccountId(prefill.accountId))?.trim();
      if (!accountId) return cancelled;
    }
    const result = await runSignIn(manager, { baseUrl, token, accountId });
    if (result.ok) {
      void vscode.window.showInformationMessage(`Harness: signed in to ${result.label}.`);
      return result;
    }
    const again = await vscode.window.showErrorMessage(`Harness: ${result.message}`, 'Try Again');
    if (again !== 'Try Again') return result;
  }
}

export interface SignInArgs {
  baseUrl?: string;
  token: string;
  accountId?: string;
}

/** Validates input and signs in with progress; used by the flow and by `harness.signIn` with arguments. */
export async function runSignIn(manager: AccountManager, args: SignInArgs): Promise<SignInResult> {
  let baseUrl: string;
  let accountId: string;
  try {
    baseUrl = normalizeBaseUrl(args.baseUrl);
    accountId = resolveAccountId(args.token, args.accountId);
  } catch (err) {
    return { ok: false, reason: 'invalidInput', message: (err as Error).message };
  }
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Harness: verifying token with ${baseUrl}…`,
      cancellable: true,
    },
    async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        const result = await manager.signIn(baseUrl, args.token.trim(), accountId, abort.signal);
        return token.isCancellationRequested && !result.ok ? cancelled : result;
      } finally {
        sub.dispose();
      }
    },
  );
}
