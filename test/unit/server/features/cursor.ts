// Test helper: a document with one `|` marking the cursor → the text without it and the offset.
import { parseYaml, type ParsedYaml } from '../../../../server/yaml/parse';

export interface Cursor {
  text: string;
  offset: number;
  parsed: ParsedYaml;
}

export function cursor(marked: string): Cursor {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0)
    throw new Error('exactly one | cursor marker expected');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, parsed: parseYaml(text) };
}

/** Lines joined with '\n' (keeps the YAML in tests readable). */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
