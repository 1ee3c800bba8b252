// Parses a YAML text once into everything the engine and the features need: the `yaml`
// AST (with source ranges), a line index and YAML-level diagnostics. Never throws.
import { parseAllDocuments } from 'yaml';
import { HARNESS_ROOT_KEYS, ROOT_KEYS_NEEDING_IDENTIFIER, type HarnessRootKey } from '../../shared/protocol';
import { LineIndex } from './lineIndex';
import { yamlDiagnostics } from './diagnostics';
import { fastParse, ParseMemo } from './fastParse';
import type { ParsedYaml, YamlDocument } from './types';

export type { ParsedYaml, YamlDocument } from './types';

/**
 * `previous`: the parse of an earlier version of the same document, which this one supersedes;
 * its unchanged stages and steps are reused (see ParseMemo), and it must not be used afterwards.
 */
export function parseYaml(text: string, previous?: ParsedYaml): ParsedYaml {
  const lines = new LineIndex(text);
  let docs: YamlDocument[] = [];
  // Harness files are plain block YAML: the fast path builds the same nodes several times
  // faster; anything unusual (and every error) goes through the full parser.
  const memo = new ParseMemo();
  const fast = fastParse(text, previous?.memo, memo);
  if (fast) docs = [fast];
  else
    try {
      docs = parseWithYaml(text);
    } catch {
      // The parser reports problems as errors; this is a last line of defence for garbage input.
      docs = [];
    }
  const doc = docs[0];
  // Without the fast path the earlier items stay reusable for the next version.
  const kept = fast ? memo : previous?.memo;
  const parsed: ParsedYaml = {
    text,
    lines,
    doc,
    docs,
    syntaxDiagnostics: [],
    derived: new Map(),
    memo: kept,
  };
  parsed.rootKey = findRootKey(doc);
  if (isV1(doc)) parsed.v1 = true;
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

type RootItem = { key?: unknown; value?: unknown };

const keyName = (item: RootItem): unknown => {
  const key = item.key;
  return key && typeof key === 'object' && 'value' in key ? key.value : undefined;
};

const hasIdentifier = (value: unknown): boolean =>
  !!value &&
  typeof value === 'object' &&
  'items' in value &&
  Array.isArray(value.items) &&
  (value.items as RootItem[]).some((i) => i && typeof i === 'object' && keyName(i) === 'identifier');

/**
 * The Harness root key of a document. Keys that other YAML also uses (`service:`, `secret:` …)
 * count only when the entity under them has an `identifier`, as every Harness entity does.
 */
function findRootKey(doc: YamlDocument | undefined): HarnessRootKey | undefined {
  const contents = doc?.contents;
  if (!contents || !('items' in contents)) return undefined;
  for (const item of contents.items as RootItem[]) {
    if (!item || typeof item !== 'object' || !('key' in item)) continue;
    const name = keyName(item);
    if (typeof name !== 'string' || !(HARNESS_ROOT_KEYS as readonly string[]).includes(name)) continue;
    const root = name as HarnessRootKey;
    if (!ROOT_KEYS_NEEDING_IDENTIFIER.has(root) || hasIdentifier(item.value)) return root;
  }
  return undefined;
}

/**
 * Harness v1 YAML (`version: 1` at the root, the simplified syntax of Harness's newer pipelines):
 * recognised, so it is never checked against the v0 schema it does not follow.
 */
function isV1(doc: YamlDocument | undefined): boolean {
  const contents = doc?.contents;
  if (!contents || !('items' in contents)) return false;
  return (contents.items as RootItem[]).some((item) => {
    if (!item || typeof item !== 'object' || keyName(item) !== 'version') return false;
    const v = item.value;
    return !!v && typeof v === 'object' && 'value' in v && (v.value === 1 || v.value === '1');
  });
}
