import * as assert from 'node:assert/strict';
import { redactSecrets } from '../../../shared/redact';

describe('redactSecrets', () => {
  it('replaces PAT and SAT shaped tokens', () => {
    const text = 'x-api-key pat.acc_1.64f0aa.Zx9secretSECRET and sat.acc-2.abc.def';
    const out = redactSecrets(text);
    assert.equal(out, 'x-api-key pat.<redacted> and sat.<redacted>');
  });

  it('replaces explicitly named secrets of any shape', () => {
    assert.equal(redactSecrets('token=legacyKey123!', ['legacyKey123']), 'token=<redacted>!');
  });

  it('leaves ordinary text alone', () => {
    assert.equal(redactSecrets('pattern.a.b is fine'), 'pattern.a.b is fine');
  });
});
