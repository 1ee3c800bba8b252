// The TextMate injection grammar: valid JSON, every regex compiles, and the key patterns match
// what they are meant to (the Oniguruma subset used here is also valid JavaScript).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../../helpers/paths';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  patterns?: Rule[];
}

const grammar = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'syntaxes', 'harness-expression.injection.tmLanguage.json'), 'utf8'),
) as { injectionSelector: string; repository: Record<string, Rule> };

function rules(r: Rule): Rule[] {
  return [r, ...(r.patterns ?? []).flatMap(rules)];
}

describe('TextMate injection grammar for <+ … >', () => {
  it('injects into YAML but not comments', () => {
    assert.match(grammar.injectionSelector, /source\.yaml/);
    assert.match(grammar.injectionSelector, /-comment/);
  });

  it('has only regexes that compile', () => {
    for (const r of Object.values(grammar.repository).flatMap(rules)) {
      for (const src of [r.match, r.begin, r.end]) if (src) assert.doesNotThrow(() => new RegExp(src), src);
    }
  });

  it('matches runtime-input methods only after an expression or a call', () => {
    const re = new RegExp(grammar.repository['runtime-input-method'].match as string, 'g');
    const line = 'value: <+input>.default(a).allowedValues(a,b).executionInput() and x.default(1)';
    assert.deepEqual(
      [...line.matchAll(re)].map((m) => m[2]),
      ['default', 'allowedValues', 'executionInput'],
    );
  });

  it('nests expressions inside expressions', () => {
    const inner = grammar.repository.expression.patterns ?? [];
    assert.ok(inner.some((p) => (p as { include?: string }).include === '#expression'));
  });
});
