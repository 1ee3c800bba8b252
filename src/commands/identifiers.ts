// Harness NG identifier and name rules (orgs, projects, connectors, secrets) and the
// derivation of an identifier from a display name, as the Harness UI offers it.
// Plain module (no vscode) so the rules are unit-tested.

import { ENTITY_IDENTIFIER_PATTERN, RESERVED_IDENTIFIERS } from '../../shared/identifiers';

/** Letter or `_` first, then letters, digits, `_` or `$`; at most 128 characters. */
export const IDENTIFIER_PATTERN = ENTITY_IDENTIFIER_PATTERN;
export { RESERVED_IDENTIFIERS };

export const MAX_NAME_LENGTH = 64;

/** Returns an error message, or undefined when `id` is a valid Harness identifier. */
export function validateIdentifier(id: string): string | undefined {
  if (id.length === 0) return 'The identifier cannot be empty.';
  if (id.length > 128) return 'The identifier can be at most 128 characters long.';
  if (/^[0-9$]/.test(id)) return 'The identifier cannot start with a number or $.';
  if (!IDENTIFIER_PATTERN.test(id)) {
    return 'The identifier can only contain letters, digits, _ and $, and must start with a letter or _.';
  }
  if (RESERVED_IDENTIFIERS.has(id)) return `"${id}" is a reserved word and cannot be an identifier.`;
  return undefined;
}

/** Returns an error message, or undefined when `name` is acceptable as an entity name. */
export function validateName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'The name cannot be empty.';
  if (trimmed.length > MAX_NAME_LENGTH) return `The name can be at most ${MAX_NAME_LENGTH} characters long.`;
  if (!/^[0-9a-zA-Z_\-. /]+$/.test(trimmed)) {
    return 'The name can only contain letters, digits, spaces and - _ . /';
  }
  return undefined;
}

/**
 * Derives an identifier from a name: spaces, `-`, `.` and `/` become `_`, other invalid
 * characters are dropped, leading digits/`$` are removed, a reserved word gets a `_` suffix.
 * Returns '' when nothing usable remains (the caller then asks for one).
 */
export function deriveIdentifier(name: string): string {
  let id = name
    .trim()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\-./]+/g, '_')
    .replace(/[^0-9a-zA-Z_$]/g, '')
    .replace(/^[0-9$]+/, '');
  id = id.slice(0, 128);
  if (RESERVED_IDENTIFIERS.has(id)) id = `${id}_`;
  return id;
}

/** Hex colour `#rgb` or `#rrggbb`, as projects use. */
export function validateColor(color: string): string | undefined {
  return /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(color) ? undefined : 'Use a hex colour such as #0063F7.';
}

/** Parses `key:value, key2, key3:v` into a tags map (a bare key gets an empty value, as in Harness). */
export function parseTags(text: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const part of text.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const colon = item.indexOf(':');
    if (colon < 0) tags[item] = '';
    else tags[item.slice(0, colon).trim()] = item.slice(colon + 1).trim();
  }
  return tags;
}
