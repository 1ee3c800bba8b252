// The subset of draft-07 JSON Schema the bundled pipeline schema is written in, plus the
// `x-harness-*` annotations the engine reads (see the SCHEMA ↔ CORE conventions).

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export type Scalar = string | number | boolean | null;

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: Scalar[];
  const?: Scalar;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minProperties?: number;
  maxProperties?: number;
  default?: Scalar;
  examples?: Scalar[];
  definitions?: Record<string, JsonSchema>;
  /** On a union: the key whose `const` picks the branch. */
  'x-harness-discriminator'?: 'type';
  /**
   * On a union: what the branches are, for messages ("is not a stage type"): stage, step,
   * failureAction, variable, template, and the entity kinds' own (connector, trigger source …).
   */
  'x-harness-kind'?: string;
  /**
   * On a reference: required keys the referenced object may omit here (a template's spec is a
   * step or stage without the identifier and name the template itself carries).
   */
  'x-harness-optional'?: string[];
  /**
   * On a reference: the object and everything in it may be partial (an input set's pipeline has
   * only runtime-input values): no key is required; unknown keys are still reported.
   */
  'x-harness-partial'?: boolean;
  /** On a union: a discriminator value no branch knows is only a warning. */
  'x-harness-unknown'?: 'warning';
  /**
   * On a union: what a member whose type no branch knows is still checked against (the keys
   * every member has; its spec left open), so a typo next to an unknown type is still caught.
   */
  'x-harness-unknown-branch'?: JsonSchema;
  /**
   * On the root: keys every object accepts, closed key lists included (Harness's generated
   * schema gives every object a `description`).
   */
  'x-harness-any-object-keys'?: string[];
  /** On a string: a Harness grammar the engine checks itself. */
  'x-harness-format'?: 'timeout' | 'identifier' | 'name';
}

/** Named definitions contributed by one module; merged flat into `definitions`. */
export type Definitions = Record<string, JsonSchema>;
