// The log service (behind /gateway/log-service): the blob of a finished step's log (one JSON line
// per line) and the SSE stream of a running one (`data: <line>` per line, `: ping` while quiet,
// `event: error` + `data: eof` when the step ends). As the real service: a step still running
// has no blob yet (404), and a step that ended has no stream any more (eof at once): the client
// follows the stream, then reads the blob. Shapes: test/contract/runLoop.ts and its sources.
import { logServiceError } from '../auth';
import { q, type RequestContext } from '../context';
import type { Reply } from '../envelope';
import { stepEnded, stepLogLines, stepOfLogKey, stepStarted } from '../executions';
import type { Router } from '../router';

/** Quiet this long ⇒ a `: ping` comment (the real service waits 30 s). */
const PING_MS = 1000;

function requireKey(ctx: RequestContext): string {
  const key = q(ctx, 'key');
  if (!key) throw logServiceError(400, 'no key exists in the URL');
  return key;
}

function blob(ctx: RequestContext): Reply {
  const key = requireKey(ctx);
  const found = stepOfLogKey(ctx.state, key);
  if (!found || !stepEnded(found.execution, found.index, ctx.now)) {
    throw logServiceError(404, `cannot download the object: the specified key does not exist: ${key}`);
  }
  const lines = stepLogLines(found.execution, found.index).map((l) => JSON.stringify(l.line));
  return { status: 200, body: `${lines.join('\n')}\n`, contentType: 'text/plain; charset=utf-8' };
}

function stream(ctx: RequestContext): Reply {
  const key = requireKey(ctx);
  const found = stepOfLogKey(ctx.state, key);
  const eof = 'event: error\ndata: eof\n';
  if (
    !found ||
    !stepStarted(found.execution, found.index, ctx.now) ||
    stepEnded(found.execution, found.index, ctx.now)
  ) {
    return { status: 200, body: `: ping\n${eof}`, contentType: 'text/event-stream' };
  }
  const { execution: e, index } = found;
  const lines = stepLogLines(e, index);
  return {
    status: 200,
    body: '',
    contentType: 'text/event-stream',
    stream: async (write, wait) => {
      write(': ping\n');
      let sent = 0;
      for (;;) {
        const now = Date.now();
        while (sent < lines.length && lines[sent].at <= now) {
          write(`data: ${JSON.stringify(lines[sent].line)}\n\n`);
          sent++;
        }
        // An abort ends the step early: its stream closes like any other.
        if (stepEnded(e, index, now)) break;
        const next = sent < lines.length ? lines[sent].at - now : PING_MS;
        if (!(await wait(Math.max(5, Math.min(next, PING_MS))))) return;
        if (sent >= lines.length || lines[sent].at > Date.now()) write(': ping\n');
      }
      write(eof);
    },
  };
}

export function registerLogRoutes(router: Router): void {
  router.add('GET', '/gateway/log-service/blob', blob).add('GET', '/gateway/log-service/stream', stream);
}
