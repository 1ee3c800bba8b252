// Step logs: the log service's lines (JSON per line, ANSI kept), a blob cut at the cap, the SSE
// stream fed in arbitrary pieces, and both read through the real client over both transports:
// the cap keeps the head, the stream hands lines out as they arrive.
import * as assert from 'node:assert/strict';
import { createHarnessClient } from '../../../src/api/client';
import { HarnessApiError } from '../../../src/api/errors';
import { LogStreamParser, parseLogBlob, parseLogLine } from '../../../src/api/logs';
import type { LogLine } from '../../../src/api/types';
import { startRawServer, type RawServer } from './rawServer';
import { TRANSPORTS } from './transports';

const TOKEN = 'pat.acct1.tok123.S3cr3tValueXYZ';
const line = (out: string, pos = 0, level = 'info'): string =>
  JSON.stringify({ level, pos, out, time: '2026-12-02T10:00:00Z', args: null });

describe('step logs: line parsing', () => {
  it('reads level, time, pos and out, dropping the writer newline and keeping ANSI codes', () => {
    const parsed = parseLogLine(line('\u001b[32mok\u001b[0m\n', 3, 'warn'));
    assert.deepEqual(parsed, {
      line: { out: '\u001b[32mok\u001b[0m', level: 'warn', time: '2026-12-02T10:00:00Z', pos: 3 },
      unparsed: false,
    });
  });

  it('keeps a line that is not JSON (or not an object) as text, and skips blank lines', () => {
    assert.deepEqual(parseLogLine('+ make test'), { line: { out: '+ make test' }, unparsed: true });
    assert.deepEqual(parseLogLine('[1,2]'), { line: { out: '[1,2]' }, unparsed: true });
    assert.equal(parseLogLine('   '), undefined);
    assert.equal(parseLogLine('\r'), undefined);
  });

  it('a line without out is an empty line, not an error; only one trailing newline is dropped', () => {
    assert.deepEqual(parseLogLine('{"level":"info"}')?.line, { out: '', level: 'info' });
    assert.equal(parseLogLine(line('a\n\n'))?.line.out, 'a\n');
    assert.equal(parseLogLine(line('a\r\n'))?.line.out, 'a');
  });

  it('a blob cut at the cap drops its last, partial line; a whole one keeps every line', () => {
    const text = `${line('one')}\n${line('two')}\n${line('thr')}`;
    const cut = text.slice(0, text.length - 10);
    assert.deepEqual(
      parseLogBlob(cut, true).lines.map((l) => l.out),
      ['one', 'two'],
    );
    assert.deepEqual(
      parseLogBlob(text, false).lines.map((l) => l.out),
      ['one', 'two', 'thr'],
    );
    const crlf = parseLogBlob(`${line('a')}\r\n${line('b')}\r\n`, false);
    assert.deepEqual(
      crlf.lines.map((l) => l.out),
      ['a', 'b'],
    );
    assert.equal(crlf.unparsedLines, 0);
  });
});

describe('step logs: the SSE stream parser', () => {
  const stream = `: ping\ndata: ${line('one\n', 0)}\n\ndata: ${line('two\n', 1)}\n\n: ping\nevent: error\ndata: eof\n`;

  it('gives the lines of a whole stream and sees its end', () => {
    const p = new LogStreamParser();
    const lines = [...p.feed(stream), ...p.end()];
    assert.deepEqual(
      lines.map((l) => l.out),
      ['one', 'two'],
    );
    assert.equal(p.ended, true);
  });

  it('gives the same lines whatever the pieces the text arrives in (one character at a time too)', () => {
    for (const size of [1, 2, 7, 64]) {
      const p = new LogStreamParser();
      const out: LogLine[] = [];
      for (let i = 0; i < stream.length; i += size) out.push(...p.feed(stream.slice(i, i + size)));
      out.push(...p.end());
      assert.deepEqual(
        out.map((l) => l.out),
        ['one', 'two'],
        `pieces of ${size}`,
      );
      assert.equal(p.ended, true);
    }
  });

  it('a line is handed out when its event is complete, not before', () => {
    const p = new LogStreamParser();
    assert.deepEqual(p.feed(`data: ${line('x')}\n`), []);
    assert.deepEqual(
      p.feed('\n').map((l) => l.out),
      ['x'],
    );
    assert.equal(p.ended, false);
  });

  it('CRLF line ends, a "data:" without its space, and a stream closed without eof', () => {
    const p = new LogStreamParser();
    const out = [...p.feed(`data:${line('a')}\r\n\r\ndata: ${line('b')}`), ...p.end()];
    assert.deepEqual(
      out.map((l) => l.out),
      ['a', 'b'],
    );
    assert.equal(p.ended, false);
  });

  it('counts an error event that is not eof as unparsed, without ending', () => {
    const p = new LogStreamParser();
    p.feed('event: error\ndata: stream: not found\n\n');
    assert.equal(p.ended, false);
    assert.equal(p.unparsed, 1);
  });
});

for (const { name, factory } of TRANSPORTS)
  describe(`step logs through the client (${name})`, function () {
    this.timeout(10_000);
    let server: RawServer;

    before(async () => {
      server = await startRawServer();
    });
    after(() => server.close());

    const client = (): ReturnType<typeof createHarnessClient> =>
      createHarnessClient({
        baseUrl: server.url,
        token: TOKEN,
        transport: factory,
        retry: { maxAttempts: 1 },
        rateLimit: false,
      });

    it('asks the log service with accountID and key, and reads the blob as lines', async () => {
      server.handle = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`${line('one')}\n${line('two')}\n`);
      };
      server.requests.length = 0;
      const api = client();
      const log = await api.getStepLog('acct1/pipeline/p/3/-run1');
      await api.close();
      assert.deepEqual(
        log.lines.map((l) => l.out),
        ['one', 'two'],
      );
      const url = new URL(server.requests[0].url, server.url);
      assert.equal(url.pathname, '/gateway/log-service/blob');
      assert.equal(url.searchParams.get('accountID'), 'acct1');
      assert.equal(url.searchParams.get('key'), 'acct1/pipeline/p/3/-run1');
      assert.equal(server.requests[0].headers['x-api-key'], TOKEN);
    });

    it('past the cap keeps the head (whole lines only) and says it is truncated, not an error', async () => {
      const body = Array.from({ length: 2000 }, (_v, i) => line(`line ${i}`, i)).join('\n');
      server.handle = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(body);
      };
      const api = client();
      const log = await api.getStepLog('k', { maxBytes: 10_000 });
      await api.close();
      assert.equal(log.truncated, true);
      assert.ok(log.lines.length > 50 && log.lines.length < 200, String(log.lines.length));
      log.lines.forEach((l, i) => assert.equal(l.out, `line ${i}`));
      assert.equal(log.unparsedLines, 0);
    });

    it('a missing log is notFound with the service words', async () => {
      server.handle = (_req, res) => {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error_msg: 'cannot find object' }));
      };
      const api = client();
      await assert.rejects(api.getStepLog('k'), (e: unknown) => {
        assert.ok(e instanceof HarnessApiError);
        assert.equal(e.kind, 'notFound');
        assert.match(e.message, /cannot find object/);
        return true;
      });
      await api.close();
    });

    it('streams: each line is handed out before the stream ends, then ended is reported', async () => {
      let finish: () => void = () => undefined;
      server.handle = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`: ping\ndata: ${line('first')}\n\n`);
        finish = () => res.end(`data: ${line('second')}\n\nevent: error\ndata: eof\n`);
      };
      const api = client();
      const seen: string[] = [];
      const done = api.streamStepLog('k', (lines) => {
        seen.push(...lines.map((l) => l.out));
        if (seen.length === 1) finish();
      });
      const end = await done;
      await api.close();
      assert.deepEqual(seen, ['first', 'second']);
      assert.deepEqual(end, { ended: true, truncated: false, lines: 2 });
      const url = new URL(server.requests.at(-1)?.url ?? '', server.url);
      assert.equal(url.pathname, '/gateway/log-service/stream');
    });

    it('a stream still open at the deadline ends quietly (ended: false) once it delivered lines', async () => {
      server.handle = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`data: ${line('only')}\n\n`);
        // never ends
      };
      const api = client();
      const seen: string[] = [];
      const end = await api.streamStepLog('k', (lines) => seen.push(...lines.map((l) => l.out)), {
        timeoutMs: 400,
      });
      await api.close();
      assert.deepEqual(seen, ['only']);
      assert.deepEqual(end, { ended: false, truncated: false, lines: 1 });
    });
  });
