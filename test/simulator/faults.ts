// Per-test fault injection: a queue of FaultSpecs consumed by matching requests, and the
// bodies the infrastructure in front of Harness sends when things go wrong.
//   429        Cloud Armor style: HTML body, no Retry-After unless the spec gives one
//              (`retryAfter` is also honoured by 502/503/504)
//   500        the service's own ErrorDTO (code UNEXPECTED)
//   502/503/504 plain-text answers of the gateway/envoy in front of the services
//   html       a 502 proxy error page (text/html)
//   truncated  200 with the real JSON body cut short (Content-Length matches the cut body)
//   reset      the socket is destroyed without an answer
//   slow       `delayMs` (default 1000) then the normal answer
//   empty      200 with an empty body
import type { FaultKind, FaultSpec } from './model';
import type { Reply } from './envelope';

const KINDS: readonly FaultKind[] = [
  '429',
  '500',
  '502',
  '503',
  '504',
  'html',
  'truncated',
  'reset',
  'slow',
  'empty',
];

interface Pending {
  spec: FaultSpec;
  remaining: number;
}

export class FaultQueue {
  private pending: Pending[] = [];

  inject(spec: FaultSpec): void {
    if (!KINDS.includes(spec.kind)) throw new Error(`unknown fault kind: ${String(spec.kind)}`);
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1)
      throw new Error(`fault times must be a positive integer, got ${times}`);
    this.pending.push({ spec, remaining: times });
  }

  clear(): void {
    this.pending = [];
  }

  /** The first fault matching this request, consuming one of its `times`. */
  take(method: string, path: string): FaultSpec | undefined {
    const hit = this.pending.find((p) => matches(p.spec, method, path));
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining === 0) this.pending = this.pending.filter((p) => p !== hit);
    return hit.spec;
  }
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
  if (spec.method && spec.method.toUpperCase() !== method.toUpperCase()) return false;
  if (spec.path === undefined) return true;
  if (typeof spec.path === 'string') return path.startsWith(spec.path);
  spec.path.lastIndex = 0;
  return spec.path.test(path);
}

export function faultDelayMs(spec: FaultSpec): number {
  return spec.delayMs ?? (spec.kind === 'slow' ? 1000 : 0);
}

const HTML_502 = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>502 Bad Gateway</title></head>
<body><h1>502 Bad Gateway</h1><p>The server encountered a temporary error and could not complete your request.</p>
<p>Please try again in 30 seconds.</p></body></html>
`;

const HTML_429 = `<!doctype html><meta charset="utf-8"><title>429 Too Many Requests</title>
<h1>Too Many Requests</h1><p>Your client has issued too many requests in a short period.</p>
`;

/** The reply of a fault that answers by itself (not `reset`, `slow` or `truncated`). */
export function faultReply(spec: FaultSpec, correlationId: string): Reply | undefined {
  const html = 'text/html; charset=utf-8';
  const text = 'text/plain; charset=utf-8';
  const retry: Record<string, string> = spec.retryAfter ? { 'retry-after': spec.retryAfter } : {};
  switch (spec.kind) {
    case '429':
      return {
        status: 429,
        body: HTML_429,
        contentType: html,
        headers: retry,
      };
    case '500':
      return {
        status: 500,
        body: {
          status: 'ERROR',
          code: 'UNEXPECTED',
          message: 'Oops, something went wrong on our end. Please contact Harness Support.',
          correlationId,
          detailedMessage: null,
          responseMessages: [],
          metadata: null,
        },
      };
    case '502':
      return {
        status: 502,
        body: 'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
        contentType: text,
        headers: retry,
      };
    case '503':
      return { status: 503, body: 'no healthy upstream', contentType: text, headers: retry };
    case '504':
      return { status: 504, body: 'upstream request timeout', contentType: text, headers: retry };
    case 'html':
      return { status: 502, body: HTML_502, contentType: html };
    case 'empty':
      return { status: 200, body: '', contentType: 'application/json' };
    default:
      return undefined;
  }
}

/** Cuts a serialised body short so that it no longer parses. */
export function truncate(body: string): string {
  if (body.length <= 1) return '{';
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}
