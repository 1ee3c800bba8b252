// An overlay input set's references checked against the input sets its pipeline has. Harness
// docs ("Input sets and overlays"): an overlay lists input sets of the same pipeline, applied in
// order. Only a complete list (from the account) can prove a reference wrong; workspace files
// alone may hold only some of the input sets.
import type { YAMLMap } from 'yaml';
import { isScalar, isSeq, mapGet, scalarString } from '../yaml/ast';
import { ERROR, type Problem } from './problems';
import { suggest } from './suggest';

export interface KnownInputSets {
  identifiers: string[];
  complete: boolean;
  from: string;
}

export function overlayReferenceProblems(
  overlay: YAMLMap,
  pipelineId: string,
  known: KnownInputSets,
): Problem[] {
  if (!known.complete) return [];
  const refs = mapGet(overlay, 'inputSetReferences');
  if (!refs || !isSeq(refs)) return [];
  const out: Problem[] = [];
  for (const item of refs.items) {
    if (!item || !isScalar(item) || typeof item.value !== 'string' || item.value.includes('<+')) continue;
    const id = item.value;
    if (known.identifiers.includes(id)) continue;
    const hint = suggest(id, known.identifiers);
    out.push({
      code: 'unknown-input-set',
      message: `No input set "${id}" for pipeline "${pipelineId}" in ${known.from}${hint ? `; did you mean "${hint}"?` : ''}`,
      start: item.range?.[0] ?? 0,
      end: item.range?.[1] ?? 0,
      severity: ERROR,
      ...(hint ? { data: { suggestion: hint } } : {}),
    });
  }
  return out;
}

/** The `pipelineIdentifier` of an overlay (a map), when it is a plain string. */
export const overlayPipeline = (overlay: YAMLMap): string | undefined => {
  const v = scalarString(mapGet(overlay, 'pipelineIdentifier'));
  return v !== undefined && !v.includes('<+') ? v : undefined;
};
