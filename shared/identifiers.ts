// Harness identifier rules, used by the language server (pipeline/stage/step identifiers in
// YAML) and by the extension's create-project / create-connector flows (NG entity identifiers).

/** Pipeline, stage and step identifiers in YAML: letter or `_` first, no `$`, at most 128 characters. */
export const PIPELINE_IDENTIFIER_PATTERN = /^[a-zA-Z_][0-9a-zA-Z_]{0,127}$/;

/** NG entity identifiers (orgs, projects, connectors, secrets): `$` is allowed after the first character. */
export const ENTITY_IDENTIFIER_PATTERN = /^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$/;

/** Words the server refuses as identifiers (its EntityIdentifierValidator list plus the documented extras). */
export const RESERVED_IDENTIFIERS: ReadonlySet<string> = new Set([
  'or',
  'and',
  'eq',
  'ne',
  'lt',
  'gt',
  'le',
  'ge',
  'div',
  'mod',
  'not',
  'null',
  'true',
  'false',
  'new',
  'var',
  'return',
  'step',
  'parallel',
  'stepGroup',
  'org',
  'account',
  'class',
  'shellScriptProvisioner',
  'status',
  'liteEngineTask',
]);
