// Compiles a JSON Schema (bundled, account or file) into a CompiledSchema: the SchemaStore
// validation walks, plus discriminator-aware views for completion and hover.
import type { Document, Node } from 'yaml';
import { mapGet, isMap, isScalar, isSeq } from '../yaml/ast';
import type { ParsedYaml } from '../yaml/types';
import type { YamlPath } from '../yaml/locate';
import { SchemaValidator } from '../validation/schemaValidate';
import { SchemaStore, type RawSchema, type SchemaNode, type SchemaRef } from './compile';
import type {
  CompiledSchema,
  PropertyView,
  SchemaFormat,
  SchemaKind,
  SchemaSource,
  SchemaView,
} from './types';

export interface CompiledSchemaImpl extends CompiledSchema {
  readonly store: SchemaStore;
}

/** Throws when the JSON is not a schema object; everything else is tolerated lazily. */
export function compileSchema(json: unknown, source: SchemaSource): CompiledSchemaImpl {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error('the schema is not a JSON object');
  const raw = json as RawSchema;
  if (
    !('properties' in raw) &&
    !('$ref' in raw) &&
    !('oneOf' in raw) &&
    !('allOf' in raw) &&
    !('definitions' in raw)
  )
    throw new Error('the schema has no properties, $ref, oneOf, allOf or definitions at its root');
  const store = new SchemaStore(raw);
  const views = new Views(store);
  const memos = new Map<string, unknown>();
  return {
    source,
    store,
    root: () => views.view([raw], undefined, undefined, []),
    viewAt: (parsed, path) => views.viewAt(parsed, path),
    memo<T>(key: string, make: () => T): T {
      if (memos.has(key)) return memos.get(key) as T;
      const value = make();
      memos.set(key, value);
      return value;
    },
  };
}

const KIND_KEYS: Record<string, SchemaKind> = {
  pipeline: 'pipeline',
  stage: 'stage',
  step: 'step',
  stepGroup: 'stepGroup',
  parallel: 'parallel',
  template: 'template',
  inputSet: 'inputSet',
};
const FORMAT_KEYS: Record<string, SchemaFormat> = {
  identifier: 'identifier',
  timeout: 'timeout',
  name: 'name',
};

class Views {
  private readonly common = new WeakMap<SchemaRef[], Map<string, SchemaRef>>();
  constructor(private readonly store: SchemaStore) {}

  viewAt(parsed: ParsedYaml, path: YamlPath): SchemaView | undefined {
    const doc = parsed.doc;
    let schemas: SchemaRef[] = [this.store.root];
    let node: Node | null | undefined = (doc?.contents as Node | null | undefined) ?? undefined;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const eff = this.effective(schemas, node, doc);
      const next: SchemaRef[] = [];
      if (typeof seg === 'string') {
        // The discriminator key of a union lists every branch's value.
        for (const n of eff.unions) {
          if (n.disc.key === seg && i === path.length - 1) {
            const base = this.view(next.length ? next : [], undefined, doc, path);
            return {
              ...base,
              types: ['string'],
              enum: n.disc.values,
              description: base.description ?? `The ${n.kind ?? 'entity'} type`,
            };
          }
        }
        for (const n of eff.nodes) {
          const p = n.properties?.get(seg);
          if (p !== undefined) next.push(p);
          else {
            let matched = false;
            for (const pp of n.patternProperties ?? []) {
              if (!pp.re.test(seg)) continue;
              matched = true;
              next.push(pp.schema);
            }
            if (
              !matched &&
              n.additionalProperties !== undefined &&
              typeof n.additionalProperties !== 'boolean'
            )
              next.push(n.additionalProperties);
          }
        }
        for (const u of eff.unions) {
          const c = this.commonProps(u.branches).get(seg);
          if (c !== undefined) next.push(c);
        }
        node = node && isMap(node) ? (mapGet(node, seg) ?? undefined) : undefined;
      } else {
        for (const n of eff.nodes) {
          if (Array.isArray(n.items)) {
            const it = n.items[seg];
            if (it !== undefined) next.push(it);
          } else if (n.items !== undefined) next.push(n.items);
        }
        node = node && isSeq(node) ? ((node.items[seg] as Node | undefined) ?? undefined) : undefined;
      }
      if (!next.length) return undefined;
      schemas = next;
    }
    return this.view(schemas, node, doc, path);
  }

  /**
   * Flattens schemas into the nodes that apply to `node`: `$ref`s followed, `allOf` merged,
   * `if/then/else` decided by the document, unions resolved by discriminator or type.
   * Unions that cannot be resolved yet are returned separately.
   */
  effective(schemas: SchemaRef[], node: Node | null | undefined, doc: Document | undefined) {
    const nodes: SchemaNode[] = [];
    const unions: { branches: SchemaRef[]; disc: { key: string; values: string[] }; kind?: string }[] = [];
    const seen = new Set<SchemaNode>();
    const selected: SchemaNode[] = [];
    const validator = doc ? new SchemaValidator(this.store, doc) : undefined;
    const visit = (s: SchemaRef, depth: number) => {
      if (depth > 24) return;
      for (const part of this.store.deref(s)) {
        if (typeof part === 'boolean') continue;
        const n = this.store.node(part);
        if (seen.has(n)) continue;
        seen.add(n);
        nodes.push(n);
        for (const sub of n.allOf ?? []) visit(sub, depth + 1);
        if (n.if !== undefined && node && validator) {
          const b = validator.matches(node, n.if) ? n.then : n.else;
          if (b !== undefined) visit(b, depth + 1);
        }
        for (const branches of [n.oneOf, n.anyOf]) {
          if (!branches || !branches.length) continue;
          const disc = this.store.discriminator(branches, n.discriminatorKey);
          if (disc) {
            const v = node && isMap(node) ? mapGet(node, disc.key) : undefined;
            const value = v && isScalar(v) && v.value !== null ? String(v.value) : undefined;
            const idx = value !== undefined ? disc.byValue.get(value) : undefined;
            if (idx && idx.length)
              for (const i of idx) {
                const first = nodes.length;
                visit(branches[i], depth + 1);
                // The branch's own node: what this member is, in the branch's words.
                if (nodes.length > first) selected.push(nodes[first]);
              }
            else {
              unions.push({ branches, disc, kind: n.kind });
              // A type no branch knows: what validation still checks is what completion offers.
              if (value !== undefined && n.unknownBranch !== undefined) visit(n.unknownBranch, depth + 1);
            }
            continue;
          }
          const type = node ? typeOf(node) : undefined;
          for (const b of branches) {
            if (branches.length > 8 && !type) break;
            if (type && !this.typeCompatible(b, type)) continue;
            visit(b, depth + 1);
          }
        }
      }
    };
    for (const s of schemas) visit(s, 0);
    return { nodes, unions, selected };
  }

  /** Properties every branch of an unresolved union has (what is safe to offer before `type`). */
  private commonProps(branches: SchemaRef[]): Map<string, SchemaRef> {
    let m = this.common.get(branches);
    if (m) return m;
    m = new Map();
    let first = true;
    for (const b of branches) {
      const { nodes } = this.effective([b], undefined, undefined);
      const props = new Map<string, SchemaRef>();
      for (const n of nodes) for (const [k, v] of n.properties ?? []) if (!props.has(k)) props.set(k, v);
      if (!props.size) continue; // branches without properties (e.g. enum: [] placeholders) do not restrict
      if (first) {
        for (const [k, v] of props) m.set(k, v);
        first = false;
      } else {
        for (const k of [...m.keys()]) if (!props.has(k)) m.delete(k);
      }
    }
    this.common.set(branches, m);
    return m;
  }

  private readonly requiredCache = new WeakMap<SchemaRef[], string[]>();
  /** Keys every branch of a union requires. */
  private commonRequired(branches: SchemaRef[]): string[] {
    let r = this.requiredCache.get(branches);
    if (r) return r;
    let acc: Set<string> | undefined;
    for (const b of branches) {
      const { nodes } = this.effective([b], undefined, undefined);
      if (!nodes.some((n) => n.properties?.size)) continue;
      const req = new Set(nodes.flatMap((n) => n.required));
      acc = acc ? new Set([...acc].filter((k) => req.has(k))) : req;
    }
    r = [...(acc ?? [])];
    this.requiredCache.set(branches, r);
    return r;
  }

  private typeCompatible(b: SchemaRef, type: string): boolean {
    for (const part of this.store.deref(b)) {
      if (part === false) return false;
      if (part === true) continue;
      const t = this.store.node(part).types;
      if (t && t.length && !t.includes(type) && !(type === 'integer' && t.includes('number'))) return false;
    }
    return true;
  }

  /** The view of `schemas` at `path` (where `node` is, when the document has it). */
  view(
    schemas: SchemaRef[],
    node: Node | null | undefined,
    doc: Document | undefined,
    path: YamlPath,
  ): SchemaView {
    const { nodes, unions, selected } = this.effective(schemas, node, doc);
    const facts = collectFacts(nodes);
    const branchDescription = selected.find((n) => n.description)?.description;
    const discriminator = this.addUnionFacts(facts, unions);
    const properties = this.propertyViews(facts, discriminator, node, doc, path);
    annotateFromKey(facts, path);
    const view = assembleView(facts, properties, discriminator);
    if (branchDescription && branchDescription !== view.description)
      view.branchDescription = branchDescription;
    if (facts.items.length) {
      const itemSchemas = facts.items;
      view.items = () => {
        const first = node && isSeq(node) ? ((node.items[0] as Node | undefined) ?? undefined) : undefined;
        return this.view(itemSchemas, first, doc, [...path, 0]);
      };
    }
    return view;
  }

  /**
   * What the unresolved unions add: the properties and required keys all their branches share,
   * their kind, and the discriminator (which makes `type` required).
   */
  private addUnionFacts(facts: ViewFacts, unions: Union[]): SchemaView['discriminator'] {
    let discriminator: SchemaView['discriminator'];
    for (const u of unions) {
      for (const [k, v] of this.commonProps(u.branches)) addPropSchema(facts, k, v);
      for (const r of this.commonRequired(u.branches)) facts.required.add(r);
      if (u.disc.key === 'type') discriminator = { key: 'type', values: u.disc.values };
      facts.kind ??= u.kind as SchemaKind | undefined;
    }
    if (discriminator && !facts.required.has('type')) facts.required.add('type');
    return discriminator;
  }

  /**
   * One lazily resolved view per property; with a discriminator, `type` lists every branch's
   * value (and exists even when no branch declares it).
   */
  private propertyViews(
    facts: ViewFacts,
    discriminator: SchemaView['discriminator'],
    node: Node | null | undefined,
    doc: Document | undefined,
    path: YamlPath,
  ): Map<string, PropertyView> {
    const properties = new Map<string, PropertyView>();
    for (const [k, list] of facts.propSchemas) {
      const childPath = [...path, k];
      const childNode = node && isMap(node) ? (mapGet(node, k) ?? undefined) : undefined;
      let desc: string | undefined;
      for (const s of list)
        for (const part of this.store.deref(s))
          if (typeof part !== 'boolean') desc ??= this.store.node(part).description;
      properties.set(k, {
        name: k,
        required: facts.required.has(k),
        description: desc,
        schema: () => {
          if (discriminator && k === 'type') {
            const base = this.view(list, childNode, doc, childPath);
            return { ...base, enum: discriminator.values };
          }
          return this.view(list, childNode, doc, childPath);
        },
      });
    }
    if (discriminator && !properties.has('type')) {
      const values = discriminator.values;
      properties.set('type', {
        name: 'type',
        required: true,
        description: `The ${facts.kind ?? 'entity'} type`,
        schema: () => ({
          types: ['string'],
          properties: new Map(),
          required: [],
          enum: values,
          additionalProperties: true,
        }),
      });
    }
    return properties;
  }
}

type Union = ReturnType<Views['effective']>['unions'][number];

/** What the schema nodes that apply at one place say together, before it becomes a SchemaView. */
interface ViewFacts {
  types: Set<string>;
  required: Set<string>;
  additionalProperties: boolean;
  enum?: unknown[];
  description?: string;
  markdownDescription?: string;
  title?: string;
  kind?: SchemaKind;
  format?: SchemaFormat;
  examples?: unknown[];
  default?: unknown;
  /** Item schemas of every node that has `items`. */
  items: SchemaRef[];
  /** Each property's schemas, from every node (and union) that declares it. */
  propSchemas: Map<string, SchemaRef[]>;
}

function addPropSchema(facts: ViewFacts, key: string, schema: SchemaRef): void {
  const list = facts.propSchemas.get(key);
  if (list) list.push(schema);
  else facts.propSchemas.set(key, [schema]);
}

/** Merges the nodes: types, required keys and properties add up; the first text or annotation wins. */
function collectFacts(nodes: SchemaNode[]): ViewFacts {
  const facts: ViewFacts = {
    types: new Set(),
    required: new Set(),
    additionalProperties: true,
    items: [],
    propSchemas: new Map(),
  };
  for (const n of nodes) {
    for (const t of n.types ?? []) facts.types.add(t);
    for (const r of n.required) facts.required.add(r);
    if (n.additionalProperties === false) facts.additionalProperties = false;
    if (n.enum && !facts.enum) facts.enum = n.enum;
    facts.description ??= n.description;
    facts.markdownDescription ??= n.markdownDescription;
    facts.title ??= n.title;
    facts.kind ??= n.kind as SchemaKind | undefined;
    facts.format ??= n.format as SchemaFormat | undefined;
    facts.examples ??= n.examples;
    if (facts.default === undefined && n.default !== undefined) facts.default = n.default;
    for (const [k, v] of n.properties ?? []) addPropSchema(facts, k, v);
    if (n.items !== undefined) facts.items = facts.items.concat(Array.isArray(n.items) ? n.items : [n.items]);
  }
  return facts;
}

/** The key a value sits under names its kind (`step:`) or format (`timeout:`) when the schema does not. */
function annotateFromKey(facts: ViewFacts, path: YamlPath): void {
  const last = path.length ? path[path.length - 1] : undefined;
  const parentKey = typeof last === 'number' ? path[path.length - 2] : last;
  if (typeof parentKey !== 'string') return;
  facts.kind ??= KIND_KEYS[parentKey];
  facts.format ??= FORMAT_KEYS[parentKey];
}

/** The SchemaView, with only the optional fields that have a value. */
function assembleView(
  facts: ViewFacts,
  properties: Map<string, PropertyView>,
  discriminator: SchemaView['discriminator'],
): SchemaView {
  const view: SchemaView = {
    types: [...facts.types],
    properties,
    required: [...facts.required],
    additionalProperties: facts.additionalProperties,
  };
  if (facts.title) view.title = facts.title;
  if (facts.description) view.description = facts.description;
  if (facts.markdownDescription) view.markdownDescription = facts.markdownDescription;
  if (facts.enum) view.enum = facts.enum;
  if (facts.kind) view.kind = facts.kind;
  if (discriminator) view.discriminator = discriminator;
  if (facts.format) view.format = facts.format;
  if (facts.examples) view.examples = facts.examples;
  if (facts.default !== undefined) view.default = facts.default;
  return view;
}

function typeOf(node: Node): string {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
    if (typeof v === 'boolean') return 'boolean';
  }
  return 'string';
}
