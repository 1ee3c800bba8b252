// A minimal stdio LSP driver for benchmarks: spawn a server, initialize, open/change/close
// documents, wait for diagnostics, send requests, read current and peak RSS from /proc.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} = require('vscode-languageserver/node');

export class BenchServer {
  /**
   * @param {string[]} argv node arguments (script and flags)
   * @param {{ configuration?: (item: {section?: string}) => unknown }} [opts]
   */
  constructor(argv, opts = {}) {
    this.t0 = performance.now();
    this.proc = spawn(process.execPath, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => (this.stderr = (this.stderr + d.toString()).slice(-4000)));
    this.conn = createMessageConnection(
      new StreamMessageReader(this.proc.stdout),
      new StreamMessageWriter(this.proc.stdin),
    );
    this.published = [];
    this.waiters = [];
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      this.published.push({ ...p, at: performance.now() });
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    });
    this.conn.onNotification(() => {});
    this.conn.onRequest('workspace/configuration', (p) =>
      p.items.map((item) => opts.configuration?.(item) ?? null),
    );
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest(() => null);
    this.conn.listen();
    this.versions = new Map();
  }

  async initialize(initializationOptions = {}, capabilities = {}) {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
  }

  open(uri, text) {
    this.versions.set(uri, 1);
    return this.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
  }

  change(uri, text) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  /** First publish for `uri` after index `after` satisfying `pred`; rejects after timeoutMs. */
  waitDiagnostics(uri, after, pred = () => true, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms; ${this.stderr}`)),
        timeoutMs,
      );
      const check = () => {
        const hit = this.published.slice(after).find((p) => p.uri === uri && pred(p));
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  close(uri) {
    this.versions.delete(uri);
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request(method, params) {
    return this.conn.sendRequest(method, params);
  }

  /** Peak resident set size in MB (VmHWM), or undefined where /proc is not available. */
  peakRssMb() {
    return this.statusMb('VmHWM');
  }

  /** Current resident set size in MB (VmRSS), or undefined where /proc is not available. */
  rssMb() {
    return this.statusMb('VmRSS');
  }

  statusMb(field) {
    try {
      const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
      return m ? Number(m[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop() {
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill('SIGKILL');
    }
    await exited;
    clearTimeout(timer);
    this.conn.dispose();
  }
}

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Line/character of the first occurrence of `needle` (plus `delta` characters), searching from `from` (else the last one). */
export function positionOf(text, needle, delta = 0, from = 0) {
  let i = text.indexOf(needle, from);
  if (i < 0) i = text.lastIndexOf(needle);
  if (i < 0) throw new Error(`needle not found: ${needle}`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
