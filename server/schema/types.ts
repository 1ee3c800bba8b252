// The schema as the features see it: a resolved, discriminator-aware view at a document
// path, independent of how the underlying JSON Schema is written ($ref, allOf, if/then, oneOf).
import type { ParsedYaml } from '../yaml/types';
import type { YamlPath } from '../yaml/locate';

export type SchemaSource = 'bundled' | 'account' | 'file';
export type SchemaKind = 'pipeline' | 'stage' | 'step' | 'stepGroup' | 'parallel' | 'template' | 'inputSet';
export type SchemaFormat = 'timeout' | 'identifier' | 'name';

export interface PropertyView {
  name: string;
  required: boolean;
  description?: string;
  /** Resolved lazily: completion only needs names; hover needs one property's view. */
  schema: () => SchemaView | undefined;
}

export interface SchemaView {
  title?: string;
  description?: string;
  markdownDescription?: string;
  /** JSON types accepted ('object','array','string','number','integer','boolean','null'); empty = anything. */
  types: string[];
  properties: Map<string, PropertyView>;
  required: string[];
  /** Allowed scalar values (enum or const), when the schema restricts them. */
  enum?: unknown[];
  items?: () => SchemaView | undefined;
  /** False when the schema lists the complete set of keys. */
  additionalProperties: boolean;
  kind?: SchemaKind;
  /** A union keyed by a property (`type`): the values that select a branch. */
  discriminator?: { key: 'type'; values: string[] };
  /** The description of the union branch the document's `type` selected (a step type's own words). */
  branchDescription?: string;
  format?: SchemaFormat;
  examples?: unknown[];
  default?: unknown;
}

export interface CompiledSchema {
  source: SchemaSource;
  /** The root view (what may appear at the top of a document). */
  root(): SchemaView;
  /**
   * The view at a document path, resolving unions by the document's discriminator values
   * (e.g. `type: ShellScript` selects the ShellScript step branch). Undefined when unknown.
   */
  viewAt(parsed: ParsedYaml, path: YamlPath): SchemaView | undefined;
  /**
   * A value computed from this schema on first use and kept as long as the schema (completion's
   * type skeletons, the union's type list). `key` names what is computed and from what.
   */
  memo<T>(key: string, make: () => T): T;
}
