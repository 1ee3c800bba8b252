// The draft-07 subset compiler and schema views: $ref into nested definitions, tolerated
// invalid nodes, conditionals, unions resolved by discriminator, and views for the features.
import * as assert from 'node:assert/strict';
import { SchemaStore } from '../../../../server/schema/compile';
import { compileSchema } from '../../../../server/schema/index';
import { parseYaml } from '../../../../server/yaml/parse';
import { covered, doc, testSchema, validateWith } from './helpers';

const codes = (schema: unknown, text: string) =>
  validateWith(schema, text).map((d) => `${String(d.code)}@${covered(text, d).text}`);

/** A schema in the published reference schema's style: nested namespaces, if/then specs, desc, nulls. */
const referenceStyle = {
  type: 'object',
  properties: { pipeline: { $ref: '#/definitions/pipeline/pipeline' } },
  definitions: {
    pipeline: {
      pipeline: {
        type: 'object',
        properties: { steps: { type: 'array', items: { $ref: '#/definitions/pipeline/steps~1all/union' } } },
      },
      'steps/all': {
        union: {
          oneOf: [
            { $ref: '#/definitions/pipeline/common/Generic' },
            { $ref: '#/definitions/pipeline/steps~1all/RunNode' },
            { $ref: '#/definitions/pipeline/steps~1all/WaitNode' },
          ],
        },
        RunNode: {
          type: 'object',
          required: ['type', 'spec'],
          desc: 'an unknown keyword',
          properties: {
            type: { type: 'string', enum: ['Run'] },
            timeout: { type: 'string', pattern: '^[0-9]+m$' },
          },
          allOf: [
            {
              if: { properties: { type: { const: 'Run' } } },
              then: { properties: { spec: { $ref: '#/definitions/pipeline/steps~1all/RunSpec' } } },
            },
          ],
        },
        RunSpec: {
          type: 'object',
          required: ['command'],
          additonalProperties: false,
          properties: {
            command: { type: 'string', minLength: null },
            shell: {
              oneOf: [
                { type: 'string', enum: ['Sh', 'Bash'] },
                { type: 'string', pattern: '^<\\+input>$' },
              ],
            },
          },
        },
        WaitNode: {
          type: 'object',
          required: ['type'],
          properties: { type: { type: 'string', enum: ['Wait'] }, spec: { properties: null } },
        },
      },
      common: { Generic: { type: 'object', properties: { type: { type: 'string', enum: [] } } } },
    },
  },
};

describe('core: schema compiler', () => {
  it('follows $refs into nested definitions (with ~1 escapes) and reports inside the chosen branch only', () => {
    const text = doc('pipeline:', '  steps:', '    - type: Run', '      spec:', '        shell: Bsh');
    assert.deepEqual(codes(referenceStyle, text), ['missing-required@spec', 'invalid-enum@Bsh']);
  });

  it('resolves if/then by the type const and tolerates null keywords, enum: [] and unknown keywords', () => {
    const ok = doc(
      'pipeline:',
      '  steps:',
      '    - type: Run',
      '      spec:',
      '        command: make',
      '        extra: tolerated',
      '    - type: Wait',
      '      spec: {}',
    );
    assert.deepEqual(codes(referenceStyle, ok), []);
  });

  it('an unknown discriminator value lists the branch values', () => {
    const text = doc('pipeline:', '  steps:', '    - type: Rnu');
    const d = validateWith(referenceStyle, text);
    assert.equal(d.length, 1);
    assert.match(d[0].message, /^"Rnu" is not a steps type; did you mean "Run"\? expected one of Run, Wait$/);
  });

  describe('a union member of an unknown type is checked against x-harness-unknown-branch', () => {
    const member = (type: string, spec: unknown) => ({
      type: 'object',
      required: ['id', 'type'],
      additionalProperties: false,
      properties: { id: { type: 'string' }, type: { const: type }, wait: { type: 'integer' }, spec },
    });
    const schema = {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            'x-harness-discriminator': 'type',
            'x-harness-kind': 'item',
            'x-harness-unknown': 'warning',
            'x-harness-unknown-branch': { $ref: '#/definitions/anyItem' },
            oneOf: [
              member('Alpha', { type: 'object', additionalProperties: false }),
              member('Beta', { type: 'object', properties: { n: { type: 'integer' } } }),
              // Like a template member: no type, so only `id` is common to every branch.
              {
                type: 'object',
                required: ['id', 'template'],
                additionalProperties: false,
                properties: { id: { type: 'string' }, template: { type: 'object' } },
              },
            ],
          },
        },
      },
      definitions: {
        anyItem: {
          type: 'object',
          required: ['id', 'type'],
          additionalProperties: false,
          properties: {
            id: { type: 'string' },
            type: { type: 'string' },
            wait: { type: 'integer' },
            spec: {},
          },
        },
      },
    };
    const cases: [string, string[], string[]][] = [
      [
        'a far type: a warning, then the shared keys',
        ['- {type: Gamma, wiat: 1, spec: {x: 1}}'],
        ['missing-required@type', 'unknown-item-type@Gamma', 'unknown-property@wiat'],
      ],
      [
        'a near-miss type: an error, then the shared keys',
        ['- {id: a, type: Alpah, wait: x}'],
        ['invalid-enum@Alpah', 'invalid-type@x'],
      ],
      [
        'an expression type: only the shared keys',
        ['- {id: a, type: <+input>, wiat: 1}'],
        ['unknown-property@wiat'],
      ],
      ['a known type: its own branch', ['- {id: a, type: Alpha, spec: {x: 1}}'], ['unknown-property@x']],
    ];
    for (const [name, lines, expected] of cases) {
      it(name, () => {
        const text = doc('items:', ...lines.map((l) => `  ${l}`));
        assert.deepEqual(codes(schema, text), expected);
        const severities = validateWith(schema, text).map((d) => d.severity);
        assert.deepEqual(
          severities,
          // A far unknown key (x) is a warning, a near-miss (wiat for wait) an error.
          expected.map((e) => (e.startsWith('unknown-item-type') || e === 'unknown-property@x' ? 2 : 1)),
        );
      });
    }

    it('views of an unknown-type member offer its keys (not only those every branch has) and every type value', () => {
      const parsed = parseYaml(doc('items:', '  - type: Gamma', '    id: a'));
      const compiled = compileSchema(schema, 'file');
      const v = compiled.viewAt(parsed, ['items', 0]);
      assert.ok(v);
      assert.deepEqual([...v.properties.keys()].sort(), ['id', 'spec', 'type', 'wait']);
      assert.deepEqual(compiled.viewAt(parsed, ['items', 0, 'type'])?.enum, ['Alpha', 'Beta']);
    });
  });

  it('applies patterns, lengths, tuples, patternProperties, not, anyOf and allOf', () => {
    const schema = {
      type: 'object',
      properties: {
        code: { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 },
        pair: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], minItems: 2 },
        labels: {
          type: 'object',
          patternProperties: { '^x-': { type: 'boolean' } },
          additionalProperties: false,
        },
        notEmpty: { type: 'string', not: { const: 'none' } },
        either: { anyOf: [{ type: 'integer' }, { type: 'boolean' }] },
        both: { allOf: [{ type: 'string' }, { minLength: 2 }] },
      },
    };
    const text = doc(
      'code: abc',
      'pair: [a, b]',
      'labels: {x-a: true, y: 1}',
      'notEmpty: none',
      'either: [1]',
      'both: a',
    );
    assert.deepEqual(codes(schema, text), [
      'pattern-mismatch@abc',
      'invalid-type@b',
      'unknown-property@y',
      'not-allowed@none',
      'invalid-type@either',
      'invalid-length@a',
    ]);
  });

  it('caches compiled regular expressions per schema', () => {
    const store = new SchemaStore({ properties: {} });
    assert.equal(store.regex('^a+$'), store.regex('^a+$'));
    assert.notEqual(store.regex('^a+$'), new SchemaStore({ properties: {} }).regex('^a+$'));
    assert.equal(store.regex('(unclosed'), undefined);
    assert.equal(store.regex('^\\-$')?.test('-'), true, 'a pattern only valid without the u flag');
  });

  it('rejects what is not a schema', () => {
    assert.throws(() => compileSchema([], 'file'), /not a JSON object/);
    assert.throws(() => compileSchema({ foo: 1 }, 'file'), /no properties/);
  });
});

describe('core: schema views', () => {
  const schema = compileSchema(testSchema, 'file');
  const text = doc(
    'pipeline:',
    '  name: P',
    '  stages:',
    '    - stage:',
    '        type: Custom',
    '        spec:',
    '          execution:',
    '            steps:',
    '              - step:',
    '                  type: ShellScript',
    '              - step:',
    '                  name: x',
  );
  const parsed = parseYaml(text);

  it('resolves the step branch from the document', () => {
    const v = schema.viewAt(parsed, [
      'pipeline',
      'stages',
      0,
      'stage',
      'spec',
      'execution',
      'steps',
      0,
      'step',
      'spec',
    ]);
    assert.ok(v);
    assert.deepEqual([...v.properties.keys()].sort(), ['retries', 'script', 'shell']);
    assert.deepEqual(v.properties.get('shell')?.schema()?.enum, ['Bash', 'PowerShell']);
    assert.equal(v.additionalProperties, false);
  });

  it('an unresolved union offers the common keys and the discriminator values', () => {
    const v = schema.viewAt(parsed, [
      'pipeline',
      'stages',
      0,
      'stage',
      'spec',
      'execution',
      'steps',
      1,
      'step',
    ]);
    assert.ok(v);
    assert.equal(v.kind, 'step');
    assert.deepEqual(v.discriminator, { key: 'type', values: ['ShellScript', 'Wait'] });
    assert.ok(v.properties.has('identifier') && v.properties.has('type'));
    assert.ok(v.required.includes('name'));
    const t = schema.viewAt(parsed, [
      'pipeline',
      'stages',
      0,
      'stage',
      'spec',
      'execution',
      'steps',
      1,
      'step',
      'type',
    ]);
    assert.deepEqual(t?.enum, ['ShellScript', 'Wait']);
  });

  it('describes properties and infers formats from keys', () => {
    const root = schema.viewAt(parsed, ['pipeline']);
    assert.equal(root?.properties.get('name')?.description, 'Pipeline name');
    assert.equal(root?.kind, 'pipeline');
    assert.equal(schema.viewAt(parsed, ['pipeline', 'timeout'])?.format, 'timeout');
    assert.equal(schema.viewAt(parsed, ['pipeline', 'nope']), undefined);
    assert.deepEqual(schema.root().required, ['pipeline']);
  });

  it('items views follow sequences', () => {
    const stages = schema.viewAt(parsed, ['pipeline', 'stages']);
    const item = stages?.items?.();
    assert.ok(item?.properties.has('stage') && item.properties.has('parallel'));
  });
});
