import * as assert from 'node:assert/strict';
import type { ReferenceQuery, ReferenceStatus } from '../../../../shared/protocol';
import { createEngine } from '../../../../server/engine';
import { hover } from '../../../../server/features/hover';
import { bundledPipelineSchema } from '../../../../server/schema/bundled/index';
import { cursor } from './cursor';
import { markAt, SAMPLE } from './sample';

const engine = createEngine();

async function hoverText(
  marked: string,
  resolveReference?: (q: ReferenceQuery) => Promise<ReferenceStatus | undefined>,
): Promise<string | undefined> {
  const c = cursor(marked);
  const h = await hover({ parsed: c.parsed, schema: engine.schema(), offset: c.offset, resolveReference });
  if (!h) return undefined;
  return typeof h.contents === 'object' && 'value' in h.contents
    ? h.contents.value
    : JSON.stringify(h.contents);
}

const WITH_REF = SAMPLE.replace(
  '  projectIdentifier: demo\n',
  '  projectIdentifier: demo\n  properties:\n    ci:\n      codebase:\n        connectorRef: org.github\n',
);

const NOTIFY_WITH_VARS = SAMPLE.replace(
  '            identifier: notify\n',
  '            identifier: notify\n            variables:\n              - name: region\n                type: String\n                value: us\n',
);

describe('features: hover', () => {
  const cases: [string, string, RegExp | undefined][] = [
    [
      'a key: description, type, required',
      markAt(SAMPLE, 'identifier: build', 3),
      /\*\*identifier\*\* \(required\)/,
    ],
    ['a stage type value: the stage kind', markAt(SAMPLE, 'type: Custom', 8), /\*\*Custom\*\* · stage type/],
    ['a step type value', markAt(SAMPLE, 'type: Http', 8), /\*\*Http\*\* · step type/],
    [
      'a pipeline variable expression',
      markAt(SAMPLE, 'variables.greeting>', 3),
      /pipeline variable greeting declared on line 7/,
    ],
    [
      'a stage variable of another stage',
      markAt(SAMPLE, 'variables.region>', 3),
      /No such variable is declared on the enclosing stage/,
    ],
    [
      'a stage variable of the enclosing stage',
      markAt(NOTIFY_WITH_VARS, 'variables.region>', 3),
      /stage variable region declared on line 57/,
    ],
    [
      'an unknown variable expression',
      markAt(SAMPLE.replace('variables.greeting>', 'variables.nope>'), 'variables.nope>', 3),
      /No variable `nope`/,
    ],
    [
      'runtime input methods',
      markAt(
        SAMPLE.replace('value: hello', 'value: <+input>.default(hi).allowedValues(hi,ho)'),
        'default(hi)',
        2,
      ),
      /Runtime input[\s\S]*`.default\(\)`[\s\S]*`.allowedValues\(\)`/,
    ],
    ['plain text values have no hover', markAt(SAMPLE, 'Sample', 2), undefined],
  ];
  for (const [title, marked, re] of cases) {
    it(title, async () => {
      const text = await hoverText(marked);
      if (re === undefined) assert.equal(text, undefined);
      else assert.match(text ?? '(no hover)', re);
    });
  }

  it('shows a live connector with type and status from the client', async () => {
    const asked: ReferenceQuery[] = [];
    const text = await hoverText(markAt(WITH_REF, 'org.github', 5), async (q) => {
      asked.push(q);
      return {
        kind: 'connector',
        ref: q.ref,
        status: 'exists',
        name: 'GitHub',
        detail: 'Connector type `Github`, connectivity **SUCCESS**',
      };
    });
    assert.deepEqual(asked, [
      {
        kind: 'connector',
        ref: 'org.github',
        identifier: 'github',
        scope: { level: 'org', orgIdentifier: 'default' },
      },
    ]);
    assert.match(text ?? '', /connector \*\*GitHub\*\* \(`github`, org default\)/);
    assert.match(text ?? '', /SUCCESS/);
  });

  it('says when a live reference is missing', async () => {
    const text = await hoverText(markAt(WITH_REF, 'org.github', 5), async (q) => ({
      kind: 'connector',
      ref: q.ref,
      status: 'missing',
    }));
    assert.match(text ?? '', /was not found at org default level/);
  });

  it("says what the selected type is in that type's own words, not the union's", async () => {
    const defs = bundledPipelineSchema.definitions ?? {};
    const step = await hoverText(markAt(SAMPLE, 'type: Http', 8));
    assert.ok(defs.Step_Http?.description && step?.includes(defs.Step_Http.description), step);
    assert.ok(!step?.includes(defs.Step?.description ?? '\u0000'), step);
    const stage = await hoverText(markAt(SAMPLE, 'type: Custom', 8));
    assert.ok(defs.Stage_Custom?.description && stage?.includes(defs.Stage_Custom.description), stage);
  });
});
