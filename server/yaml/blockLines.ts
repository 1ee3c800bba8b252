// Lines that belong to multi-line scalars (block `|`/`>` and multi-line quoted/plain), where
// indentation and `key:`-looking text are content, not structure. Computed once per parse.
import { isAlias, isMap, isPair, isScalar, isSeq } from './ast';
import { type Node } from 'yaml';
import { derive, type ParsedYaml } from './types';

const SCALAR_LINES = Symbol('multilineScalarLines');

/** Line numbers strictly after the first line of each multi-line scalar. */
export function multilineScalarLines(parsed: ParsedYaml): Set<number> {
  return derive(parsed, SCALAR_LINES, () => scalarLines(parsed));
}

function scalarLines(parsed: ParsedYaml): Set<number> {
  const set = new Set<number>();
  const lines = parsed.lines;
  const text = parsed.text;
  const visit = (node: unknown, depth: number): void => {
    if (!node || depth > 500) return;
    if (isScalar(node)) {
      const r = node.range;
      if (!r) return;
      // Most scalars sit on one line: skip the line lookups unless a line break is inside.
      const nl = text.indexOf('\n', r[0]);
      if (nl < 0 || nl >= r[1] - 1) return;
      const a = lines.positionAt(r[0]).line;
      // The range of a block scalar ends at the start of the following line.
      const b = lines.positionAt(Math.max(r[0], r[1] - 1)).line;
      for (let l = a + 1; l <= b; l++) set.add(l);
      return;
    }
    if (isAlias(node)) return;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          visit(item.key, depth + 1);
          visit(item.value, depth + 1);
        } else visit(item as Node, depth + 1);
      }
    }
  };
  for (const doc of parsed.docs) visit(doc.contents, 0);
  return set;
}
