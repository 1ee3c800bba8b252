// Step logs from Harness's log service: the blob (a finished log, one JSON object per line) and
// the stream (server-sent events, `data: <the same JSON>` per line, `event: error` + `data: eof`
// at the end). The line shape is the log service's `stream.Line` {level, pos, out, time, args}
// (harness-core product/log-service/stream/stream.go; harness-core-ui services/logs `Line`).
// ANSI colour codes are kept as sent: rendering or stripping them is the UI's choice.
import type { LogLine, StepLog } from './types';
import { isRecord } from './validate';

/** Default cap of one log read (blob or stream). */
export const DEFAULT_LOG_BYTES = 8 * 1024 * 1024;

/**
 * One line of the log service, or undefined for a blank one. A line that is not a JSON object
 * is kept as text (`unparsed`), never dropped: a proxy or an older writer may have produced it.
 */
export function parseLogLine(text: string): { line: LogLine; unparsed: boolean } | undefined {
  const t = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (t.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return { line: { out: t }, unparsed: true };
  }
  if (!isRecord(value)) return { line: { out: t }, unparsed: true };
  // The writer ends `out` with its newline; the UI drops it too (harness-core-ui getLogsFromBlob).
  const out = typeof value.out === 'string' ? value.out.replace(/\r?\n$/, '') : '';
  const line: LogLine = { out };
  if (typeof value.level === 'string' && value.level !== '') line.level = value.level;
  if (typeof value.time === 'string' && value.time !== '') line.time = value.time;
  if (typeof value.pos === 'number' && Number.isFinite(value.pos)) line.pos = value.pos;
  return { line, unparsed: false };
}

/**
 * A blob's text, line by line. When the read stopped at the cap (`truncated`), the last line is
 * probably cut: it is dropped rather than shown broken.
 */
export function parseLogBlob(text: string, truncated: boolean): StepLog {
  const rows = text.split('\n');
  if (truncated && !text.endsWith('\n')) rows.pop();
  const lines: LogLine[] = [];
  let unparsedLines = 0;
  for (const row of rows) {
    const parsed = parseLogLine(row);
    if (!parsed) continue;
    lines.push(parsed.line);
    if (parsed.unparsed) unparsedLines++;
  }
  return { lines, truncated, unparsedLines };
}

/**
 * Incremental reader of the log service's SSE stream. `feed` takes the text as it arrives (in
 * pieces cut anywhere) and returns the complete lines it finished; `end` flushes what is left.
 * Comments (`: ping`) are ignored; `event: error` with `data: eof` marks the end of the log.
 */
export class LogStreamParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  /** The server said the log ended (`event: error`, `data: eof`). */
  ended = false;
  /** Events whose data was not a log line. */
  unparsed = 0;

  feed(text: string): LogLine[] {
    this.buffer += text;
    const out: LogLine[] = [];
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const raw = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      this.line(raw.endsWith('\r') ? raw.slice(0, -1) : raw, out);
    }
    return out;
  }

  /** The stream closed: a last event without its blank line still counts. */
  end(): LogLine[] {
    const out: LogLine[] = [];
    if (this.buffer !== '') {
      this.line(this.buffer, out);
      this.buffer = '';
    }
    this.dispatch(out);
    return out;
  }

  private line(line: string, out: LogLine[]): void {
    if (line === '') {
      this.dispatch(out);
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
  }

  private dispatch(out: LogLine[]): void {
    if (this.data.length === 0) {
      this.event = '';
      return;
    }
    const data = this.data.join('\n');
    const event = this.event;
    this.data = [];
    this.event = '';
    if (event === 'error') {
      if (data.trim() === 'eof') this.ended = true;
      else this.unparsed++;
      return;
    }
    for (const row of data.split('\n')) {
      const parsed = parseLogLine(row);
      if (!parsed) continue;
      if (parsed.unparsed) this.unparsed++;
      out.push(parsed.line);
    }
  }
}
