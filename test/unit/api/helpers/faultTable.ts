// Collects what each network-fault test measured (the message the user sees and the time the
// call took) and, when HARNESS_FAULT_TABLE names a file, writes them there as a markdown table
// (docs/network-faults.md is made this way). Without the variable nothing is written.
import { writeFileSync } from 'node:fs';

export interface FaultRow {
  fault: string;
  /** Deadline the test gave the call, in ms (the extension's default is 30 000). */
  limitMs?: number;
  /** Time from the call to its settling, in ms. */
  ms: number;
  kind: string;
  message: string;
  note?: string;
}

const rows: FaultRow[] = [];

export function recordFault(row: FaultRow): void {
  rows.push(row);
  flush();
}

/** What a row adds after the fault's name for the browser's transport (undici rows stay as they were). */
export function via(transport: 'undici' | 'fetch'): string {
  return transport === 'fetch' ? ' — fetch (browser)' : '';
}

/** Times `fn` and returns what it threw (or undefined) with the elapsed milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; error?: unknown; value?: T }> {
  const started = performance.now();
  try {
    const value = await fn();
    return { ms: Math.round(performance.now() - started), value };
  } catch (error) {
    return { ms: Math.round(performance.now() - started), error };
  }
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

function flush(): void {
  const path = process.env.HARNESS_FAULT_TABLE;
  if (!path) return;
  const lines = [
    '| Fault | Deadline | Settled after | Kind | What the user sees | Notes |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${cell(r.fault)} | ${r.limitMs !== undefined ? `${r.limitMs} ms` : '—'} | ${r.ms} ms | ${cell(r.kind)} | ${cell(r.message)} | ${cell(r.note ?? '')} |`,
    ),
  ];
  writeFileSync(path, `${lines.join('\n')}\n`);
}
