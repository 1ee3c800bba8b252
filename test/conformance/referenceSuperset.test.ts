// Conformance: the bundled schema accepts every property the published reference schema
// accepts. Walks both schemas object by object from the root, pairing discriminated unions
// (step and stage slots, failure actions, variables …) by their `type` value, and fails on any
// property the reference declares where the bundled schema has a closed key list without it:
// such a key would be a false "Unknown property" on a pipeline Harness accepts. Where the
// bundled schema leaves a value open (any value, or a type it does not know) there is nothing
// to compare. Reads ../shared only (the reference schema is test input, never copied).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasShared, sharedDir } from '../helpers/paths';
import { bundledPipelineSchema } from '../../server/schema/bundled/index';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const referencePath = path.join(sharedDir, 'reference', 'harness-schema', 'pipeline.v0.json');

/**
 * Reference union branches that are not alternatives a user can write, with why. The generated
 * schema lists the CustomDeployment template's spec among the alternatives of a CD `step:`; a
 * step needs an identifier and a name (harness-core AbstractStepNode: @NotNull), which it lacks.
 */
const NOT_ALTERNATIVES: ReadonlySet<string> = new Set([
  '#/definitions/pipeline/stages/cd/CustomDeploymentConfig',
]);

/** One side's view of a schema object: its keys, list items, map values and per-type parts. */
interface View {
  /** Accepts any value (no constraint the other side could break). */
  open: boolean;
  props: Map<string, unknown[]>;
  /** Unknown keys are rejected. */
  closed: boolean;
  items: unknown[];
  additional: unknown[];
  /** Parts that apply when `type` has this value (union branches, if/then on type). */
  byType: Map<string, unknown[]>;
  /** A union's branch for type values none of its branches names (bundled `x-harness-unknown-branch`). */
  otherType: unknown[];
  /** Accepts objects at all. */
  objects: boolean;
  /** Union branches that pin no type (a template use next to the typed steps). */
  unpinned: unknown[];
}

function makeResolver(root: Json) {
  const resolve = (ref: string): unknown =>
    ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((o, k) => (isObj(o) ? o[k] : undefined), root);
  return (v: unknown): Json | undefined => {
    for (let i = 0; i < 32 && isObj(v) && typeof v.$ref === 'string'; i++) v = resolve(v.$ref);
    return isObj(v) ? v : undefined;
  };
}

/** The single `type` value a schema object pins (`type: {const: X}` or a one-value enum). */
function pinnedType(s: Json, deref: (v: unknown) => Json | undefined): string | undefined {
  const props = isObj(s.properties) ? s.properties : undefined;
  const t = deref(props?.type);
  if (!t) return undefined;
  if (typeof t.const === 'string') return t.const;
  if (Array.isArray(t.enum) && t.enum.length === 1 && typeof t.enum[0] === 'string') return t.enum[0];
  return undefined;
}

function view(schemas: unknown[], deref: (v: unknown) => Json | undefined): View {
  const v: View = {
    open: false,
    props: new Map(),
    closed: false,
    items: [],
    additional: [],
    byType: new Map(),
    otherType: [],
    objects: false,
    unpinned: [],
  };
  const addType = (t: string, s: unknown) => v.byType.set(t, [...(v.byType.get(t) ?? []), s]);
  const seen = new Set<Json>();
  const visit = (raw: unknown, depth: number): void => {
    const s = deref(raw);
    if (!s || seen.has(s) || depth > 12) return;
    seen.add(s);
    const keys = Object.keys(s).filter((k) => !['description', 'title', 'desc', '$schema'].includes(k));
    if (keys.length === 0) {
      v.open = true;
      return;
    }
    const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
    if (types.includes('object') || isObj(s.properties)) v.objects = true;
    if (isObj(s.properties))
      for (const [k, p] of Object.entries(s.properties)) v.props.set(k, [...(v.props.get(k) ?? []), p]);
    if (s.additionalProperties === false) v.closed = true;
    else if (isObj(s.additionalProperties)) v.additional.push(s.additionalProperties);
    if (s.items !== undefined) v.items.push(s.items);
    for (const part of Array.isArray(s.allOf) ? s.allOf : []) {
      const p = deref(part);
      if (!p) continue;
      const cond = isObj(p.if) ? pinnedType(p.if, deref) : undefined;
      if (cond !== undefined && p.then !== undefined) addType(cond, p.then);
      else if (p.if === undefined) visit(p, depth + 1);
    }
    const branches = [...(Array.isArray(s.oneOf) ? s.oneOf : []), ...(Array.isArray(s.anyOf) ? s.anyOf : [])];
    for (const b of branches) {
      if (isObj(b) && typeof b.$ref === 'string' && NOT_ALTERNATIVES.has(b.$ref)) continue;
      const d = deref(b);
      if (!d) continue;
      const t = pinnedType(d, deref);
      if (t !== undefined) {
        v.objects = true;
        addType(t, b);
      } else {
        v.unpinned.push(b);
        visit(b, depth + 1);
      }
    }
    const unknown = s['x-harness-unknown-branch'];
    if (unknown !== undefined) v.otherType.push(unknown);
  };
  for (const s of schemas) visit(s, 0);
  return v;
}

/** The reference keys of a view as one plain schema object (each key's schemas as an anyOf). */
function keysOnly(r: View): Json {
  const properties: Json = {};
  for (const [k, list] of r.props) properties[k] = list.length === 1 ? list[0] : { anyOf: list };
  return { type: 'object', properties };
}

/** Every property the reference accepts and the bundled schema rejects, as readable paths. */
export function missingProperties(reference: Json): string[] {
  const refDeref = makeResolver(reference);
  const bunDeref = makeResolver(bundledPipelineSchema as unknown as Json);
  /** One entry per bundled object and key (the reference repeats objects inline; one path is enough). */
  const out = new Map<string, string>();
  const anyObjectKeys = new Set(bundledPipelineSchema['x-harness-any-object-keys'] ?? []);
  const ids = new Map<unknown, number>();
  const id = (list: unknown[]) =>
    list
      .map((x) => {
        if (!ids.has(x)) ids.set(x, ids.size);
        return ids.get(x);
      })
      .join(',');
  const done = new Set<string>();

  const compare = (bundled: unknown[], ref: unknown[], at: string, depth: number): void => {
    const key = `${id(bundled)}|${id(ref)}`;
    if (done.has(key) || depth > 60) return;
    done.add(key);
    const b = view(bundled, bunDeref);
    if (b.open || bundled.length === 0) return;
    const r = view(ref, refDeref);
    if (r.objects && b.objects) compareObjects(b, r, at, depth, id(bundled));
    if (r.items.length && b.items.length) compare(b.items, r.items, `${at}[]`, depth + 1);
  };

  const compareObjects = (b: View, r: View, at: string, depth: number, site: string): void => {
    // Per-type parts of the reference (a step slot, a failure action, if/then on type) against
    // the bundled part for the same type: its union branch, else its branch for unknown types;
    // a bundled object that is no union takes every type.
    for (const [t, parts] of r.byType) {
      if (!b.byType.size) compareKeys(b, view(parts, refDeref), `${at}<${t}>`, depth, site);
      else {
        const mine = b.byType.get(t) ?? b.otherType;
        // A type the bundled union rejects outright is a type error, not a property (see referenceTypes).
        if (mine.length) compare(mine, parts, `${at}<${t}>`, depth + 1);
      }
    }
    // Keys the reference does not tie to a type, against a bundled union: its branch for any type.
    if (b.byType.size && b.otherType.length) {
      if (r.props.size) compare([...b.otherType, ...b.unpinned], [keysOnly(r)], at, depth + 1);
    } else compareKeys(b, r, at, depth, site);
  };

  const compareKeys = (b: View, r: View, at: string, depth: number, site: string): void => {
    for (const [k, refProp] of r.props) {
      const mine = b.props.get(k);
      if (mine) compare(mine, refProp, `${at}.${k}`, depth + 1);
      else if (b.additional.length) compare(b.additional, refProp, `${at}.${k}`, depth + 1);
      else if (b.closed && !anyObjectKeys.has(k) && !out.has(`${site}:${k}`))
        out.set(`${site}:${k}`, `${at}: ${k}`);
    }
    if (r.additional.length && b.additional.length) compare(b.additional, r.additional, `${at}.*`, depth + 1);
  };

  compare([bundledPipelineSchema], [reference], '', 0);
  return [...out.values()].sort();
}

describe('conformance: the bundled schema accepts every property the reference accepts', function () {
  this.timeout(120_000);
  it('no property of the reference schema is an unknown property to the bundled schema', () => {
    assert.ok(hasShared && fs.existsSync(referencePath), `${referencePath} is missing`);
    const reference = JSON.parse(fs.readFileSync(referencePath, 'utf8')) as Json;
    const missing = missingProperties(reference);
    assert.deepEqual(missing, [], `${missing.length} properties:\n${missing.join('\n')}`);
  });
});
