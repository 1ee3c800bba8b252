// How one log service line reads in the document: a compact time and level prefix, then the
// text without escape sequences. Pure, so the document text is built once per line, not per
// change.
import type { LogLine } from '../../api/types';
import { stripAnsi } from './ansi';

export interface LineFormat {
  /** Times in UTC (tests, and anyone who compares with server logs) or the local zone. */
  readonly utc: boolean;
}

const LEVEL_WIDTH = 5;

const two = (n: number): string => String(n).padStart(2, '0');

/** `HH:MM:SS` of an ISO time, or undefined when it is not one. */
export function clockTime(iso: string, utc: boolean): string | undefined {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : clockOf(new Date(t), utc);
}

function clockOf(d: Date, utc: boolean): string {
  return utc
    ? `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
    : `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/**
 * `12:34:56 INFO  text`: the time and level the log service gave, then the text. A line without
 * them is its text alone. Lines the step split with newlines keep them (each is a document line).
 * One formatter per log: it remembers the last second it formatted, since a log has many lines
 * per second and reading a local time is the dearest part of a line.
 */
export class LineFormatter {
  private lastSecond = NaN;
  private lastClock = '';

  constructor(private readonly format: LineFormat) {}

  line(line: LogLine): string {
    const text = stripAnsi(line.out);
    let prefix = '';
    const time = line.time ? this.clock(line.time) : undefined;
    if (time) prefix += `${time} `;
    if (line.level) prefix += `${line.level.toUpperCase().padEnd(LEVEL_WIDTH)} `;
    return prefix + text;
  }

  private clock(iso: string): string | undefined {
    const t = Date.parse(iso);
    if (Number.isNaN(t)) return undefined;
    const second = Math.floor(t / 1000);
    if (second !== this.lastSecond) {
      this.lastSecond = second;
      this.lastClock = clockOf(new Date(t), this.format.utc);
    }
    return this.lastClock;
  }
}

/** One line formatted on its own (a formatter per log is quicker for many). */
export function formatLogLine(line: LogLine, format: LineFormat): string {
  return new LineFormatter(format).line(line);
}

/** `8 MB`, `512 KB`: the cap as the banner names it. */
export function byteSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The last line of a log read up to the cap: the rest is only in Harness. */
export function truncationBanner(maxBytes: number, harnessUrl: string | undefined): string {
  const lead = `Log truncated at ${byteSize(maxBytes)}: open the rest in Harness`;
  return harnessUrl ? `${lead}: ${harnessUrl}` : lead;
}
