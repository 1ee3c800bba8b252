// Small constructors so each schema module reads like a field list. Every constructor takes
// the description first: hover shows it, and the unit tests insist that every property has one.
import type { JsonSchema, Scalar } from './types';

export const ref = (name: string, description: string): JsonSchema => ({
  $ref: `#/definitions/${name}`,
  description,
});

export const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'string',
  description,
  ...extra,
});

/** Strings that the engine checks with Harness' duration grammar (`10m`, `1h 30m`). */
export const timeout = (description: string): JsonSchema => ({
  type: 'string',
  description,
  'x-harness-format': 'timeout',
});

export const bool = (description: string): JsonSchema => ({ type: 'boolean', description });

export const int = (description: string, minimum?: number): JsonSchema =>
  minimum === undefined ? { type: 'integer', description } : { type: 'integer', description, minimum };

export const num = (description: string): JsonSchema => ({ type: 'number', description });

export const oneOfValues = (description: string, values: Scalar[]): JsonSchema => ({
  type: typeof values[0] === 'number' ? 'number' : 'string',
  enum: values,
  description,
});

export const list = (description: string, items: JsonSchema): JsonSchema => ({
  type: 'array',
  description,
  items,
});

export const strList = (description: string, itemDescription = 'One entry.'): JsonSchema =>
  list(description, { type: 'string', description: itemDescription });

/** A free-form map of names to scalar values (env vars, labels, build args). */
export const strMap = (description: string): JsonSchema => ({
  type: 'object',
  description,
  additionalProperties: {
    type: ['string', 'number', 'boolean', 'null'],
    description: 'Value of this entry.',
  },
});

/** Anything: used where Harness accepts an arbitrary structure (template inputs, plugin settings). */
export const anyValue = (description: string): JsonSchema => ({ description });

export interface ObjOptions {
  required?: string[];
  /** true when the key list is complete, so an unknown key is reported (misspellings). */
  closed?: boolean;
}

export const obj = (
  description: string,
  properties: Record<string, JsonSchema>,
  opts: ObjOptions = {},
): JsonSchema => {
  const out: JsonSchema = { type: 'object', description, properties };
  if (opts.required && opts.required.length > 0) out.required = opts.required;
  if (opts.closed) out.additionalProperties = false;
  return out;
};

export interface UnionOptions {
  /** A type no branch knows is only a warning (unless it is a near-miss of a known one). */
  unknownIsWarning?: boolean;
  /** Definition a member of an unknown type is still checked against (the keys all members share). */
  unknownBranch?: string;
}

/** A discriminated union of definitions (stage, step, failure action …). */
export const union = (
  description: string,
  names: string[],
  kind: NonNullable<JsonSchema['x-harness-kind']>,
  opts: UnionOptions = {},
): JsonSchema => {
  const out: JsonSchema = {
    description,
    oneOf: names.map((n) => ({ $ref: `#/definitions/${n}` })),
    'x-harness-discriminator': 'type',
    'x-harness-kind': kind,
  };
  if (opts.unknownIsWarning) out['x-harness-unknown'] = 'warning';
  if (opts.unknownBranch) out['x-harness-unknown-branch'] = { $ref: `#/definitions/${opts.unknownBranch}` };
  return out;
};

/** `type: X` as the branch marker of a discriminated union. */
export const typeConst = (value: string, description: string): JsonSchema => ({
  type: 'string',
  const: value,
  description,
});

/** On a `$ref` made by `shared`: how to build the definition it points to. Never serialised. */
const SHARED = Symbol('sharedDefinition');
type SharedRef = JsonSchema & { [SHARED]: { name: string; make: () => JsonSchema } };

/**
 * A field schema repeated on many nodes (step timeout, stage when …) is stored once under
 * `definitions/<name>` and referenced, which keeps the serialised schema small. The target
 * carries the description. The reference carries its own recipe; `withSharedDefinitions`
 * builds each named definition once, from the first reference to it, when the schema is put
 * together (no store shared between modules, so the order modules load in does not matter).
 */
export const shared = (name: string, make: () => JsonSchema): JsonSchema => {
  const ref: SharedRef = { $ref: `#/definitions/${name}`, [SHARED]: { name, make } };
  return ref;
};

/**
 * A plain copy of `schema` (no recipes left on it) whose `definitions` also hold every
 * definition a `shared` reference anywhere in it (or in those definitions) points to.
 */
export function withSharedDefinitions(schema: JsonSchema): JsonSchema {
  const made = new Map<string, JsonSchema>();
  const seen = new Set<string>();
  const pending: { name: string; make: () => JsonSchema }[] = [];
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (typeof value !== 'object' || value === null) return value;
    const recipe = (value as Partial<SharedRef>)[SHARED];
    if (recipe && !seen.has(recipe.name)) {
      seen.add(recipe.name);
      pending.push(recipe);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copy(v);
    return out;
  };
  const result = copy(schema) as JsonSchema;
  for (let next = pending.shift(); next; next = pending.shift())
    made.set(next.name, copy(next.make()) as JsonSchema);
  const definitions = { ...(result.definitions ?? {}) };
  for (const [name, definition] of made) {
    if (definitions[name]) throw new Error(`definition ${name} declared twice`);
    definitions[name] = definition;
  }
  return { ...result, definitions };
}

/** `shared` for a whole group of fields: each is stored once as `<prefix><Key>`. */
export const sharedFields = (
  prefix: string,
  fields: Record<string, JsonSchema>,
): Record<string, JsonSchema> =>
  Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [
      k,
      v.$ref && Object.keys(v).length <= 2
        ? v
        : shared(`${prefix}${k[0].toUpperCase()}${k.slice(1)}`, () => v),
    ]),
  );
