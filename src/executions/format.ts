// Small text helpers of the execution rows: durations, start times, who started a run, how a
// status reads. vscode-free, unit tested.
import { executionStatusInfo, type ExecutionTrigger } from '../api/types';

/** `<1s`, `45s`, `3m 12s`, `1h 02m`, `2d 3h`: short enough for a tree row. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  const s = Math.floor(ms / 1000);
  if (s < 1) return '<1s';
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/**
 * How long a node ran: end − start once it ended; now − start while it runs (`running` true);
 * nothing before it started.
 */
export function elapsed(
  startTs: number | undefined,
  endTs: number | undefined,
  now: number,
): { ms: number; running: boolean } | undefined {
  if (!startTs) return undefined;
  if (endTs && endTs >= startTs) return { ms: endTs - startTs, running: false };
  return { ms: Math.max(0, now - startTs), running: true };
}

/** `2026-12-02 14:05 UTC` (minutes) for rows; tooltips add the seconds. */
export function shortTime(ts: number): string {
  return new Date(ts)
    .toISOString()
    .replace('T', ' ')
    .replace(/:\d\d\.\d+Z$/, ' UTC');
}

export function fullTime(ts: number): string {
  return new Date(ts)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

const TRIGGER_LABELS: Record<string, string> = {
  MANUAL: 'Manual',
  WEBHOOK: 'Webhook',
  WEBHOOK_CUSTOM: 'Custom webhook',
  SCHEDULER_CRON: 'Cron',
  ARTIFACT: 'Artifact',
  MANIFEST: 'Manifest',
  PIPELINE_EXECUTION: 'Pipeline',
};

/** `Manual by Jane`, `Cron`, `Webhook by my_trigger`; the type as sent when it is not one we name. */
export function triggerText(trigger: ExecutionTrigger | undefined): string | undefined {
  if (!trigger?.type && !trigger?.by) return undefined;
  const type = trigger.type
    ? (TRIGGER_LABELS[trigger.type] ??
      trigger.type
        .toLowerCase()
        .split('_')
        .map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
        .join(' '))
    : undefined;
  const who = trigger.by?.identifier || trigger.by?.email;
  const base = [type, who ? `by ${who}` : undefined].filter(Boolean).join(' ');
  return trigger.isRerun ? `${base} (re-run)` : base;
}

/** The status as Harness names it; one this extension does not know says so, with the value as sent. */
export function statusText(status: string, rawStatus?: string): string {
  const info = executionStatusInfo(status);
  return info.known ? info.status : `${rawStatus ?? status} (status not known to this extension)`;
}

/** Whether a run may still change (a known status that is not final). */
export function isLive(status: string): boolean {
  const info = executionStatusInfo(status);
  return info.known && !info.final;
}
