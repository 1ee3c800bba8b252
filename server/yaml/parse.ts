// Parses a YAML text once into everything the engine and the features need: the `yaml`
// AST (with source ranges), a line index and YAML-level diagnostics. Never throws.
import { parseAllDocuments } from 'yaml';
import { HARNESS_ROOT_KEYS, type HarnessRootKey } from '../../shared/protocol';
import { LineIndex } from './lineIndex';
import { yamlDiagnostics } from './diagnostics';
import { fastParse } from './fastParse';
import type { ParsedYaml, YamlDocument } from './types';

export type { ParsedYaml, YamlDocument } from './types';

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineIndex(text);
  let docs: YamlDocument[] = [];
  // Harness files are plain block YAML: the fast path builds the same nodes several times
  // faster; anything unusual (and every error) goes through the full parser.
  const fast = fastParse(text);
  if (fast) docs = [fast];
  else
    try {
      docs = parseWithYaml(text);
    } catch {
      // The parser reports problems as errors; this is a last line of defence for garbage input.
      docs = [];
    }
  const doc = docs[0];
  const parsed: ParsedYaml = { text, lines, doc, docs, syntaxDiagnostics: [], derived: new Map() };
  parsed.rootKey = findRootKey(doc);
  parsed.syntaxDiagnostics = yamlDiagnostics(parsed);
  return parsed;
}

/** The `yaml` parser with the options the engine uses: what the fast path must equal exactly. */
export function parseWithYaml(text: string): YamlDocument[] {
  return Array.from(
    parseAllDocuments(text, {
      keepSourceTokens: false,
      uniqueKeys: true,
      prettyErrors: false,
      strict: false,
      stringKeys: false,
    }),
  ) as YamlDocument[];
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
