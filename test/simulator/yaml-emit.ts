// A minimal block-style YAML writer for plain JSON-like data. Seeding writes hundreds of
// pipelines, and the `yaml` package's stringify made startup take most of a second; this
// writer covers what the seed produces (a unit test checks `yaml.parse(toYaml(x))` equals x).

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const PLAIN = /^[A-Za-z0-9_<$/.(][^\n]*$/;
const LOOKS_TYPED =
  /^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*)?(\.\d+)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|nan))$/i;

function scalar(value: Json): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  const plain = PLAIN.test(s) && !LOOKS_TYPED.test(s) && !/: |\s#|:$|\s$/.test(s);
  return plain ? s : JSON.stringify(s);
}

function isMap(v: Json): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmpty(v: Json): boolean {
  return (isMap(v) && Object.keys(v).length > 0) || (Array.isArray(v) && v.length > 0);
}

/**
 * Appends `value` (a non-empty map or list) at `indent` to `out`. `lead` replaces the
 * indentation of the first line: that is how a list item's `- ` shares a line with its first key.
 */
function block(value: Json, indent: number, out: string[], lead = ' '.repeat(indent)): void {
  const pad = ' '.repeat(indent);
  let first = lead;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (nonEmpty(item)) block(item, indent + 2, out, `${first}- `);
      else out.push(`${first}- ${inline(item)}`);
      first = pad;
    }
    return;
  }
  for (const [key, v] of Object.entries(value as Record<string, Json>)) {
    const k = scalar(key);
    if (nonEmpty(v)) {
      out.push(`${first}${k}:`);
      block(v, indent + 2, out);
    } else {
      out.push(`${first}${k}: ${inline(v)}`);
    }
    first = pad;
  }
}

function inline(value: Json): string {
  if (Array.isArray(value)) return '[]';
  if (isMap(value)) return '{}';
  return scalar(value);
}

export function toYaml(value: Record<string, unknown>): string {
  const out: string[] = [];
  block(value as Json, 0, out);
  return `${out.join('\n')}\n`;
}
