// Compares what the fast parser builds with what the `yaml` parser builds, field by field: every
// own field of every node (value, source, style, number format, flow flag, all three range
// offsets, comment, commentBefore, spaceBefore, tag, anchor, …) and, for documents, their
// comments, range, directives markers, errors and warnings. A field one side leaves unset and
// the other sets to undefined counts as equal.
import * as Y from 'yaml';

const STRUCTURE = new Set(['items', 'key', 'value']);

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return Object.is(a, b);
}

const show = (v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v));

function fieldDifferences(a: object, b: object, path: string, skip: Set<string>, out: string[]): void {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
    if (skip.has(k)) continue;
    if (!same(x[k], y[k])) out.push(`${path}: ${k} ${show(x[k])} vs ${show(y[k])}`);
  }
}

/** Differences between two node trees (at most a few, with their paths). */
export function treeDifferences(a: unknown, b: unknown, path = '$', out: string[] = []): string[] {
  if (out.length > 5) return out;
  if (a === null || b === null || a === undefined || b === undefined) {
    if (a !== b) out.push(`${path}: ${String(a)} vs ${String(b)}`);
    return out;
  }
  const an = a as Y.Node;
  const bn = b as Y.Node;
  if (an.constructor !== bn.constructor) {
    out.push(`${path}: ${an.constructor.name} vs ${bn.constructor.name}`);
    return out;
  }
  if (Y.isScalar(an)) {
    // A scalar's value is a field like the others.
    fieldDifferences(an, bn, path, new Set(), out);
    return out;
  }
  if (Y.isCollection(an) && Y.isCollection(bn)) {
    fieldDifferences(an, bn, path, STRUCTURE, out);
    if (an.items.length !== bn.items.length) {
      out.push(`${path}: ${an.items.length} vs ${bn.items.length} items`);
      return out;
    }
    an.items.forEach((x, i) => {
      const y = bn.items[i];
      if (Y.isPair(x) && Y.isPair(y)) {
        fieldDifferences(x, y, `${path}.<pair ${i}>`, STRUCTURE, out);
        treeDifferences(x.key, y.key, `${path}.<key ${i}>`, out);
        treeDifferences(x.value, y.value, `${path}.${String(Y.isScalar(x.key) ? x.key.value : i)}`, out);
      } else treeDifferences(x, y, `${path}[${i}]`, out);
    });
    return out;
  }
  out.push(`${path}: not a scalar or collection`);
  return out;
}

const problems = (list: readonly Y.YAMLError[]) =>
  list.map((e) => `${e.code}@${e.pos.join('-')}: ${e.message}`);

/** Differences between two documents: their own fields, then their contents. */
export function documentDifferences(a: Y.Document, b: Y.Document): string[] {
  const out: string[] = [];
  for (const k of ['commentBefore', 'comment', 'range'] as const)
    if (!same(a[k] ?? undefined, b[k] ?? undefined))
      out.push(`document: ${k} ${show(a[k])} vs ${show(b[k])}`);
  for (const k of ['docStart', 'docEnd'] as const)
    if (!same(a.directives?.[k] ?? undefined, b.directives?.[k] ?? undefined))
      out.push(`document: directives.${k} ${show(a.directives?.[k])} vs ${show(b.directives?.[k])}`);
  if (!same(problems(a.errors), problems(b.errors)))
    out.push(`document: errors ${show(problems(a.errors))} vs ${show(problems(b.errors))}`);
  if (!same(problems(a.warnings), problems(b.warnings)))
    out.push(`document: warnings ${show(problems(a.warnings))} vs ${show(problems(b.warnings))}`);
  return treeDifferences(a.contents, b.contents, '$', out);
}
