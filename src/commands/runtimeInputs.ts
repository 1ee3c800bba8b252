// Runtime inputs of a pipeline run: finds the `<+input>` fields in the input-set template
// returned by Harness, describes each (default, allowed values, regex), and fills the
// template with the user's values to form the execute body.
import { isMap, isScalar, isSeq, parseDocument, visit, type Node, type Scalar } from 'yaml';
import { parseRuntimeInput } from '../../shared/runtimeInput';

export { parseRuntimeInput } from '../../shared/runtimeInput';

export interface RuntimeInputField {
  /** Readable dotted path, e.g. `pipeline.variables.greeting` or `pipeline.stages.build.spec.timeout`. */
  label: string;
  /** Path of keys/indices inside the template document. */
  path: (string | number)[];
  /** The placeholder as written, e.g. `<+input>.default(x).allowedValues(x,y)`. */
  expression: string;
  defaultValue?: string;
  allowedValues?: string[];
  regex?: string;
  /** Supplied during the run, not at start: left as is. */
  executionInput: boolean;
}

/** A readable segment for a sequence item: its identifier or name, else the index. */
function itemSegment(item: unknown, index: number): { segment: string; skipKey?: string } {
  if (isMap(item)) {
    const id = item.get('identifier');
    if (typeof id === 'string') return { segment: id };
    const name = item.get('name');
    if (typeof name === 'string') return { segment: name };
    // `- stage: {identifier: x}` / `- step: …`: name the item by its wrapped identifier.
    if (item.items.length === 1) {
      const key = item.items[0].key;
      const inner = item.items[0].value;
      const keyText = isScalar(key) ? String(key.value) : undefined;
      if (keyText && isMap(inner) && typeof inner.get('identifier') === 'string') {
        return { segment: String(inner.get('identifier')), skipKey: keyText };
      }
    }
  }
  return { segment: String(index) };
}

/** The readable label and the key/index path of `node` from its ancestors (as `visit` gives them). */
function locationOf(
  ancestors: readonly unknown[],
  node: unknown,
): { path: (string | number)[]; label: string } {
  const path: (string | number)[] = [];
  const labels: string[] = [];
  let skip: string | undefined;
  const chain = [...ancestors.filter((a) => !Array.isArray(a)), node];
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (isSeq(parent)) {
      const idx = parent.items.indexOf(child as Node);
      if (idx < 0) continue;
      path.push(idx);
      const seg = itemSegment(child, idx);
      labels.push(seg.segment);
      skip = seg.skipKey;
    } else if (isMap(parent)) {
      // child is a Pair here; the value follows in the chain.
      continue;
    } else if (parent && typeof parent === 'object' && 'key' in parent && 'value' in parent) {
      const key = (parent as { key: unknown }).key;
      const keyText = isScalar(key) ? String((key as Scalar).value) : String(key);
      path.push(keyText);
      if (skip === keyText) skip = undefined;
      else labels.push(keyText);
    }
  }
  return { path, label: labels.join('.') };
}

/** Lists the runtime inputs of an input-set template (empty for '' or a template without any). */
export function findRuntimeInputs(templateYaml: string | undefined): RuntimeInputField[] {
  if (!templateYaml || !templateYaml.trim()) return [];
  const doc = parseDocument(templateYaml);
  const fields: RuntimeInputField[] = [];
  visit(doc, {
    Scalar(_key, node, ancestors) {
      if (typeof node.value !== 'string') return;
      const parsed = parseRuntimeInput(node.value);
      if (!parsed) return;
      const { path, label } = locationOf(ancestors, node);
      fields.push({ label, path, expression: node.value, ...parsed });
    },
  });
  return fields;
}

/**
 * The values of runtime-input YAML (a merge of input sets, a saved run's inputs) by the labels
 * findRuntimeInputs gives the template's fields: every scalar, map and list by where it stands,
 * so a field gets a scalar or a whole object (a codebase `build:`). Values that are still
 * `<+input>` placeholders are left out: they give the field nothing.
 */
export function valuesByLabel(yaml: string | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!yaml || !yaml.trim()) return out;
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0) return out;
  const add = (key: unknown, node: Node, ancestors: readonly unknown[]) => {
    if (key === 'key') return; // a map's key: its value carries the label
    const value: unknown = node.toJSON();
    if (typeof value === 'string' && parseRuntimeInput(value)) return;
    const { label } = locationOf(ancestors, node);
    if (!out.has(label)) out.set(label, value);
  };
  visit(doc, {
    Scalar: (key, node, ancestors) => add(key, node, ancestors),
    Map: (key, node, ancestors) => add(key, node, ancestors),
    Seq: (key, node, ancestors) => add(key, node, ancestors),
  });
  return out;
}

/** Checks a value against the field's allowed values and regex; returns an error message or undefined. */
export function validateInputValue(field: RuntimeInputField, value: string): string | undefined {
  if (field.allowedValues && field.allowedValues.length > 0 && !field.allowedValues.includes(value)) {
    return `Allowed values: ${field.allowedValues.join(', ')}`;
  }
  if (field.regex) {
    try {
      if (!new RegExp(field.regex).test(value)) return `The value must match ${field.regex}`;
    } catch {
      // An expression the JS engine cannot compile is checked by Harness instead.
    }
  }
  return undefined;
}

/**
 * Fills the template: each field gets `values[label]`, else its default; execution-time inputs
 * and fields without a value stay as placeholders (Harness then reports what is missing).
 */
export function fillRuntimeInputs(templateYaml: string, values: Readonly<Record<string, unknown>>): string {
  const doc = parseDocument(templateYaml);
  for (const field of findRuntimeInputs(templateYaml)) {
    if (field.executionInput) continue;
    const value = values[field.label] ?? field.defaultValue;
    if (value === undefined) continue;
    doc.setIn(field.path, value);
  }
  return doc.toString();
}

/** Fields that still need a value: no default, not execution-time, not in `values`. */
export function missingInputs(
  fields: RuntimeInputField[],
  values: Readonly<Record<string, unknown>>,
): RuntimeInputField[] {
  return fields.filter(
    (f) => !f.executionInput && values[f.label] === undefined && f.defaultValue === undefined,
  );
}

/**
 * The choices of an input with allowed values, in Harness's order, and which one is active when
 * the list opens: the default (so Enter takes it, as in Harness's run form), else the first.
 */
export function allowedChoices(field: Pick<RuntimeInputField, 'allowedValues' | 'defaultValue'>): {
  items: { label: string; description?: string }[];
  active: number;
} {
  const values = field.allowedValues ?? [];
  const items = values.map((v) => ({
    label: v,
    ...(v === field.defaultValue ? { description: 'default' } : {}),
  }));
  const at = field.defaultValue === undefined ? -1 : values.indexOf(field.defaultValue);
  return { items, active: Math.max(0, at) };
}
