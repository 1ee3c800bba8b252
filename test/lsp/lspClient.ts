// A raw JSON-RPC client for the Harness language server, two ways: in process (initConnection
// over a pair of in-memory streams, no child process: what most LSP tests use) or as the bundled
// dist/server.js over stdio (the real process, as VS Code runs it). Both: initialize, open and
// change documents, wait for diagnostics with a bounded timeout, send requests, shut down.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  createConnection,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { initConnection } from '../../server/connection';
import { repoRoot } from '../helpers/paths';

export const SERVER_JS = path.join(repoRoot, 'dist', 'server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** How the client reaches a server, and how that server is ended. */
interface Transport {
  readonly conn: MessageConnection;
  /** What the server wrote besides protocol messages (stderr), for timeout messages. */
  output(): string;
  /** Ends the server after `shutdown`; the process's exit code, or 0 in process. */
  end(): Promise<number | null>;
}

/** The server in this process: initConnection over two in-memory pipes. */
function inProcess(): Transport {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  initConnection(server);
  const conn = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return {
    conn,
    output: () => '',
    // No `exit` notification here: the Node connection answers it with process.exit.
    async end() {
      server.dispose();
      toServer.end();
      toClient.end();
      return 0;
    },
  };
}

/** dist/server.js as a child process over stdio. */
function child(args: string[]): Transport & { proc: ChildProcess } {
  const proc = spawn(process.execPath, [SERVER_JS, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const conn = createMessageConnection(
    new StreamMessageReader(proc.stdout as NodeJS.ReadableStream),
    new StreamMessageWriter(proc.stdin as NodeJS.WritableStream),
  );
  return {
    conn,
    proc,
    output: () => stderr,
    async end() {
      const exited = new Promise<number | null>((resolve) => {
        if (proc.exitCode !== null) resolve(proc.exitCode);
        else proc.once('exit', (code) => resolve(code));
      });
      try {
        await conn.sendNotification('exit');
      } catch {
        proc.kill();
      }
      const timer = setTimeout(() => proc.kill(), 5000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export class LspClient {
  readonly conn: MessageConnection;
  readonly published: PublishedDiagnostics[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  /** The spawned server, when there is one. */
  readonly proc?: ChildProcess;
  private readonly transport: Transport;
  private waiters: (() => void)[] = [];
  private version = new Map<string, number>();
  private stopped = false;

  /** The server in this process (initConnection over in-memory streams). */
  static inProcess(): LspClient {
    return new LspClient(inProcess());
  }

  /** dist/server.js in a child process over stdio. */
  static spawn(args: string[] = ['--stdio']): LspClient {
    return new LspClient(child(args));
  }

  private constructor(transport: Transport & { proc?: ChildProcess }) {
    this.transport = transport;
    this.conn = transport.conn;
    this.proc = transport.proc;
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.wake();
    });
    // window/logMessage and the Harness notifications.
    this.conn.onNotification((method, params) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    this.conn.listen();
  }

  /** Messages the server logged (window/logMessage), oldest first. */
  get logs(): string[] {
    return this.notifications
      .filter((n) => n.method === 'window/logMessage')
      .map((n) => (n.params as { message: string }).message);
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
        () =>
          reject(
            new Error(
              `timed out waiting for ${what}; server output: ${this.transport.output().slice(-500)} ${this.logs.join('\n').slice(-500)}`,
            ),
          ),
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

  /** `capabilities` are the client's (e.g. `{ workspace: { configuration: true } }`). */
  async initialize(
    initializationOptions: unknown = {},
    capabilities: Record<string, unknown> = {},
  ): Promise<{ capabilities: Record<string, unknown> }> {
    const res = await this.conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      // In process, a process id would start the Node connection's parent-process watchdog.
      processId: this.proc ? process.pid : null,
      rootUri: null,
      capabilities,
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

  /** shutdown, then the end of the server; resolves with the process's exit code (0 in process). */
  async stop(): Promise<number | null> {
    if (this.stopped) return 0;
    this.stopped = true;
    try {
      await this.conn.sendRequest('shutdown');
    } catch {
      // The server is gone already: ending it below is all that is left.
    }
    const code = await this.transport.end();
    this.conn.dispose();
    return code;
  }
}
