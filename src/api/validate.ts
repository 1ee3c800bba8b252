// Small runtime checkers for JSON from the wire. Required fields throw ResponseShapeError (the
// transport turns it into HarnessApiError kind `badResponse`); optional fields of the wrong type
// are dropped rather than trusted.

/** A response did not have the expected shape. Internal: surfaced as HarnessApiError `badResponse`. */
export class ResponseShapeError extends Error {
  override readonly name = 'ResponseShapeError';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown, where: string): Record<string, unknown> {
  if (!isRecord(value)) throw new ResponseShapeError(`${where} is not an object`);
  return value;
}

export function str(obj: Record<string, unknown>, key: string, where: string): string {
  const v = obj[key];
  if (typeof v !== 'string') throw new ResponseShapeError(`${where}.${key} is not a string`);
  return v;
}

export function num(obj: Record<string, unknown>, key: string, where: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ResponseShapeError(`${where}.${key} is not a number`);
  return v;
}

export function optStr(obj: Record<string, unknown>, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

export function optNum(obj: Record<string, unknown>, key: string): number | undefined {
  const v = obj[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function optBool(obj: Record<string, unknown>, key: string): boolean | undefined {
  const v = obj[key];
  return typeof v === 'boolean' ? v : undefined;
}

export function optRecord(obj: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = obj[key];
  return isRecord(v) ? v : undefined;
}

/** String array, ignoring non-string members. */
export function optStrArray(obj: Record<string, unknown>, key: string): string[] | undefined {
  const v = obj[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/** Tags: string→string; non-string values are dropped. */
export function optTags(obj: Record<string, unknown>, key: string): Record<string, string> | undefined {
  const v = obj[key];
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

/** Copies the keys whose value is not undefined (keeps optional properties truly absent). */
export function defined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Removes `null` and `undefined` recursively: NG answers "Unable to process JSON" to nulls. */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(stripNulls);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = stripNulls(v);
    return out;
  }
  return value;
}
