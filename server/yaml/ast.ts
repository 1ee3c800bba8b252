// Small helpers over the `yaml` AST used by validation and lookups.
import * as Y from 'yaml';
import type { Document, Node, Pair, Scalar, YAMLMap } from 'yaml';

// The bundler reaches a CommonJS package's exports through getters; reading the type guards
// once keeps the hot validation loops on plain function calls.
export const isAlias: typeof Y.isAlias = Y.isAlias;
export const isMap: typeof Y.isMap = Y.isMap;
export const isPair: typeof Y.isPair = Y.isPair;
export const isScalar: typeof Y.isScalar = Y.isScalar;
export const isSeq: typeof Y.isSeq = Y.isSeq;

export type YNode = Node;

/** A map's entries with string keys (other keys are skipped: Harness YAML only has string keys). */
export function mapEntries(map: YAMLMap): { key: string; keyNode: Scalar; value: Node | null; pair: Pair }[] {
  const out: { key: string; keyNode: Scalar; value: Node | null; pair: Pair }[] = [];
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const k = item.key.value;
    if (typeof k !== 'string' && typeof k !== 'number' && typeof k !== 'boolean') continue;
    out.push({
      key: String(k),
      keyNode: item.key,
      value: (item.value as Node | null) ?? null,
      pair: item as Pair,
    });
  }
  return out;
}

export function mapGet(map: YAMLMap, key: string): Node | null | undefined {
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key)
      return (item.value as Node | null) ?? null;
  }
  return undefined;
}

export function mapGetPair(map: YAMLMap, key: string): { keyNode: Scalar; value: Node | null } | undefined {
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key)
      return { keyNode: item.key, value: (item.value as Node | null) ?? null };
  }
  return undefined;
}

/** The string value of a scalar node, or undefined. */
export function scalarString(node: Node | null | undefined): string | undefined {
  return node && isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** Follows an alias to its anchor's node (one hop: the anchor itself may not be an alias). */
export function deAlias(doc: Document, node: Node | null | undefined): Node | null | undefined {
  if (node && isAlias(node)) {
    try {
      return (node.resolve(doc) as Node | undefined) ?? null;
    } catch {
      // An alias without its anchor: the YAML layer reports it; callers see no node.
      return null;
    }
  }
  return node;
}

export function nodeRange(node: Node | null | undefined): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** The node at a path of keys and indexes (aliases followed), or undefined. */
export function nodeAtPath(doc: Document | undefined, path: (string | number)[]): Node | null | undefined {
  let cur: Node | null | undefined = doc?.contents as Node | null | undefined;
  for (const seg of path) {
    if (!doc) return undefined;
    cur = deAlias(doc, cur);
    if (!cur) return undefined;
    if (typeof seg === 'number') {
      if (!isSeq(cur)) return undefined;
      cur = (cur.items[seg] as Node | undefined) ?? undefined;
    } else {
      if (!isMap(cur)) return undefined;
      cur = mapGet(cur, seg);
    }
  }
  return doc ? deAlias(doc, cur) : cur;
}
