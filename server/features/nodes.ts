// Small helpers over the `yaml` package's node tree, shared by the editing features.
// They read the parse that the engine caches per document version; nothing here re-parses.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';

/** The minimal view of a cached parse the features need (CORE's ParsedYaml satisfies it). */
export interface LineMap {
  positionAt(offset: number): { line: number; character: number };
  offsetAt(position: { line: number; character: number }): number;
}

export type YNode = Node | null | undefined;

/** The pair of `map` whose key is the scalar `key`. */
export function pairOf(map: YNode, key: string): Pair<Node, YNode> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key)
      return item as Pair<Node, YNode>;
  }
  return undefined;
}

export function valueOf(map: YNode, key: string): YNode {
  return pairOf(map, key)?.value;
}

/** The value of `key` when it is a plain scalar string (numbers are stringified). */
export function stringOf(map: YNode, key: string): string | undefined {
  const v = valueOf(map, key);
  if (isScalar(v) && v.value !== null && v.value !== undefined) return String(v.value);
  return undefined;
}

export function mapItems(map: YNode): Pair<Node, YNode>[] {
  return isMap(map) ? (map.items.filter((p) => isPair(p)) as Pair<Node, YNode>[]) : [];
}

export function seqItems(seq: YNode): YNode[] {
  return isSeq(seq) ? (seq.items as YNode[]) : [];
}

export function keyName(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
}

/** [start, end) offsets of a node (value end, without trailing comments/newlines). */
export function rangeOf(node: YNode): [number, number] | undefined {
  if (!node || !node.range) return undefined;
  return [node.range[0], node.range[1]];
}

export function isMapNode(node: YNode): node is YAMLMap<Node, YNode> {
  return isMap(node);
}
