// Decides which pipeline schema the server uses and fetches it: the bundled one (inside the
// server), the signed-in account's (cached in global storage with its fetch time, refreshed
// on demand) or a JSON file named in the settings.
import * as vscode from 'vscode';
import type { SetSchemaParams } from '../../shared/protocol';
import type { AccountProvider } from './references';

interface CachedSchema {
  fetchedAt: number;
  label: string;
  schema: unknown;
}

/** `ResponseDTO<JsonNode>` or the bare schema: the API client may return either. */
function unwrap(json: unknown): unknown {
  if (json && typeof json === 'object' && 'data' in json && 'status' in json)
    return (json as { data: unknown }).data;
  return json;
}

function isSchemaObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** base64url of the UTF-8 bytes, as Node's Buffer gives it (the web build has no Buffer). */
function base64url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function cacheName(baseUrl: string, accountId: string): string {
  return `pipeline-schema-${base64url(`${baseUrl}|${accountId}`)}.json`;
}

export class SchemaSourceLoader {
  constructor(
    private readonly storage: vscode.Uri,
    private readonly account: AccountProvider,
  ) {}

  /** The setSchema request to send, and a warning to show when the wanted source was not available. */
  async load(
    source: 'bundled' | 'account' | 'file',
    file: string,
    refresh: boolean,
  ): Promise<{ params: SetSchemaParams; warning?: string }> {
    if (source === 'file') return this.fromFile(file);
    if (source === 'account') return this.fromAccount(refresh);
    return { params: { source: 'bundled' } };
  }

  private async fromFile(file: string): Promise<{ params: SetSchemaParams; warning?: string }> {
    if (!file)
      return {
        params: { source: 'bundled' },
        warning: 'harness.schema.file is empty: using the bundled schema.',
      };
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = /^[a-z][\w+.-]*:\/\//i.test(file)
      ? vscode.Uri.parse(file)
      : file.startsWith('/') || !folder
        ? vscode.Uri.file(file)
        : vscode.Uri.joinPath(folder, file);
    try {
      const [bytes, stat] = await Promise.all([
        vscode.workspace.fs.readFile(uri),
        vscode.workspace.fs.stat(uri),
      ]);
      const schema: unknown = JSON.parse(new TextDecoder().decode(bytes));
      if (!isSchemaObject(schema)) throw new Error('not a JSON object');
      return { params: { source: 'file', schema, fetchedAt: stat.mtime, label: file } };
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      return {
        params: { source: 'bundled' },
        warning: `Could not read the schema file ${file}: ${msg}. Using the bundled schema.`,
      };
    }
  }

  private async readCache(name: string): Promise<CachedSchema | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.storage, name));
      const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
      if (isSchemaObject(parsed) && typeof parsed.fetchedAt === 'number' && isSchemaObject(parsed.schema))
        return { fetchedAt: parsed.fetchedAt, label: String(parsed.label ?? ''), schema: parsed.schema };
    } catch {
      // No cache yet.
    }
    return undefined;
  }

  private async fromAccount(refresh: boolean): Promise<{ params: SetSchemaParams; warning?: string }> {
    const acct = this.account();
    if (!acct)
      return {
        params: { source: 'bundled' },
        warning: 'Not signed in to Harness: using the bundled pipeline schema.',
      };
    const name = cacheName(acct.api.baseUrl, acct.api.accountId);
    const cached = await this.readCache(name);
    if (cached && !refresh)
      return {
        params: {
          source: 'account',
          schema: cached.schema,
          fetchedAt: cached.fetchedAt,
          label: cached.label,
        },
      };
    try {
      const schema = unwrap(await acct.api.getPipelineSchema(undefined, { timeoutMs: 60_000 }));
      if (!isSchemaObject(schema)) throw new Error('the response is not a JSON schema object');
      const entry: CachedSchema = { fetchedAt: Date.now(), label: acct.label ?? acct.api.accountId, schema };
      await vscode.workspace.fs.createDirectory(this.storage);
      await vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(this.storage, name),
        new TextEncoder().encode(JSON.stringify(entry)),
      );
      return { params: { source: 'account', schema, fetchedAt: entry.fetchedAt, label: entry.label } };
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (cached)
        return {
          params: {
            source: 'account',
            schema: cached.schema,
            fetchedAt: cached.fetchedAt,
            label: cached.label,
          },
          warning: `Could not fetch the account's pipeline schema (${msg}); using the cached copy.`,
        };
      return {
        params: { source: 'bundled' },
        warning: `Could not fetch the account's pipeline schema (${msg}); using the bundled schema.`,
      };
    }
  }
}
