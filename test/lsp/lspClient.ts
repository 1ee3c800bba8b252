// A raw JSON-RPC client for the bundled server (dist/server.js over stdio): spawn, initialize,
// open documents, wait for diagnostics with a bounded timeout, and shut down.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { repoRoot } from '../helpers/paths';

export const SERVER_JS = path.join(repoRoot, 'dist', 'server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly published: PublishedDiagnostics[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  stderr = '';
  private waiters: (() => void)[] = [];
  private version = new Map<string, number>();

  constructor(args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [SERVER_JS, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.conn = createMessageConnection(
      new StreamMessageReader(this.proc.stdout as NodeJS.ReadableStream),
      new StreamMessageWriter(this.proc.stdin as NodeJS.WritableStream),
    );
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.wake();
    });
    this.conn.onNotification((method, params) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    // window/logMessage etc. arrive as notifications; workspace/configuration is not used.
    this.conn.listen();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  /** Resolves when `pred` holds (checked on every message), rejects after `timeoutMs`. */
  waitFor<T>(pred: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-500)}`)),
        timeoutMs,
      );
      const check = () => {
        const v = pred();
        if (v !== undefined) {
          clearTimeout(timer);
          resolve(v);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  async initialize(initializationOptions: unknown = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const res = await this.conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return res;
  }

  open(uri: string, text: string): void {
    this.version.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
  }

  /** Replaces the whole text (full-content change event). */
  change(uri: string, text: string): number {
    const v = (this.version.get(uri) ?? 1) + 1;
    this.version.set(uri, v);
    void this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ text }],
    });
    return v;
  }

  close(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The next diagnostics published for `uri` (at `version` when given) after `after` publishes. */
  diagnostics(
    uri: string,
    opts: { version?: number; after?: number; timeoutMs?: number } = {},
  ): Promise<PublishedDiagnostics> {
    const after = opts.after ?? 0;
    return this.waitFor(
      () =>
        this.published
          .slice(after)
          .find((p) => p.uri === uri && (opts.version === undefined || p.version === opts.version)),
      `diagnostics for ${uri}`,
      opts.timeoutMs,
    );
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest<T>(method, params);
  }

  /** shutdown + exit; resolves with the exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.proc.exitCode !== null) resolve(this.proc.exitCode);
      else this.proc.once('exit', (code) => resolve(code));
    });
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const timer = setTimeout(() => this.proc.kill(), 5000);
    const code = await exited;
    clearTimeout(timer);
    this.conn.dispose();
    return code;
  }
}
