// Names and payload types shared by the extension host (src/) and the language server
// (server/). Keep this file free of `vscode` and of Node-only APIs.

/** The id of the language server, used in the client's name and trace setting. */
export const LANGUAGE_SERVER_ID = 'harness';

/**
 * Root keys that mark a YAML document as Harness entity YAML the server handles: the v0 YAML
 * of every entity users keep in Git (Harness's Git Experience stores each under one of these).
 */
export const HARNESS_ROOT_KEYS = [
  'pipeline',
  'template',
  'inputSet',
  'overlayInputSet',
  'trigger',
  'service',
  'environment',
  'infrastructureDefinition',
  'connector',
  'secret',
] as const;
export type HarnessRootKey = (typeof HARNESS_ROOT_KEYS)[number];

/**
 * Root keys common enough in other YAML (`service:` in app configs, `secret:` in Helm values)
 * that they mark a Harness file only when the entity under them has an `identifier`, which every
 * Harness entity has.
 */
export const ROOT_KEYS_NEEDING_IDENTIFIER: ReadonlySet<HarnessRootKey> = new Set([
  'service',
  'environment',
  'connector',
  'secret',
  'trigger',
]);

// ---------------------------------------------------------------------------------------
// Custom LSP messages between the language client (extension host) and the server.
// The server never talks to the network: schema JSON and live account data come from the
// client through these messages.

/** Where the active pipeline schema came from. */
export type SchemaSource = 'bundled' | 'account' | 'file';

/** Settings the client sends in `initializationOptions` and on `workspace/didChangeConfiguration`. */
export interface HarnessServerSettings {
  /** Globs (minimatch-like: `**`, `*`, `?`, `{a,b}`) of files always treated as Harness YAML. */
  pipelineFiles: string[];
  /** Check connectorRef/templateRef/serviceRef/environmentRef against the signed-in account. */
  liveReferences: boolean;
  /** Delay between the last edit and validation, in ms. */
  debounceMs: number;
  /** Master switch for diagnostics. */
  validate: boolean;
}

export const DEFAULT_SERVER_SETTINGS: HarnessServerSettings = {
  pipelineFiles: ['**/.harness/**/*.yaml', '**/.harness/**/*.yml'],
  liveReferences: true,
  debounceMs: 200,
  validate: true,
};

/** client → server request: use this schema (or go back to the bundled one). */
export const SET_SCHEMA_REQUEST = 'harness/setSchema';
export interface SetSchemaParams {
  source: SchemaSource;
  /** The schema JSON for 'account' and 'file'; ignored for 'bundled'. */
  schema?: unknown;
  /** When the schema was fetched or read (ms since epoch), for the status item's age. */
  fetchedAt?: number;
  /** Human label, e.g. the file path or the account name. */
  label?: string;
}
export interface SetSchemaResult {
  ok: boolean;
  /** The schema that is active after the call (bundled when loading failed). */
  active: SchemaSource;
  error?: string;
}

/** server → client notification: the active schema changed (or a requested one failed to load). */
export const SCHEMA_STATUS_NOTIFICATION = 'harness/schemaStatus';
export interface SchemaStatusParams {
  source: SchemaSource;
  fetchedAt?: number;
  label?: string;
  /** Set when the requested schema could not be loaded and the server fell back to the bundled one. */
  fallbackReason?: string;
}

/** Kinds of account entities a pipeline refers to by identifier. */
export type ReferenceKind = 'connector' | 'template' | 'service' | 'environment';
/**
 * Where a reference points: `account.x` → account, `org.x` → the document's org, bare `x` → the
 * document's project (org/project come from the pipeline's orgIdentifier/projectIdentifier).
 */
export interface ReferenceScope {
  level: 'account' | 'org' | 'project';
  orgIdentifier?: string;
  projectIdentifier?: string;
}
export interface ReferenceQuery {
  kind: ReferenceKind;
  /** As written: `id`, `org.id` or `account.id`. */
  ref: string;
  /** The identifier without its scope prefix. */
  identifier: string;
  scope: ReferenceScope;
}

/** server → client request: do these references exist in the signed-in account? */
export const RESOLVE_REFERENCES_REQUEST = 'harness/resolveReferences';
export interface ResolveReferencesParams {
  references: ReferenceQuery[];
}
export interface ReferenceStatus {
  kind: ReferenceKind;
  ref: string;
  /** 'unknown' when the client cannot tell (not signed in, network error). */
  status: 'exists' | 'missing' | 'unknown';
  /** e.g. connector type and connectivity status, for hover. */
  detail?: string;
  name?: string;
}
export interface ResolveReferencesResult {
  results: ReferenceStatus[];
  /** Where the answer came from, e.g. "account acme (cached 2 min ago)". */
  origin?: string;
}

/** server → client request: identifiers of this kind starting with `prefix`, for completion. */
export const LIST_REFERENCES_REQUEST = 'harness/listReferences';
export interface ListReferencesParams {
  kind: ReferenceKind;
  /** The document's org/project; `level` is where to list (from the typed prefix). */
  scope: ReferenceScope;
  /** Text typed so far, possibly with an `account.`/`org.` prefix. */
  prefix: string;
}
export interface ReferenceItem {
  /** Insert text including its scope prefix (`account.x`, `org.x` or `x`). */
  ref: string;
  name?: string;
  detail?: string;
}
export interface ListReferencesResult {
  items: ReferenceItem[];
}

/** Keys whose values are live references, and the kind each refers to. */
export const REFERENCE_KEYS: Readonly<Record<string, ReferenceKind>> = {
  connectorRef: 'connector',
  templateRef: 'template',
  serviceRef: 'service',
  environmentRef: 'environment',
};

/**
 * client → server request: validate this text now (no debounce) and return its diagnostics.
 * Used by "push" so a pipeline is checked exactly as it is sent, not as it was last published.
 */
export const VALIDATE_DOCUMENT_REQUEST = 'harness/validateDocument';
export interface ValidateDocumentParams {
  uri: string;
  text: string;
}
export interface ValidateDocumentResult {
  /** False when the text is not Harness YAML (no diagnostics are computed then). */
  harness: boolean;
  /** LSP diagnostics (`vscode-languageserver-types` Diagnostic). */
  diagnostics: unknown[];
}

/**
 * server → client request: the YAML of the pipeline an input set targets, so that its values
 * can be checked against the pipeline's runtime inputs. The client looks in the workspace
 * (a file whose `pipeline.identifier` matches) and then, when signed in, in the account.
 */
export const FIND_PIPELINE_REQUEST = 'harness/findPipeline';
export interface FindPipelineParams {
  /** The input set or trigger document asking (files near it are preferred). */
  uri: string;
  identifier: string;
  orgIdentifier?: string;
  projectIdentifier?: string;
}
export interface FindPipelineResult {
  /** The pipeline YAML; absent when no pipeline with that identifier was found. */
  text?: string;
  /** Where it was found, for messages: a workspace-relative path or "the account". */
  from?: string;
}

/**
 * server → client request: the input sets a pipeline has, so that an overlay input set's
 * references can be checked.
 */
export const LIST_INPUT_SETS_REQUEST = 'harness/listInputSets';
export interface ListInputSetsParams {
  uri: string;
  pipelineIdentifier: string;
  orgIdentifier?: string;
  projectIdentifier?: string;
}
export interface ListInputSetsResult {
  /** Identifiers of the pipeline's input sets found. */
  identifiers: string[];
  /**
   * True when the list is complete (the account was asked): only then is a reference that is
   * not in it reported. Workspace files alone may not hold every input set.
   */
  complete: boolean;
  /** Where the list came from, for messages. */
  from: string;
}
