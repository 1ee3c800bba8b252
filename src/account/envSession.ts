// The environment session for CI and dev containers: HARNESS_API_KEY (+ optional
// HARNESS_ACCOUNT_ID, HARNESS_BASE_URL). Never stored anywhere; the token stays in the environment.
import { normalizeBaseUrl } from '../api/baseUrl';
import { resolveAccountId } from '../api/token';

export const ENV_SESSION_ID = 'env';

export interface EnvSession {
  baseUrl: string;
  accountId: string;
  token: string;
}

export type EnvSessionResult = { session: EnvSession } | { problem: string } | undefined;

/** Reads the variables; undefined when HARNESS_API_KEY is not set, `problem` when they are unusable. */
export function readEnvSession(env: Readonly<Record<string, string | undefined>>): EnvSessionResult {
  const token = env.HARNESS_API_KEY?.trim();
  if (!token) return undefined;
  try {
    const baseUrl = normalizeBaseUrl(env.HARNESS_BASE_URL);
    const accountId = resolveAccountId(token, env.HARNESS_ACCOUNT_ID);
    return { session: { baseUrl, accountId, token } };
  } catch (err) {
    return { problem: `HARNESS_API_KEY is set but cannot be used: ${(err as Error).message}` };
  }
}
