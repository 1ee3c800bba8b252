// Checks a token against the API before anything is stored, and says precisely what failed:
// 401 (token rejected), 403 (token fine, no access to that account), unreachable, or a URL
// that does not answer like Harness. vscode-free.
import { isHarnessApiError } from '../api/errors';
import type { HarnessApi } from '../api/types';
import { apiErrorInfo } from '../ui/errorText';

export type VerifyFailure = 'unauthorized' | 'forbidden' | 'unreachable' | 'notHarness' | 'other';

export type VerifyResult =
  | { ok: true; accountName: string; userLabel?: string }
  | { ok: false; reason: VerifyFailure; message: string };

export function verifyFailureMessage(err: unknown, baseUrl: string, accountId: string): VerifyResult {
  const info = apiErrorInfo(err);
  const suffix = info.correlationId ? ` (correlation id ${info.correlationId})` : '';
  switch (info.kind) {
    case 'unauthorized':
      return {
        ok: false,
        reason: 'unauthorized',
        message: `Harness rejected the API token (401): check that it is complete, not expired and not revoked.${suffix}`,
      };
    case 'forbidden':
      return {
        ok: false,
        reason: 'forbidden',
        message: `The token is valid but has no access to account ${accountId} (403): check the account id and the token's permissions.${suffix}`,
      };
    case 'network':
    case 'timeout':
      return {
        ok: false,
        reason: 'unreachable',
        message: `Cannot reach Harness at ${baseUrl}: ${info.message.replace(/\.$/, '')}. Check the URL, your network and proxy settings.`,
      };
    case 'notFound':
    case 'badResponse':
      return {
        ok: false,
        reason: 'notHarness',
        message: `${baseUrl} did not answer like the Harness API (${info.message.replace(/\.$/, '')}). Check the base URL.${suffix}`,
      };
    default:
      return { ok: false, reason: 'other', message: `Could not verify the token: ${info.message}${suffix}` };
  }
}

/** Verifies the token (who am I) and reads the account's name; the name is optional (403 there is fine for SATs). */
export async function verifyAccount(api: HarnessApi, signal?: AbortSignal): Promise<VerifyResult> {
  let userLabel: string | undefined;
  try {
    const who = await api.verifyToken({ signal });
    userLabel = who.user?.email ?? who.user?.name ?? (who.kind === 'sat' ? 'service account' : undefined);
  } catch (err) {
    return verifyFailureMessage(err, api.baseUrl, api.accountId);
  }
  let accountName = api.accountId;
  try {
    const account = await api.getAccount({ signal });
    accountName = account.name || account.companyName || api.accountId;
  } catch (err) {
    if (!isHarnessApiError(err, 'forbidden') && !isHarnessApiError(err, 'notFound'))
      return verifyFailureMessage(err, api.baseUrl, api.accountId);
  }
  return userLabel ? { ok: true, accountName, userLabel } : { ok: true, accountName };
}
