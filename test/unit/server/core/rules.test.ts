// Small rule tables: timeout grammar, expression scanning, did-you-mean, CLI glob matching.
import * as assert from 'node:assert/strict';
import { isValidTimeout, timeoutSuggestion } from '../../../../server/validation/semantic';
import { scanExpressions, variableRefs } from '../../../../server/validation/expressions';
import { expressionAt } from '../../../../server/features/expressionAt';
import { editDistance, isTypo, suggest } from '../../../../server/validation/suggest';
import type { Problem } from '../../../../server/validation/problems';
import { expandBraces, globToRegExp } from '../../../../server/glob';

describe('core: timeout grammar', () => {
  for (const t of [
    '10m',
    '1h 30m',
    '1h30m',
    '1d',
    '5s',
    '1w',
    '100ms',
    '<+input>',
    '<+input>.default(1h)',
    '<+pipeline.variables.t>',
    '',
  ])
    it(`accepts ${JSON.stringify(t)}`, () => assert.equal(isValidTimeout(t), true));
  for (const t of ['10 minutes', '5x', 'm10', '10', '1h 30', 'soon', '-5m'])
    it(`rejects ${JSON.stringify(t)}`, () => assert.equal(isValidTimeout(t), false));
  const fixes: [string, string | undefined][] = [
    ['10 minutes', '10m'],
    ['1 hour 30 mins', '1h 30m'],
    ['2 Hours, 5 seconds', '2h 5s'],
    ['10M', '10m'],
    ['1 day and 2 hours', '1d 2h'],
    ['10', undefined],
    ['soon', undefined],
    ['10 parsecs', undefined],
  ];
  for (const [t, fixed] of fixes)
    it(`suggests ${JSON.stringify(fixed)} for ${JSON.stringify(t)}`, () =>
      assert.equal(timeoutSuggestion(t), fixed));
});

describe('core: expression syntax', () => {
  const scan = (s: string) => {
    const problems: Problem[] = [];
    const spans = scanExpressions(s, (i) => i, problems);
    return {
      spans: spans.map((x) => s.slice(x.start, x.end)),
      problems: problems.map((p) => `${p.message}@${s.slice(p.start, p.end)}`),
    };
  };
  const valid: [string, string[]][] = [
    ['<+pipeline.name>', ['<+pipeline.name>']],
    ['a <+x> b <+y>', ['<+x>', '<+y>']],
    ['<+<+trigger.event> == "PR" ? "a" : "b">', ['<+<+trigger.event> == "PR" ? "a" : "b">']],
    ['<+secrets.getValue("my\\>secret")>', ['<+secrets.getValue("my\\>secret")>']],
    // Nested expressions, as Harness evaluates them (StringReplacer: each `<+` nests, each `>` closes one).
    ['<+(100 - <+matrix.weight>)>', ['<+(100 - <+matrix.weight>)>']],
    [
      '<+json.list("a", <+pipeline.variables.services>)>',
      ['<+json.list("a", <+pipeline.variables.services>)>'],
    ],
    ["t='<+json.format(<+pipeline.stages.x>)>'", ['<+json.format(<+pipeline.stages.x>)>']],
    [
      'echo <+secrets.getValue(<+infra.variables.git.spec.tokenRef.identifier>)>',
      ['<+secrets.getValue(<+infra.variables.git.spec.tokenRef.identifier>)>'],
    ],
    [
      '<+(<+pipeline.variables.a> == "true" ? "a:" : "")> + <+(<+pipeline.variables.b> == "true" ? "b:" : "")>',
      [
        '<+(<+pipeline.variables.a> == "true" ? "a:" : "")>',
        '<+(<+pipeline.variables.b> == "true" ? "b:" : "")>',
      ],
    ],
    ["<+pipeline.variables.x.replace(don't,x)>", ["<+pipeline.variables.x.replace(don't,x)>"]],
    // Quotes escaped for the shell string around the expression.
    ['URL="<+secrets.getValue(\\"account.slack\\")>"', ['<+secrets.getValue(\\"account.slack\\")>']],
    ['<+input>.default(a).allowedValues(a,b).executionInput()', ['<+input>']],
    ['<+input>.selectOneFrom(a,b).selectManyFrom(c).regex(^a(b)$)', ['<+input>']],
    ["<+input>.default(\\'london,uk\\')", ['<+input>']],
    ['<+pipeline.sequenceId> > 5', ['<+pipeline.sequenceId>']],
  ];
  for (const [s, spans] of valid)
    it(`accepts ${s}`, () => {
      const r = scan(s);
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.spans, spans);
    });
  const invalid: [string, RegExp][] = [
    ['echo <+pipeline.name', /^Unterminated expression.*@<\+pipeline\.name$/],
    ['<+input>.defaults(1)', /^Unknown runtime input method "\.defaults\(\)".*@defaults$/],
    ['<+input>.default(1', /^Unbalanced "\("/],
    ['<+input>.executionInput(1)', /takes no arguments/],
    ['<+a(b>', /^Unbalanced "\(" in expression/],
    ['<+a)>', /^Unbalanced "\)"/],
    ['<+ >', /^Empty expression/],
    ['<+input>.default', /needs an argument list/],
    ['<+a "b>', /^Unterminated string/],
    // A `>` ends the expression even inside quotes or parentheses (Harness has `\\>` for that).
    ['<+secrets.getValue("my>secret")>', /^Unterminated string in expression; a ">" ends an expression/],
    ['<+pipeline.variables.x.filter(a > b)>', /^Unbalanced "\(" in expression: missing "\)"; a ">" ends/],
    ['<+(100 - <+matrix.weight)>', /^Unterminated expression/],
  ];
  for (const [s, re] of invalid)
    it(`rejects ${s}`, () => {
      const r = scan(s);
      assert.equal(r.problems.length, 1, JSON.stringify(r.problems));
      assert.match(r.problems[0], re);
    });
  it('gives the cursor features the span validation sees (one scanner)', () => {
    // Nested expressions, an escaped `\\>` and an apostrophe in a word do not end an expression.
    for (const s of [
      '<+pipeline.variables.x.contains("\\>")> tail',
      '<+json.list("a", <+pipeline.variables.x>)> tail',
      "<+pipeline.variables.x.replace(don't,x)> tail",
    ]) {
      const validated = scan(s).spans;
      const cursor = s.indexOf('x');
      const at = expressionAt(s, cursor);
      assert.deepEqual(validated, [s.slice(0, s.indexOf('> tail') + 1)], s);
      assert.equal(at && s.slice(at.start, at.end), validated[0], s);
      assert.equal(at?.terminated, true);
    }
    const open = expressionAt('echo <+pipeline.na', 12);
    assert.deepEqual(open && { inner: open.inner, terminated: open.terminated }, {
      inner: 'pipeline.na',
      terminated: false,
    });
  });
  it('finds variable references', () => {
    assert.deepEqual(variableRefs('pipeline.variables.a + stage.variables.b_c + x.pipeline.variables.no'), [
      { scope: 'pipeline', name: 'a', index: 0 },
      { scope: 'stage', name: 'b_c', index: 23 },
    ]);
  });
});

describe('core: did-you-mean', () => {
  it('measures transpositions as one edit', () => {
    assert.equal(editDistance('stpes', 'steps'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });
  const table: [string, string[], string | undefined][] = [
    ['step', ['steps', 'stage', 'spec'], 'steps'],
    ['Deploymnt', ['Deployment', 'CI', 'Custom'], 'Deployment'],
    ['shellscript', ['ShellScript', 'Http'], 'ShellScript'],
    ['Deploy', ['Deployment', 'CI'], 'Deployment'],
    ['zzzzzz', ['steps', 'name'], undefined],
    ['a', ['xyz'], undefined],
  ];
  for (const [word, candidates, expected] of table)
    it(`${word} -> ${String(expected)}`, () => assert.equal(suggest(word, candidates), expected));
  const typos: [string, string, boolean][] = [
    ['K8sRollingDeplo', 'K8sRollingDeploy', true],
    ['shellscript', 'ShellScript', true],
    ['ShellScirpt', 'ShellScript', true],
    ['Custon', 'Custom', true],
    ['Deploy', 'Deployment', false],
    ['Nmap', 'Zap', false],
    ['AcmeDeploy', 'K8sDeploy', false],
  ];
  for (const [word, candidate, expected] of typos)
    it(`isTypo(${word}, ${candidate}) is ${String(expected)}`, () =>
      assert.equal(isTypo(word, candidate), expected));
});

describe('core: CLI globs', () => {
  it('expands braces, nested too', () => {
    assert.deepEqual(expandBraces('a/{b,c}/*.{yaml,yml}'), [
      'a/b/*.yaml',
      'a/b/*.yml',
      'a/c/*.yaml',
      'a/c/*.yml',
    ]);
    assert.deepEqual(expandBraces('{a,{b,c}}'), ['a', 'b', 'c']);
  });
  const table: [string, string, boolean][] = [
    ['**/*.yaml', 'a.yaml', true],
    ['**/*.yaml', 'x/y/a.yaml', true],
    ['.harness/**/*.yaml', '.harness/p.yaml', true],
    ['.harness/**/*.yaml', '.harness/a/b/p.yaml', true],
    ['.harness/*.yaml', '.harness/a/p.yaml', false],
    ['p?.yml', 'p1.yml', true],
    ['p?.yml', 'p12.yml', false],
    ['*.yaml', 'dir/a.yaml', false],
    ['a.yaml', 'aXyaml', false],
  ];
  for (const [pattern, file, expected] of table)
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${file}`, () =>
      assert.equal(globToRegExp(pattern).test(file), expected));
});
