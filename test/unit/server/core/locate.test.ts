// locate(): the document path and key/value position at a `|` cursor, on complete and
// incomplete lines.
import * as assert from 'node:assert/strict';
import { locate, type YamlPath } from '../../../../server/yaml/locate';
import { parseYaml } from '../../../../server/yaml/parse';

function at(...lines: string[]) {
  const raw = `${lines.join('\n')}\n`;
  const offset = raw.lastIndexOf('|'); // the last one: block scalars use '|' too
  const text = raw.slice(0, offset) + raw.slice(offset + 1);
  const parsed = parseYaml(text);
  return { loc: locate(parsed, offset), text, parsed };
}

const pipe = [
  'pipeline:',
  '  name: P',
  '  stages:',
  '    - stage:',
  '        name: S',
  '        identifier: s',
];

const cases: {
  name: string;
  lines: string[];
  path: YamlPath;
  inKey: boolean;
  prefix: string;
  present?: string[];
}[] = [
  {
    name: 'a partial key in a stage',
    lines: [...pipe, '        typ|'],
    path: ['pipeline', 'stages', 0, 'stage'],
    inKey: true,
    prefix: 'typ',
    present: ['name', 'identifier'],
  },
  {
    name: 'an empty value after a key',
    lines: [...pipe, '        type: |'],
    path: ['pipeline', 'stages', 0, 'stage', 'type'],
    inKey: false,
    prefix: '',
  },
  {
    name: 'a partial value',
    lines: [...pipe, '        type: Depl|'],
    path: ['pipeline', 'stages', 0, 'stage', 'type'],
    inKey: false,
    prefix: 'Depl',
  },
  {
    name: 'an empty line inside a map',
    lines: [...pipe, '        |'],
    path: ['pipeline', 'stages', 0, 'stage'],
    inKey: true,
    prefix: '',
  },
  {
    name: 'a new sequence item',
    lines: [...pipe, '    - |'],
    path: ['pipeline', 'stages', 1],
    inKey: true,
    prefix: '',
  },
  {
    name: 'the second stage',
    lines: [...pipe, '    - stage:', '        na|'],
    path: ['pipeline', 'stages', 1, 'stage'],
    inKey: true,
    prefix: 'na',
  },
  {
    name: 'a shallower line closes deeper maps',
    lines: [...pipe, '  |'],
    path: ['pipeline'],
    inKey: true,
    prefix: '',
  },
  { name: 'the root', lines: ['|'], path: [], inKey: true, prefix: '' },
  {
    name: 'a key with the cursor inside it',
    lines: ['pipeline:', '  ide|ntifier: x'],
    path: ['pipeline'],
    inKey: true,
    prefix: 'ide',
  },
  {
    name: 'compact sequences (dash at the key column) and block scalars above',
    lines: [
      'pipeline:',
      '  stages:',
      '  - stage:',
      '      spec:',
      '        script: |',
      '          a: b',
      '          c: d',
      '      ty|',
    ],
    path: ['pipeline', 'stages', 0, 'stage'],
    inKey: true,
    prefix: 'ty',
  },
];

describe('core: locate', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { loc } = at(...c.lines);
      assert.deepEqual(loc.path, c.path);
      assert.equal(loc.inKey, c.inKey);
      assert.equal(loc.prefix, c.prefix);
      if (c.present) assert.deepEqual(loc.presentKeys, c.present);
    });
  }

  it('gives the key and value ranges and the AST node of a complete line', () => {
    const { loc, text, parsed } = at(...pipe, '        type: Cus|tom');
    const slice = (r: NonNullable<typeof loc.keyRange>) =>
      text.slice(parsed.lines.offsetAt(r.start), parsed.lines.offsetAt(r.end));
    assert.equal(slice(loc.keyRange!), 'type');
    assert.equal(slice(loc.valueRange!), 'Custom');
    assert.ok(loc.node && 'value' in loc.node && loc.node.value === 'Custom');
    assert.ok(loc.parentMap);
  });

  it('detects an open expression before the cursor', () => {
    const { loc } = at(...pipe, '        description: x <+pipeline.va|');
    assert.equal(loc.expression?.textBeforeCursor, '<+pipeline.va');
    assert.equal(at(...pipe, '        description: <+a> b|').loc.expression, undefined);
  });

  it('inside a block scalar the path is the scalar key', () => {
    const { loc } = at('pipeline:', '  script: |', '    echo <+pipe|');
    assert.deepEqual(loc.path, ['pipeline', 'script']);
    assert.equal(loc.inKey, false);
    assert.equal(loc.expression?.textBeforeCursor, '<+pipe');
  });
});
