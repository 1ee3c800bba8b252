// Stored Harness sign-ins. Everything lives in VS Code's SecretStorage: an index of the
// non-secret fields under one key and each token under its own key, so listing accounts never
// reads a token and a token is read only when a request needs it. No `vscode` import: the
// store takes a minimal SecretStorage-shaped object so unit tests can give it a fake.

export interface SecretBackend {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** A stored sign-in without its token. */
export interface StoredSession {
  id: string;
  baseUrl: string;
  accountId: string;
  /** Account name if Harness told us, else the account id. */
  accountName: string;
  /** User name/email for PATs, "service account" for SATs. */
  userLabel?: string;
  createdAt: number;
}

export const INDEX_KEY = 'harness.sessions';
export const tokenKey = (id: string) => `harness.token.${id}`;

/** The secret store itself failed (no keyring, locked keyring…): never treated as "no sessions". */
export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
  constructor(
    readonly operation: 'read' | 'write',
    cause: unknown,
  ) {
    super(
      `VS Code's secret storage could not ${operation} Harness credentials: ${
        cause instanceof Error ? cause.message : String(cause)
      }. On Linux this usually means no keyring (e.g. gnome-keyring) is running or it is locked.`,
    );
  }
}

function isStoredSession(v: unknown): v is StoredSession {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    typeof r.baseUrl === 'string' &&
    typeof r.accountId === 'string' &&
    typeof r.accountName === 'string' &&
    typeof r.createdAt === 'number' &&
    (r.userLabel === undefined || typeof r.userLabel === 'string')
  );
}

export interface IndexReadResult {
  sessions: StoredSession[];
  /** Set when the index existed but could not be understood (kept as is until the next write). */
  problem?: string;
}

export class SessionStore {
  constructor(private readonly secrets: SecretBackend) {}

  /** Lists stored sessions. Throws SecretStoreError when the store itself fails. */
  async list(): Promise<IndexReadResult> {
    let raw: string | undefined;
    try {
      raw = await this.secrets.get(INDEX_KEY);
    } catch (err) {
      throw new SecretStoreError('read', err);
    }
    if (raw === undefined || raw === '') return { sessions: [] };
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!Array.isArray(parsed)) throw new Error('not a list');
      const sessions = parsed.filter(isStoredSession);
      const problem =
        sessions.length === parsed.length
          ? undefined
          : `${parsed.length - sessions.length} stored entries were unreadable`;
      return problem ? { sessions, problem } : { sessions };
    } catch (err) {
      return { sessions: [], problem: `stored Harness sign-ins are unreadable (${(err as Error).message})` };
    }
  }

  async getToken(id: string): Promise<string | undefined> {
    try {
      return await this.secrets.get(tokenKey(id));
    } catch (err) {
      throw new SecretStoreError('read', err);
    }
  }

  /** Adds or replaces (same baseUrl + accountId + user) a session; the token is written before the index. */
  async add(session: StoredSession, token: string): Promise<StoredSession[]> {
    const { sessions } = await this.list();
    const replaced = sessions.filter(
      (s) =>
        s.id === session.id ||
        (s.baseUrl === session.baseUrl &&
          s.accountId === session.accountId &&
          s.userLabel === session.userLabel),
    );
    const next = [...sessions.filter((s) => !replaced.includes(s)), session];
    try {
      await this.secrets.store(tokenKey(session.id), token);
      await this.secrets.store(INDEX_KEY, JSON.stringify(next));
    } catch (err) {
      throw new SecretStoreError('write', err);
    }
    for (const old of replaced) {
      if (old.id !== session.id) await this.deleteToken(old.id);
    }
    return next;
  }

  /** Removes a session: index first, so a failure can never leave an index entry without its token. */
  async remove(id: string): Promise<StoredSession | undefined> {
    const { sessions } = await this.list();
    const found = sessions.find((s) => s.id === id);
    if (!found) return undefined;
    try {
      await this.secrets.store(INDEX_KEY, JSON.stringify(sessions.filter((s) => s.id !== id)));
    } catch (err) {
      throw new SecretStoreError('write', err);
    }
    await this.deleteToken(id);
    return found;
  }

  private async deleteToken(id: string): Promise<void> {
    try {
      await this.secrets.delete(tokenKey(id));
    } catch (err) {
      throw new SecretStoreError('write', err);
    }
  }
}
