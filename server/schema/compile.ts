// Draft-07 subset compiler. Schema objects are indexed lazily, the first time validation or
// a view reaches them, and cached by identity: loading the 3.4 MB reference schema costs one
// JSON walk for `$ref` targets only on demand. Invalid nodes are tolerated: keywords set to
// null are ignored, `enum: []` matches nothing, unknown keywords are ignored.

export type RawSchema = Record<string, unknown>;
export type SchemaRef = RawSchema | boolean;

export interface Discriminator {
  key: string;
  /** Value → indexes of the union branches that value selects. */
  byValue: Map<string, number[]>;
  values: string[];
  /** Per branch: whether it pins the key to a set of values. */
  pinned: boolean[];
  /** Per branch: whether it requires the key. */
  requires: boolean[];
}

/** What one schema object says, read once. Fields left undefined when absent or invalid. */
export interface SchemaNode {
  raw: RawSchema;
  ref?: string;
  types?: string[];
  properties?: Map<string, SchemaRef>;
  patternProperties?: { re: RegExp; schema: SchemaRef }[];
  /** false = closed; a schema = additional keys must match it; undefined = open. */
  additionalProperties?: SchemaRef;
  required: string[];
  /** enum and const folded together; [] matches nothing. */
  enum?: unknown[];
  oneOf?: SchemaRef[];
  anyOf?: SchemaRef[];
  allOf?: SchemaRef[];
  if?: SchemaRef;
  then?: SchemaRef;
  else?: SchemaRef;
  not?: SchemaRef;
  items?: SchemaRef | SchemaRef[];
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  description?: string;
  markdownDescription?: string;
  title?: string;
  kind?: string;
  unknownDiscriminator?: 'warning' | 'error';
  /**
   * On a union: what a member whose discriminator value selects no branch (a misspelled or
   * unknown type, an expression) is still checked against, e.g. the keys every step has.
   */
  unknownBranch?: SchemaRef;
  discriminatorKey?: string;
  format?: string;
  examples?: unknown[];
  default?: unknown;
}

const isObj = (v: unknown): v is RawSchema => typeof v === 'object' && v !== null && !Array.isArray(v);
const asSchema = (v: unknown): SchemaRef | undefined => (typeof v === 'boolean' || isObj(v) ? v : undefined);
const asSchemaList = (v: unknown): SchemaRef[] | undefined =>
  Array.isArray(v) ? v.map(asSchema).filter((s): s is SchemaRef => s !== undefined) : undefined;
const asNum = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const asStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const TRUE_LIST: SchemaRef[] = [true];
const FALSE_LIST: SchemaRef[] = [false];

export class SchemaStore {
  private readonly nodes = new WeakMap<RawSchema, SchemaNode>();
  private readonly regexes = new Map<string, RegExp | null>();
  private readonly refs = new Map<string, RawSchema | null>();
  private readonly discriminators = new WeakMap<SchemaRef[], Discriminator | null>();
  /** deref() results, computed once per schema object (validation calls it for every node). */
  private readonly derefs = new WeakMap<RawSchema, SchemaRef[]>();

  /**
   * Keys every object accepts whatever its key list (root `x-harness-any-object-keys`): the
   * published Harness schema declares `description` on every object it generates.
   */
  readonly anyObjectKeys: ReadonlySet<string>;

  constructor(readonly root: RawSchema) {
    const keys = root['x-harness-any-object-keys'];
    this.anyObjectKeys = new Set(Array.isArray(keys) ? keys.filter((k) => typeof k === 'string') : []);
  }

  /** The compiled form of a schema object (`true`/`false` are handled by callers). */
  node(raw: RawSchema): SchemaNode {
    let n = this.nodes.get(raw);
    if (!n) {
      n = readNode(raw, (p) => this.regex(p));
      this.nodes.set(raw, n);
    }
    return n;
  }

  /** A JSON Schema pattern compiled once per schema; undefined when it is not a valid pattern. */
  regex(pattern: string): RegExp | undefined {
    let re = this.regexes.get(pattern);
    if (re === undefined) {
      re = compileRegex(pattern);
      this.regexes.set(pattern, re);
    }
    return re ?? undefined;
  }

  /** Resolves a local `$ref` (`#/definitions/a/b/C`, nested namespaces allowed). */
  resolveRef(ref: string): RawSchema | undefined {
    let hit = this.refs.get(ref);
    if (hit === undefined) {
      hit = resolvePointer(this.root, ref) ?? null;
      this.refs.set(ref, hit);
    }
    return hit ?? undefined;
  }

  /**
   * Follows `$ref` chains: returns the schema objects that together describe a value
   * (a `$ref` with sibling keywords contributes both). Bounded against reference cycles.
   */
  deref(s: SchemaRef): SchemaRef[] {
    if (typeof s === 'boolean') return s ? TRUE_LIST : FALSE_LIST;
    let hit = this.derefs.get(s);
    if (!hit) {
      hit = this.computeDeref(s);
      this.derefs.set(s, hit);
    }
    return hit;
  }

  private computeDeref(s: RawSchema): SchemaRef[] {
    const out: SchemaRef[] = [];
    let cur: RawSchema | undefined = s;
    for (let hops = 0; cur && hops < 32; hops++) {
      const n = this.node(cur);
      if (!n.ref) {
        out.push(cur);
        break;
      }
      if (hasOwnKeywords(cur)) out.push(cur);
      cur = this.resolveRef(n.ref);
    }
    return out;
  }

  /**
   * How a union's branches are told apart: the property (normally `type`) whose const or
   * single-value enum differs per branch, looked up directly, through `$ref`, `allOf` and
   * the reference schema's `allOf: [{if: {properties: {type: {const: X}}}}]` pattern.
   */
  discriminator(branches: SchemaRef[], preferredKey?: string): Discriminator | undefined {
    let d = this.discriminators.get(branches);
    if (d === undefined) {
      d = this.computeDiscriminator(branches, preferredKey) ?? null;
      this.discriminators.set(branches, d);
    }
    return d ?? undefined;
  }

  private computeDiscriminator(branches: SchemaRef[], preferredKey?: string): Discriminator | undefined {
    if (branches.length < 2) return undefined;
    const key = preferredKey ?? 'type';
    const byValue = new Map<string, number[]>();
    const pinned: boolean[] = [];
    const requires: boolean[] = [];
    let tagged = 0;
    branches.forEach((b, i) => {
      const vals = this.pinnedValues(b, key, 0);
      pinned.push(vals !== undefined);
      requires.push(this.requiresKey(b, key, 0));
      if (!vals) return;
      tagged++;
      for (const v of vals) {
        const list = byValue.get(v);
        if (list) list.push(i);
        else byValue.set(v, [i]);
      }
    });
    if (tagged < 2 && !(preferredKey && tagged >= 1)) return undefined;
    return { key, byValue, values: [...byValue.keys()], pinned, requires };
  }

  /**
   * The values a schema allows for property `key` (const/enum, intersected across `allOf`
   * parts; the reference schema's `if: {properties: {type: {const: X}}}` counts when nothing
   * else pins it), or undefined when the property is not pinned.
   */
  private pinnedValues(s: SchemaRef, key: string, depth: number): string[] | undefined {
    if (depth > 6) return undefined;
    let result: string[] | undefined;
    const intersect = (vals: string[] | undefined) => {
      if (vals === undefined) return;
      result = result === undefined ? vals : result.filter((v) => vals.includes(v));
    };
    const ifConsts: string[] = [];
    for (const part of this.deref(s)) {
      if (typeof part === 'boolean') continue;
      const n = this.node(part);
      const prop = n.properties?.get(key);
      if (prop && typeof prop !== 'boolean') {
        for (const p of this.deref(prop)) {
          if (typeof p === 'boolean') continue;
          const pn = this.node(p);
          if (pn.enum) intersect(pn.enum.filter((v): v is string => typeof v === 'string'));
        }
      }
      for (const sub of n.allOf ?? []) {
        intersect(this.pinnedValues(sub, key, depth + 1));
        if (typeof sub !== 'boolean') {
          const sn = this.node(sub);
          if (sn.if && sn.then !== undefined)
            ifConsts.push(...(this.pinnedValues(sn.if, key, depth + 1) ?? []));
        }
      }
    }
    if (result === undefined && ifConsts.length) result = [...new Set(ifConsts)];
    return result;
  }

  /** Whether a branch lists `key` in `required` (directly, through `$ref` or `allOf`). */
  private requiresKey(s: SchemaRef, key: string, depth: number): boolean {
    if (depth > 6) return false;
    for (const part of this.deref(s)) {
      if (typeof part === 'boolean') continue;
      const n = this.node(part);
      if (n.required.includes(key)) return true;
      for (const sub of n.allOf ?? []) if (this.requiresKey(sub, key, depth + 1)) return true;
    }
    return false;
  }
}

function hasOwnKeywords(raw: RawSchema): boolean {
  for (const k of Object.keys(raw)) {
    if (
      k === '$ref' ||
      k === '$schema' ||
      k === 'title' ||
      k === 'description' ||
      k === 'desc' ||
      k === '$id'
    )
      continue;
    if (raw[k] !== null && raw[k] !== undefined) return true;
  }
  return false;
}

function resolvePointer(root: RawSchema, ref: string): RawSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  const path = ref.slice(1);
  if (path === '' || path === '/') return root;
  let cur: unknown = root;
  for (const seg of path.replace(/^\//, '').split('/')) {
    let key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    try {
      key = decodeURIComponent(key);
    } catch {
      // keep the raw segment
    }
    if (!isObj(cur) && !Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return isObj(cur) ? cur : undefined;
}

/** ECMAScript with the `u` flag first (JSON Schema patterns are Unicode), then without; null if neither compiles. */
function compileRegex(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    // Not valid in Unicode mode (e.g. `\-` outside a class): try the legacy syntax next.
  }
  try {
    return new RegExp(pattern);
  } catch {
    // Not a regular expression at all: the keyword is ignored, as with other invalid keywords.
    return null;
  }
}

function readNode(raw: RawSchema, regex: (pattern: string) => RegExp | undefined): SchemaNode {
  const n: SchemaNode = { raw, required: [] };
  n.ref = asStr(raw.$ref);
  const t = raw.type;
  if (typeof t === 'string') n.types = [t];
  else if (Array.isArray(t)) n.types = t.filter((x): x is string => typeof x === 'string');
  if (isObj(raw.properties)) {
    n.properties = new Map();
    for (const [k, v] of Object.entries(raw.properties)) {
      const s = asSchema(v);
      if (s !== undefined) n.properties.set(k, s);
    }
  }
  if (isObj(raw.patternProperties)) {
    n.patternProperties = [];
    for (const [p, v] of Object.entries(raw.patternProperties)) {
      const re = regex(p);
      const s = asSchema(v);
      if (re && s !== undefined) n.patternProperties.push({ re, schema: s });
    }
  }
  n.additionalProperties = asSchema(raw.additionalProperties);
  if (Array.isArray(raw.required))
    n.required = raw.required.filter((x): x is string => typeof x === 'string');
  if (Array.isArray(raw.enum)) n.enum = raw.enum;
  if ('const' in raw && raw.const !== null && raw.const !== undefined) n.enum = [raw.const];
  n.oneOf = asSchemaList(raw.oneOf);
  n.anyOf = asSchemaList(raw.anyOf);
  n.allOf = asSchemaList(raw.allOf);
  n.if = asSchema(raw.if);
  n.then = asSchema(raw.then);
  n.else = asSchema(raw.else);
  n.not = asSchema(raw.not);
  n.items = Array.isArray(raw.items) ? asSchemaList(raw.items) : asSchema(raw.items);
  const pattern = asStr(raw.pattern);
  if (pattern !== undefined) n.pattern = regex(pattern);
  n.minimum = asNum(raw.minimum);
  n.maximum = asNum(raw.maximum);
  n.exclusiveMinimum = asNum(raw.exclusiveMinimum);
  n.exclusiveMaximum = asNum(raw.exclusiveMaximum);
  n.minLength = asNum(raw.minLength);
  n.maxLength = asNum(raw.maxLength);
  n.minItems = asNum(raw.minItems);
  n.maxItems = asNum(raw.maxItems);
  n.description = asStr(raw.description);
  n.markdownDescription = asStr(raw.markdownDescription);
  n.title = asStr(raw.title);
  n.kind = asStr(raw['x-harness-kind']);
  const unknown = asStr(raw['x-harness-unknown']);
  if (unknown === 'warning' || unknown === 'error') n.unknownDiscriminator = unknown;
  n.unknownBranch = asSchema(raw['x-harness-unknown-branch']);
  n.discriminatorKey = asStr(raw['x-harness-discriminator']);
  n.format = asStr(raw['x-harness-format']);
  if (Array.isArray(raw.examples)) n.examples = raw.examples;
  if ('default' in raw) n.default = raw.default;
  return n;
}
