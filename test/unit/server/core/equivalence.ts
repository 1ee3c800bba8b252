// Compares two `yaml` node trees: values, scalar styles, flow flags and source ranges. Used to
// hold the fast parser to exactly what the `yaml` parser builds.
import * as Y from 'yaml';

export function treeDifferences(a: unknown, b: unknown, path = '$', out: string[] = []): string[] {
  if (out.length > 5) return out;
  const an = a as Y.Node | null;
  const bn = b as Y.Node | null;
  if (an === null || bn === null) {
    if (an !== bn) out.push(`${path}: ${String(an)} vs ${String(bn)}`);
    return out;
  }
  const sameRange = (x: Y.Node, y: Y.Node) => x.range?.[0] === y.range?.[0] && x.range?.[1] === y.range?.[1];
  if (Y.isScalar(an) && Y.isScalar(bn)) {
    if (!Object.is(an.value, bn.value))
      out.push(`${path}: value ${JSON.stringify(an.value)} vs ${JSON.stringify(bn.value)}`);
    if (!sameRange(an, bn)) out.push(`${path}: range ${String(an.range)} vs ${String(bn.range)}`);
    if (an.type !== bn.type) out.push(`${path}: style ${String(an.type)} vs ${String(bn.type)}`);
    return out;
  }
  if ((Y.isMap(an) && Y.isMap(bn)) || (Y.isSeq(an) && Y.isSeq(bn))) {
    if (!sameRange(an, bn)) out.push(`${path}: range ${String(an.range)} vs ${String(bn.range)}`);
    if (!!an.flow !== !!bn.flow) out.push(`${path}: flow ${String(an.flow)} vs ${String(bn.flow)}`);
    if (an.items.length !== bn.items.length) {
      out.push(`${path}: ${an.items.length} vs ${bn.items.length} items`);
      return out;
    }
    an.items.forEach((x, i) => {
      const y = bn.items[i];
      if (Y.isPair(x) && Y.isPair(y)) {
        treeDifferences(x.key, y.key, `${path}.<key ${i}>`, out);
        treeDifferences(x.value, y.value, `${path}.${String(Y.isScalar(x.key) ? x.key.value : i)}`, out);
      } else treeDifferences(x, y, `${path}[${i}]`, out);
    });
    return out;
  }
  out.push(`${path}: ${an.constructor.name} vs ${bn.constructor.name}`);
  return out;
}
