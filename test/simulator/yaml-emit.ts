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

function block(value: Json, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    const lines: string[] = [];
    for (const item of value) {
      if ((isMap(item) && Object.keys(item).length > 0) || (Array.isArray(item) && item.length > 0)) {
        const inner = block(item, indent + 2);
        lines.push(`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1));
      } else {
        lines.push(`${pad}- ${inline(item)}`);
      }
    }
    return lines;
  }
  if (isMap(value)) {
    const lines: string[] = [];
    for (const [key, v] of Object.entries(value)) {
      const k = scalar(key);
      if ((isMap(v) && Object.keys(v).length > 0) || (Array.isArray(v) && v.length > 0)) {
        lines.push(`${pad}${k}:`, ...block(v, indent + 2));
      } else {
        lines.push(`${pad}${k}: ${inline(v)}`);
      }
    }
    return lines;
  }
  return [`${pad}${scalar(value)}`];
}

function inline(value: Json): string {
  if (Array.isArray(value)) return '[]';
  if (isMap(value)) return '{}';
  return scalar(value);
}

export function toYaml(value: Record<string, unknown>): string {
  return `${block(value as Json, 0).join('\n')}\n`;
}
