// Conformance: every step and stage type the published reference schema accepts must pass the
// bundled schema's type check without an error. A type the bundled schema does not know is only
// a warning, unless it is a near-miss of a known type ("did you mean"), which is an error because
// it is almost always a typo; a real Harness type that happens to be a near-miss would be a false
// error that blocks pushing, so this test lists the real types and fails on any such error. It
// also checks that the node-level keys the reference declares for each type (identities …) are
// accepted. Reads ../shared only (the reference schema is test input, never copied).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { stringify } from 'yaml';
import { hasShared, sharedDir } from '../helpers/paths';
import { compileBundledSchema, validateParsed } from '../../server/engine';
import { bundledStageTypes, bundledStepTypes } from '../../server/schema/bundled/index';
import { parseYaml } from '../../server/yaml/parse';

const referencePath = path.join(sharedDir, 'reference', 'harness-schema', 'pipeline.v0.json');

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A type accepted in a step or stage slot of the reference schema, with its node-level keys. */
interface RefType {
  type: string;
  keys: Set<string>;
}

/**
 * Every value of `type` the reference accepts in a `step:` or `stage:` slot: each slot is a
 * `oneOf` of node definitions whose `type` is a single-value enum (or a const).
 */
function referenceTypes(root: Json): { steps: Map<string, RefType>; stages: Map<string, RefType> } {
  const resolve = (ref: string): unknown =>
    ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((o, k) => (isObj(o) ? o[k] : undefined), root);
  const deref = (v: unknown): Json | undefined => {
    for (let i = 0; i < 16 && isObj(v) && typeof v.$ref === 'string'; i++) v = resolve(v.$ref);
    return isObj(v) ? v : undefined;
  };
  const out = { steps: new Map<string, RefType>(), stages: new Map<string, RefType>() };
  const seen = new Set<unknown>();
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) return o.forEach(walk);
    if (!isObj(o) || seen.has(o)) return;
    seen.add(o);
    const props = isObj(o.properties) ? o.properties : undefined;
    for (const [slot, into] of [
      ['step', out.steps],
      ['stage', out.stages],
    ] as const) {
      const branches = deref(props?.[slot])?.oneOf;
      if (!Array.isArray(branches)) continue;
      for (const b of branches) {
        const node = deref(b);
        const nodeProps = node && isObj(node.properties) ? node.properties : {};
        const t = deref(nodeProps.type);
        const values = Array.isArray(t?.enum) ? t.enum : t?.const !== undefined ? [t.const] : [];
        for (const v of values) {
          if (typeof v !== 'string') continue;
          const entry = into.get(v) ?? { type: v, keys: new Set<string>() };
          for (const k of Object.keys(nodeProps)) entry.keys.add(k);
          into.set(v, entry);
        }
      }
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(root);
  return out;
}

const errorsOf = (diags: Diagnostic[]) => diags.filter((d) => d.severity === 1);
/** Compiled once for the whole file, as a server keeps it. */
const bundled = compileBundledSchema();

/**
 * A minimal step or stage of a reference type: `base` (identifier, name, type first, so each
 * error can be traced back to the type above it), then every other node-level key the reference
 * declares for that type, left empty: the key must be accepted, its value is not the point.
 */
function node(t: RefType, base: Json): Json {
  const out: Json = { identifier: base.identifier, name: base.name, type: base.type };
  for (const k of t.keys) if (!(k in base)) out[k] = null;
  return { ...out, ...base };
}

/**
 * Validates `doc` with the bundled schema and names the offending type of every error that sits
 * on a `type:` line or on a node-level key: the nearest `type:` line above it at the same indent.
 */
function typeErrors(doc: unknown, indentOfNode: number): string[] {
  const text = stringify(doc, { lineWidth: 0 });
  const lines = text.split('\n');
  const diags = errorsOf(validateParsed(parseYaml(text), bundled));
  const out: string[] = [];
  const at = (l: number) => /^\s*/.exec(lines[l])?.[0].length ?? 0;
  for (const d of diags) {
    const l = d.range.start.line;
    // Errors inside a spec (a required spec key left out of the minimal spec) are not the point.
    if (at(l) !== indentOfNode) continue;
    if (/^\s*spec:/.test(lines[l]) && d.code === 'missing-required') continue;
    let type = '?';
    for (let k = l; k >= 0 && at(k) >= indentOfNode; k--) {
      const m = /^\s*type: (.+)$/.exec(lines[k]);
      if (m && at(k) === indentOfNode) {
        type = m[1];
        break;
      }
    }
    out.push(`${type}: line ${l + 1} [${String(d.code)}] ${d.message}`);
  }
  return out;
}

describe('conformance: step and stage types of the reference schema', function () {
  this.timeout(120_000);
  let ref: ReturnType<typeof referenceTypes> | undefined;
  const reference = () => {
    ref ??= referenceTypes(JSON.parse(fs.readFileSync(referencePath, 'utf8')) as Json);
    return ref;
  };

  it('the reference data is present and lists the step and stage slots', () => {
    assert.ok(hasShared && fs.existsSync(referencePath), `${referencePath} is missing`);
    const { steps, stages } = reference();
    // Guards against a reference layout this collector no longer understands (an empty pass).
    assert.ok(steps.size >= 300, `only ${steps.size} step types found`);
    assert.ok(stages.size >= 10, `only ${stages.size} stage types found`);
    const unknownSteps = [...steps.keys()].filter((t) => !bundledStepTypes.includes(t));
    const unknownStages = [...stages.keys()].filter((t) => !bundledStageTypes.includes(t));
    console.log(
      `      reference: ${steps.size} step types (${unknownSteps.length} not in the bundled schema: warnings), ${stages.size} stage types (${unknownStages.length} not in the bundled schema)`,
    );
  });

  it('no step type of the reference gets an error on its type or on a node-level key', () => {
    // One Custom stage holding one step per type (one validation, not one per type).
    const steps = [...reference().steps.values()].map((t, i) => ({
      step: node(t, { identifier: `step_${i}`, name: `step ${i}`, type: t.type, timeout: '10m', spec: {} }),
    }));
    const doc = {
      pipeline: {
        name: 'p',
        identifier: 'p',
        stages: [{ stage: { name: 's', identifier: 's', type: 'Custom', spec: { execution: { steps } } } }],
      },
    };
    // stringify puts `- step:` items at 14 spaces and the step keys at 18.
    assert.deepEqual(typeErrors(doc, 18), []);
  });

  it('no stage type of the reference gets an error on its type or on a node-level key', () => {
    const stages = [...reference().stages.values()].map((t, i) => ({
      stage: node(t, { identifier: `stage_${i}`, name: `stage ${i}`, type: t.type, spec: {} }),
    }));
    const doc = { pipeline: { name: 'p', identifier: 'p', stages } };
    // `- stage:` items at 4 spaces, the stage keys at 8.
    assert.deepEqual(typeErrors(doc, 8), []);
  });
});
