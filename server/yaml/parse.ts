// Parses a YAML text once into everything the engine and the features need: the `yaml`
// AST (with source ranges), a line index and YAML-level diagnostics. Never throws.
import { parseAllDocuments, type Document } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { HARNESS_ROOT_KEYS, type HarnessRootKey } from '../../shared/protocol';
import { LineIndex } from './lineIndex';
import { yamlDiagnostics } from './diagnostics';
import { fastParse } from './fastParse';

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
  /** Syntax errors, duplicate keys, tabs, extra documents: code 'yaml-syntax' | 'duplicate-key' | 'tab' | ... */
  syntaxDiagnostics: Diagnostic[];
}

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineIndex(text);
  let docs: YamlDocument[] = [];
  // Harness files are plain block YAML: the fast path builds the same nodes several times
  // faster; anything unusual (and every error) goes through the full parser.
  const fast = fastParse(text);
  if (fast) docs = [fast];
  else
    try {
      docs = Array.from(
        parseAllDocuments(text, {
          keepSourceTokens: false,
          uniqueKeys: true,
          prettyErrors: false,
          strict: false,
          stringKeys: false,
        }),
      );
    } catch {
      // The parser reports problems as errors; this is a last line of defence for garbage input.
      docs = [];
    }
  const doc = docs[0];
  const parsed: ParsedYaml = { text, lines, doc, docs, syntaxDiagnostics: [] };
  parsed.rootKey = findRootKey(doc);
  parsed.syntaxDiagnostics = yamlDiagnostics(parsed);
  return parsed;
}

function findRootKey(doc: YamlDocument | undefined): HarnessRootKey | undefined {
  const contents = doc?.contents;
  if (!contents || !('items' in contents)) return undefined;
  for (const item of contents.items) {
    if (item && typeof item === 'object' && 'key' in item) {
      const key = item.key;
      const name = key && typeof key === 'object' && 'value' in key ? key.value : undefined;
      if (typeof name === 'string' && (HARNESS_ROOT_KEYS as readonly string[]).includes(name))
        return name as HarnessRootKey;
    }
  }
  return undefined;
}
