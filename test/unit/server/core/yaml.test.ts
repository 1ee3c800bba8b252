// The YAML layer: line index, YAML-level diagnostics (syntax, duplicate keys, tabs, extra
// documents), bounded aliases, large documents, and the parse cache.
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../../server/yaml/lineIndex';
import { parseYaml } from '../../../../server/yaml/parse';
import { createEngine } from '../../../../server/engine';
import { fastParse } from '../../../../server/yaml/fastParse';
import { parseWithYaml } from '../../../../server/yaml/parse';
import { parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { documentDifferences } from './equivalence';
import { covered, doc, testSchema, validateWith } from './helpers';

describe('core: line index', () => {
  const text = 'ab\ncd\r\nef\rg\u{1F600}h';
  const idx = new LineIndex(text);
  const table: [number, number, number][] = [
    [0, 0, 0],
    [2, 0, 2],
    [3, 1, 0],
    [5, 1, 2],
    [7, 2, 0],
    [10, 3, 0],
    [13, 3, 3], // after the surrogate pair: UTF-16 units, as LSP counts
    [99, 3, 4],
  ];
  for (const [offset, line, character] of table) {
    it(`offset ${offset} <-> ${line}:${character}`, () => {
      assert.deepEqual(idx.positionAt(offset), { line, character });
      if (offset <= text.length) assert.equal(idx.offsetAt({ line, character }), offset);
    });
  }
  it('clamps positions past the end of a line and of the text', () => {
    assert.equal(idx.offsetAt({ line: 0, character: 50 }), 2);
    assert.equal(idx.offsetAt({ line: 40, character: 0 }), text.length);
    assert.equal(idx.lineText(1), 'cd');
  });
});

describe('core: YAML diagnostics', () => {
  const cases: { name: string; text: string; code: string; at: string; severity?: number }[] = [
    {
      name: 'a syntax error has a precise range',
      text: doc('pipeline:', '  name: "open'),
      code: 'yaml-syntax',
      at: 'name: "open',
    },
    {
      name: 'duplicate keys are reported, not thrown',
      text: doc('pipeline:', '  name: a', '  name: b'),
      code: 'duplicate-key',
      at: 'name',
    },
    { name: 'tabs in indentation', text: doc('pipeline:', '\tname: a'), code: 'tab', at: '\t' },
    {
      name: 'a second document is a warning',
      text: doc('pipeline:', '  name: a', '---', 'pipeline:', '  name: b'),
      code: 'multi-document',
      at: '---',
      severity: 2,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const p = parseYaml(c.text);
      const d = p.syntaxDiagnostics.find((x) => x.code === c.code);
      assert.ok(d, `no ${c.code} in ${JSON.stringify(p.syntaxDiagnostics.map((x) => x.code))}`);
      assert.equal(covered(c.text, d).text, c.at);
      assert.equal(d.severity, c.severity ?? 1);
      assert.equal(d.source, 'harness');
    });
  }

  it('tabs inside a block scalar are content, not indentation', () => {
    const p = parseYaml(doc('pipeline:', '  script: |', '    a', '    \tb'));
    assert.deepEqual(p.syntaxDiagnostics, []);
  });

  it('finds the Harness root key', () => {
    assert.equal(parseYaml(doc('pipeline:', '  name: a')).rootKey, 'pipeline');
    assert.equal(parseYaml(doc('inputSet:', '  name: a')).rootKey, 'inputSet');
    assert.equal(parseYaml(doc('other: 1')).rootKey, undefined);
    assert.equal(parseYaml('').doc, undefined);
  });

  it('an alias bomb is validated with a bounded number of expansions', function () {
    this.timeout(20_000);
    // Each level repeats the previous one ten times: 10^12 stages if aliases were expanded.
    const lines = ['- &a0 {parallel: [{stage: {name: S, identifier: s, type: Custom}}]}'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `- &a${i} {parallel: [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]}`,
      );
    const text = doc(
      'pipeline:',
      '  name: P',
      '  identifier: p',
      '  stages:',
      ...lines.map((l) => `    ${l}`),
    );
    // Bounded by a count, not checked by a clock (`npm run bench` times it): validation stops
    // following aliases after 1000 expansions and says so once, on an alias.
    const diags = validateWith(testSchema, text);
    const limit = diags.filter((d) => d.code === 'alias-limit');
    assert.equal(limit.length, 1, JSON.stringify(diags.map((d) => d.code)));
    assert.match(limit[0].message, /more than 1000\)/);
    assert.match(covered(text, limit[0]).text, /^\*a\d+$/);
  });

  it('a large document parses and validates without errors', function () {
    this.timeout(30_000);
    const steps: string[] = [];
    for (let i = 0; i < 3000; i++)
      steps.push(`              - step: {name: s${i}, identifier: s${i}, type: Wait, spec: {duration: 1m}}`);
    const text = doc(
      'pipeline:',
      '  name: P',
      '  identifier: p',
      '  stages:',
      '    - stage:',
      '        name: S',
      '        identifier: s',
      '        type: Custom',
      '        spec:',
      '          execution:',
      '            steps:',
      ...steps,
    );
    assert.deepEqual(validateWith(testSchema, text), []);
  });

  it('garbage input never throws', () => {
    for (const text of [
      '\u0000\u0001\uFFFF',
      '{{{{',
      '- - - -',
      ': : :',
      '"\\',
      '*x',
      '&a [*a]',
      '? [a]\n: b',
      '%YAML 9\n---',
    ]) {
      const p = parseYaml(text);
      const diags = validateWith(testSchema, text);
      // What yaml rejects is reported, not swallowed; every range is a real place in the text.
      if (parseDocument(text, { uniqueKeys: true }).errors.length > 0)
        assert.ok(
          diags.some((d) => d.code === 'yaml-syntax'),
          `${JSON.stringify(text)}: no yaml-syntax error`,
        );
      for (const d of diags) {
        const where = `${JSON.stringify(text)}: ${String(d.code)} at ${JSON.stringify(d.range)}`;
        for (const at of [d.range.start, d.range.end])
          assert.deepEqual(p.lines.positionAt(p.lines.offsetAt(at)), at, where);
        assert.ok(p.lines.offsetAt(d.range.start) <= p.lines.offsetAt(d.range.end), where);
      }
    }
  });
});

describe('core: engine cache and schema switching', () => {
  it('parses once per uri and version', () => {
    const e = createEngine();
    const text = doc('pipeline:', '  name: a');
    const a = e.parse('file:///a.yaml', 1, text);
    assert.equal(e.parse('file:///a.yaml', 1, text), a);
    assert.notEqual(e.parse('file:///a.yaml', 2, text), a);
  });

  it('keeps at most cacheSize documents', () => {
    const e = createEngine({ cacheSize: 2 });
    const text = doc('pipeline:', '  name: a');
    const a = e.parse('a', 1, text);
    e.parse('b', 1, text);
    e.parse('c', 1, text);
    assert.notEqual(e.parse('a', 1, text), a);
  });

  it('a schema that fails to compile keeps the previous one and says why', () => {
    const e = createEngine();
    const before = e.schema();
    const r = e.setSchema('not a schema', 'account');
    assert.equal(r.ok, false);
    assert.match(r.error ?? '', /not a JSON object/);
    assert.equal(e.schema(), before);
    assert.equal(e.schema().source, 'bundled');
    assert.deepEqual(e.setSchema(testSchema, 'file'), { ok: true });
    assert.equal(e.schema().source, 'file');
  });

  it('reports missing account references through the provider and lists references with scopes', () => {
    const text = doc(
      'pipeline:',
      '  name: P',
      '  identifier: p',
      '  orgIdentifier: o',
      '  projectIdentifier: pr',
      '  stages:',
      '    - stage:',
      '        name: S',
      '        identifier: s',
      '        type: Custom',
      '        spec:',
      '          connectorRef: account.gone',
      '          serviceRef: svc',
      '          environmentRef: <+input>',
      '          template: {templateRef: org.tpl}',
    );
    const e = createEngine();
    e.setSchema(testSchema, 'file');
    const refs = e.references('u', 1, text);
    assert.deepEqual(
      refs.map((r) => [
        r.kind,
        r.ref,
        r.identifier,
        r.scope.level,
        r.scope.orgIdentifier,
        r.scope.projectIdentifier,
        r.range.start.line,
      ]),
      [
        ['connector', 'account.gone', 'gone', 'account', undefined, undefined, 11],
        ['service', 'svc', 'svc', 'project', 'o', 'pr', 12],
        ['template', 'org.tpl', 'tpl', 'org', 'o', undefined, 14],
      ],
    );
    const asked: string[] = [];
    const diags = e.validate('u', 1, text, {
      knownRefs: (kind, ref) => {
        asked.push(`${kind}:${ref}`);
        return ref === 'account.gone' ? 'missing' : ref === 'svc' ? 'exists' : 'unknown';
      },
    });
    assert.deepEqual(asked, ['connector:account.gone', 'service:svc', 'template:org.tpl']);
    const unknown = diags.filter((d) => d.code === 'unknown-reference');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].severity, 2);
    assert.match(unknown[0].message, /No connector "gone" exists in the account/);
    assert.equal(covered(text, unknown[0]).text, 'account.gone');
  });
});

describe('core: fast parser', () => {
  // Each document must either be declined or produce exactly the `yaml` tree.
  const accepted = [
    doc(
      'pipeline:',
      '  name: "quoted"',
      "  id: 'it''s'",
      '  n: 1.5',
      '  o: 0o17',
      '  h: 0x1F',
      '  b: True',
      '  z: ~',
      '  e:',
      '  list:',
      '  - a',
      '  - {x: [1, 2], y: "s"}',
      '  # trailing comment',
    ),
    doc(
      'a: |-',
      '  line 1',
      '',
      '  line 2',
      'b: >',
      '  folded',
      '  text',
      '',
      '  para',
      'c: |+',
      '  keep',
      '',
      'd: x # comment',
    ),
    doc('- - nested', '  - seq', '- key: v', '  other: w'),
    // Number formats yaml keeps for output, and scalar sources.
    doc('o: 0o17', 'h: 0x1F', 'f: 1.50', 'e: 1e3', 'i: -.inf', 'n: .NaN', 'q: "x"', "s: 'it''s'"),
    // Comments and blank lines: a header comment (the first key's, or the document's after a
    // blank line), comments between items (the next one's), trailing comments kept by a nested
    // collection or handed to the document, comment lines indented under a value (the value's),
    // comments between a key and its nested value (the value's), blank lines (spaceBefore).
    doc('# source: somewhere', 'pipeline:', '  name: p # the name', '    # more about the name', ''),
    doc('# header', '', 'a: 1', '', '# about b', 'b:', '  # about the map', '  x: 1', '  # kept by the map'),
    doc('a:', '  x: 1', '# about b, at column 0', 'b: 2', '# end of document', '', '# still'),
    doc(
      'a: # after the colon',
      '',
      '  - x',
      '',
      '  - y # y',
      '  # kept by the list',
      'b: |+ # keep',
      '  t',
      '',
    ),
    doc('- a: 1', '  # kept by the map of the first item', '- b', '    # the scalar b', '- c'),
    doc('a:', '  x: 1', '  # c1', '# c2 goes with c1', 'b: 2'),
    // Folded scalars with leading empty lines, literal ones with `#` lines.
    doc('a: >', '', '  folded', '  text', 'b: |', '  # not a comment', '  echo'),
  ];
  const declined = [
    doc('a: &x 1', 'b: *x'),
    doc('a: !tag x'),
    doc('a: "multi', '  line"'),
    doc('a: plain', '  continued'),
    doc('a: 1', 'a: 2'),
    doc('a:\tb'),
    doc('---', 'a: 1'),
    'a: 1\r\nb: 2\r\n',
    doc('? complex', ': key'),
    // yaml reports more-indented leading empty lines in a block scalar.
    doc('a: |', '     ', '  x'),
    // Comments inside a `-` item that starts on the next line.
    doc('-', '  # c', '  a: 1'),
  ];
  accepted.forEach((text, i) =>
    it(`accepts document ${i} and matches yaml field by field`, () => {
      const fast = fastParse(text);
      assert.ok(fast, 'declined');
      const [full, ...more] = parseWithYaml(text);
      assert.equal(more.length, 0);
      assert.deepEqual(documentDifferences(fast, full), []);
    }),
  );
  it('places comments where yaml does (spot checks)', () => {
    const fast = fastParse(accepted[5]);
    assert.ok(fast);
    assert.equal(fast.commentBefore, ' header');
    const b = fast.get('b', true) as YAMLMap;
    assert.equal(b.commentBefore, ' about the map');
    assert.equal(b.comment, ' kept by the map');
    const keyB = (fast.contents as YAMLMap).items[1].key as Scalar;
    assert.equal(keyB.commentBefore, ' about b');
    assert.equal(keyB.spaceBefore, true);
  });
  it('tells the difference when a field differs (the check can fail)', () => {
    const fast = fastParse(accepted[3]);
    const [full] = parseWithYaml(accepted[3]);
    assert.ok(fast);
    ((full.contents as YAMLMap).items[1].value as Scalar).comment = ' changed';
    full.range = [0, 0, 0];
    assert.deepEqual(documentDifferences(fast, full), [
      'document: range [0,66,66] vs [0,0,0]',
      '$.h: comment undefined vs " changed"',
    ]);
  });
  declined.forEach((text, i) =>
    it(`declines document ${i}: ${JSON.stringify(text)}`, () => assert.equal(fastParse(text), undefined)),
  );
});
