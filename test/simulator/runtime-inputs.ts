// Runtime inputs (`<+input>…`) of stored pipeline YAML: the input-set template the pipeline
// service returns, and the check that a run supplies every required input.
import { stringify } from 'yaml';
import { isObj } from './pipeline-meta';

const RUNTIME_INPUT = /^<\+input>/;
const WRAPPERS = ['stage', 'step', 'stepGroup'];

/** Keeps only `<+input>` fields plus the keys that identify their list elements. */
function prune(node: unknown): unknown {
  if (typeof node === 'string') return RUNTIME_INPUT.test(node) ? node : undefined;
  if (Array.isArray(node)) {
    const kept = node.map(prune).filter((x) => x !== undefined);
    return kept.length > 0 ? kept : undefined;
  }
  if (!isObj(node)) return undefined;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const p = prune(value);
    if (p !== undefined) kept[key] = p;
  }
  if (Object.keys(kept).length === 0) return undefined;
  const identity: Record<string, unknown> = {};
  const idKey =
    typeof node.identifier === 'string' ? 'identifier' : typeof node.name === 'string' ? 'name' : undefined;
  if (idKey) identity[idKey] = node[idKey];
  if (idKey && typeof node.type === 'string') identity.type = node.type;
  return { ...identity, ...kept };
}

/** The runtime-input template (`pipeline:` subtree) or '' when the pipeline has no inputs. */
export function inputSetTemplateYaml(pipeline: Record<string, unknown>): string {
  const pruned = prune(pipeline);
  return pruned === undefined ? '' : stringify({ pipeline: pruned }, { lineWidth: 0 });
}

/**
 * Flattens YAML into fully-qualified names: list elements are addressed by their identifier
 * (or variable name), wrapper keys (`stage`, `step`, `parallel`) are skipped, so
 * `pipeline.stages.deploy.spec.environment.environmentRef` and `pipeline.variables.release_note`.
 */
export function flatten(
  node: unknown,
  prefix: string,
  out: Map<string, unknown> = new Map(),
): Map<string, unknown> {
  if (Array.isArray(node)) {
    node.forEach((element, index) => {
      let inner: unknown = element;
      if (isObj(element)) {
        if (Array.isArray(element.parallel)) return flatten(element.parallel, prefix, out);
        const wrapper = WRAPPERS.find((w) => isObj(element[w]));
        if (wrapper) inner = element[wrapper];
      }
      const key = isObj(inner) ? (inner.identifier ?? inner.name ?? index) : index;
      flatten(inner, `${prefix}.${String(key)}`, out);
    });
    return out;
  }
  if (isObj(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, `${prefix}.${key}`, out);
    return out;
  }
  out.set(prefix.replace(/\.variables\.([^.]+)\.value$/, '.variables.$1'), node);
  return out;
}

function allowedValues(expression: string): string[] | undefined {
  const m = /\.allowedValues\(([^)]*)\)/.exec(expression);
  return m ? m[1].split(',').map((v) => v.trim()) : undefined;
}

/** Problems with the supplied inputs, or [] when the run may start. */
export function checkRuntimeInputs(pipeline: Record<string, unknown>, supplied: unknown): string[] {
  const wanted = flatten(pipeline, 'pipeline');
  const given = flatten(isObj(supplied) && isObj(supplied.pipeline) ? supplied.pipeline : {}, 'pipeline');
  const problems: string[] = [];
  for (const [fqn, value] of wanted) {
    if (typeof value !== 'string' || !RUNTIME_INPUT.test(value)) continue;
    const provided = given.get(fqn) ?? [...given.entries()].find(([k]) => k.startsWith(`${fqn}.`))?.[1];
    const missing =
      provided === undefined ||
      provided === '' ||
      (typeof provided === 'string' && RUNTIME_INPUT.test(provided));
    if (missing) {
      if (!value.includes('.default(')) problems.push(`Value not provided for required variable: ${fqn}`);
      continue;
    }
    const allowed = allowedValues(value);
    if (
      allowed &&
      (typeof provided === 'string' || typeof provided === 'number') &&
      !allowed.includes(String(provided))
    ) {
      problems.push(
        `Value [${String(provided)}] of ${fqn} is not one of the allowed values: ${allowed.join(', ')}`,
      );
    }
  }
  return problems;
}
