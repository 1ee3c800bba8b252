import * as assert from 'node:assert/strict';
import {
  deriveIdentifier,
  parseTags,
  validateColor,
  validateIdentifier,
  validateName,
} from '../../../../src/commands/identifiers';

describe('commands/identifiers', () => {
  it('derives identifiers the way Harness does from names', () => {
    assert.equal(deriveIdentifier('My Project'), 'My_Project');
    assert.equal(deriveIdentifier('  web-app v2.1 '), 'web_app_v2_1');
    assert.equal(deriveIdentifier('123 Go!'), '_Go');
    assert.equal(deriveIdentifier('Café crème'), 'Cafe_creme');
    assert.equal(deriveIdentifier('$$$'), '');
    assert.equal(deriveIdentifier('org'), 'org_');
    assert.equal(deriveIdentifier('x'.repeat(200)).length, 128);
  });

  it('every derived identifier is valid or empty', () => {
    for (const name of ['a b c', '9lives', 'new', 'Ünïcödé', 'a/b/c', 'x-y.z', '__init__', 'status']) {
      const id = deriveIdentifier(name);
      if (id !== '') assert.equal(validateIdentifier(id), undefined, `${name} → ${id}`);
    }
  });

  it('rejects invalid identifiers with a reason', () => {
    assert.match(validateIdentifier('') ?? '', /empty/);
    assert.match(validateIdentifier('1abc') ?? '', /start with a number/);
    assert.match(validateIdentifier('$abc') ?? '', /start with a number or \$/);
    assert.match(validateIdentifier('a-b') ?? '', /only contain/);
    assert.match(validateIdentifier('account') ?? '', /reserved/);
    assert.match(validateIdentifier('a'.repeat(129)) ?? '', /128/);
    assert.equal(validateIdentifier('_ok$1'), undefined);
    assert.equal(validateIdentifier('a'.repeat(128)), undefined);
  });

  it('validates names and colours', () => {
    assert.equal(validateName('My Project 2.0'), undefined);
    assert.match(validateName('   ') ?? '', /empty/);
    assert.match(validateName('a'.repeat(65)) ?? '', /64/);
    assert.match(validateName('bad<name>') ?? '', /only contain/);
    assert.equal(validateColor('#0063F7'), undefined);
    assert.equal(validateColor('#abc'), undefined);
    assert.ok(validateColor('blue'));
  });

  it('parses tags with and without values', () => {
    assert.deepEqual(parseTags('team:ci, critical ,  env : prod,'), {
      team: 'ci',
      critical: '',
      env: 'prod',
    });
    assert.deepEqual(parseTags(''), {});
  });
});
