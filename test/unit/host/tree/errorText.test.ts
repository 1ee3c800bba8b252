import * as assert from 'node:assert/strict';
import { HarnessApiError } from '../../../../src/api/errors';
import { describeApiError, permissionFor } from '../../../../src/ui/errorText';

describe('API error text', () => {
  it('leads with what the failure means and keeps the correlation id', () => {
    const text = describeApiError(
      new HarnessApiError({
        kind: 'unauthorized',
        status: 401,
        message: 'Token is not valid',
        correlationId: 'abc',
      }),
      'list pipelines',
    );
    assert.match(text, /^Could not list pipelines: the token was rejected \(401\)/);
    assert.match(text, /Token is not valid/);
    assert.match(text, /\(correlation id abc\)$/);
  });

  it('lists field errors and never prints a token', () => {
    const text = describeApiError(
      new HarnessApiError({
        kind: 'invalid',
        status: 400,
        message: 'bad pat.acc.tokid.s3cr3tvalue',
        fieldErrors: [{ field: 'identifier', message: 'cannot be empty' }],
      }),
      'create project',
    );
    assert.match(text, /\[identifier: cannot be empty\]/);
    assert.ok(!text.includes('s3cr3tvalue'));
    assert.match(describeApiError('plain', 'x'), /Could not x: plain/);
  });

  it('names the permission a 403 needs', () => {
    assert.equal(permissionFor('list pipelines'), 'Pipelines: View');
    assert.equal(permissionFor('push pipeline'), 'Pipelines: Create/Edit');
    assert.equal(permissionFor('run pipeline'), 'Pipelines: Execute');
    assert.equal(permissionFor('delete connector'), 'Connectors: Delete');
    assert.equal(permissionFor('create project'), 'Projects: Create/Edit');
    assert.equal(permissionFor('list organizations'), 'Organizations: View');
    assert.equal(permissionFor('do something'), undefined);
  });
});
