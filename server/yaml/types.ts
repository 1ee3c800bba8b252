// What a parse of one YAML text gives the engine and the features. A module of its own so the
// parser, the YAML diagnostics and the line analyses can all name it without importing each other.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Document } from 'yaml';
import type { HarnessRootKey } from '../../shared/protocol';
import type { ParseMemo } from './fastParse';
import type { LineIndex } from './lineIndex';

export type YamlDocument = Document.Parsed;

export interface ParsedYaml {
  text: string;
  lines: LineIndex;
  /** The first document of the stream (the one validated), or undefined for an empty text. */
  doc: YamlDocument | undefined;
  /** All documents of the stream (Harness files have one; more are reported). */
  docs: YamlDocument[];
  /** The Harness root key of the first document, when its root is a map with one of them. */
  rootKey?: HarnessRootKey;
  /** Harness v1 YAML (`version: 1`): recognised, not validated against the v0 schema. */
  v1?: boolean;
  /** Syntax errors, duplicate keys, tabs, extra documents: code 'yaml-syntax' | 'duplicate-key' | 'tab' | ... */
  syntaxDiagnostics: Diagnostic[];
  /**
   * Values computed from this parse on first use (line analyses, the entity outline), under a
   * key owned by the module that computes them. They live exactly as long as the parse, which
   * the engine keeps per document version.
   */
  readonly derived: Map<symbol, unknown>;
  /** What the next version's parse may reuse of this one (fast path only). */
  readonly memo?: ParseMemo;
}

/** The value `make` computes from `parsed`, computed once per parse. */
export function derive<T>(parsed: ParsedYaml, key: symbol, make: () => T): T {
  if (parsed.derived.has(key)) return parsed.derived.get(key) as T;
  const value = make();
  parsed.derived.set(key, value);
  return value;
}
