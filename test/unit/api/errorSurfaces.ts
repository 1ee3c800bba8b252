// Every place an error could leak a token: message, stack, details, JSON and inspect output.
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { HarnessApiError } from '../../../src/api/errors';

export function assertNoSecret(err: unknown, secret: string): void {
  assert.ok(err instanceof HarnessApiError, `expected HarnessApiError, got ${String(err)}`);
  const surfaces = [
    err.message,
    err.stack ?? '',
    JSON.stringify(err),
    inspect(err, { depth: 10, showHidden: true }),
    ...err.details,
  ];
  for (const field of err.fieldErrors) surfaces.push(field.field, field.message);
  for (const s of surfaces) assert.ok(!s.includes(secret), `secret leaked into: ${s.slice(0, 200)}`);
  // Also no part of it (the account-less secret segment).
  const tail = secret.split('.').pop() ?? secret;
  for (const s of surfaces) assert.ok(!s.includes(tail), `secret segment leaked into: ${s.slice(0, 200)}`);
}

/** Runs `fn`, expecting it to reject with a HarnessApiError, and returns that error. */
export async function expectApiError(fn: () => Promise<unknown>): Promise<HarnessApiError> {
  try {
    await fn();
  } catch (err) {
    assert.ok(err instanceof HarnessApiError, `expected HarnessApiError, got ${inspect(err)}`);
    return err;
  }
  assert.fail('expected the call to fail');
}
