// Steps and stages whose type the bundled schema does not know, through the real engine (the
// push gate refuses while there are errors): a near-miss of a known type is an error with a
// suggestion; a type far from every known one is a warning; either way the keys every step or
// stage has are still checked, and the spec is not. Table-driven: code, message, severity and
// the exact text each diagnostic's range covers.
import * as assert from 'node:assert/strict';
import { createEngine } from '../../../../server/engine';
import { covered, customStage as stage, doc, pipelineHead as head } from '../core/helpers';

interface Expect {
  code: string;
  /** The exact text the range covers. */
  at: string;
  line?: number;
  message: RegExp;
  severity: 1 | 2;
  data?: Record<string, unknown>;
}

/** A step with the given type and extra lines (indented as step keys). */
const step = (type: string, ...lines: string[]) => [
  '              - step:',
  '                  name: a',
  '                  identifier: a',
  `                  type: ${type}`,
  ...lines,
];
const S = '                  '; // step key indent
const acmeWarning: Expect = {
  code: 'unknown-step-type',
  at: 'AcmeCustomThing',
  message:
    /^"AcmeCustomThing" is a step type not known to the bundled schema; only the fields every step has are checked$/,
  severity: 2,
  data: { value: 'AcmeCustomThing' },
};

const cases: { name: string; text: string[]; expect: Expect[] }[] = [
  {
    name: 'a near-miss step type is an error with the suggestion first',
    text: stage(...step('K8sRollingDeplo', `${S}spec: {}`)),
    expect: [
      {
        code: 'invalid-enum',
        at: 'K8sRollingDeplo',
        line: 15,
        message:
          /^"K8sRollingDeplo" is not a step type; did you mean "K8sRollingDeploy"\? expected one of K8sRollingDeploy, ShellScript, /,
        severity: 1,
        data: { suggestion: 'K8sRollingDeploy' },
      },
    ],
  },
  {
    name: 'a step type in the wrong case is a near-miss too (Harness types are case-sensitive)',
    text: stage(...step('shellScript', `${S}spec: {}`)),
    expect: [
      {
        code: 'invalid-enum',
        at: 'shellScript',
        message: /^"shellScript" is not a step type; did you mean "ShellScript"\?/,
        severity: 1,
        data: { suggestion: 'ShellScript' },
      },
    ],
  },
  {
    name: 'a near-miss step type inside a step group is an error',
    text: stage(
      '              - stepGroup:',
      '                  name: g',
      '                  identifier: g',
      '                  steps:',
      '                    - step:',
      '                        name: w',
      '                        identifier: w',
      '                        type: Wiat',
      '                        spec:',
      '                          duration: 1m',
    ),
    expect: [
      {
        code: 'invalid-enum',
        at: 'Wiat',
        message: /^"Wiat" is not a step type; did you mean "Wait"\?/,
        severity: 1,
        data: { suggestion: 'Wait' },
      },
    ],
  },
  {
    name: 'a near-miss stage type is an error',
    text: [
      ...head,
      '    - stage:',
      '        name: S',
      '        identifier: s',
      '        type: Custon',
      '        spec: {}',
    ],
    expect: [
      {
        code: 'invalid-enum',
        at: 'Custon',
        line: 8,
        message: /^"Custon" is not a stage type; did you mean "Custom"\? expected one of Custom, /,
        severity: 1,
        data: { suggestion: 'Custom' },
      },
    ],
  },
  {
    name: 'a custom type that only loosely resembles a known one (two edits in six letters) is a warning with a hint',
    text: stage(...step('Barker', `${S}spec: {}`)),
    expect: [
      {
        code: 'unknown-step-type',
        at: 'Barker',
        line: 15,
        message:
          /^"Barker" is a step type not known to the bundled schema \(did you mean "Barrier"\?\); only the fields every step has are checked$/,
        severity: 2,
        data: { value: 'Barker', suggestion: 'Barrier' },
      },
    ],
  },
  {
    name: 'a step type far from every known one is a warning',
    text: stage(...step('AcmeCustomThing', `${S}spec: {}`)),
    expect: [{ ...acmeWarning, line: 15 }],
  },
  {
    name: 'a step of an unknown type: a misspelled step key is an error with a did-you-mean',
    text: stage(...step('AcmeCustomThing', `${S}timout: 10m`, `${S}spec: {}`)),
    expect: [
      acmeWarning,
      {
        code: 'unknown-property',
        at: 'timout',
        line: 16,
        message: /^Unknown property "timout" — did you mean "timeout"\?$/,
        severity: 1,
        data: { suggestion: 'timeout', property: 'timout' },
      },
    ],
  },
  {
    name: 'a step of a near-miss type: a misspelled step key is reported as well',
    text: stage(...step('K8sRollingDeplo', `${S}timout: 10m`, `${S}spec: {}`)),
    expect: [
      {
        code: 'invalid-enum',
        at: 'K8sRollingDeplo',
        message: /did you mean "K8sRollingDeploy"/,
        severity: 1,
      },
      { code: 'unknown-property', at: 'timout', message: /did you mean "timeout"/, severity: 1 },
    ],
  },
  {
    name: 'a step of an unknown type: an invalid timeout is an error',
    text: stage(...step('AcmeCustomThing', `${S}timeout: 10 minutes`, `${S}spec: {}`)),
    expect: [
      acmeWarning,
      {
        code: 'invalid-timeout',
        at: '10 minutes',
        message: /^"10 minutes" is not a valid timeout/,
        severity: 1,
      },
    ],
  },
  {
    name: 'a step of an unknown type: a missing name is an error on the step key',
    text: stage(
      '              - step:',
      '                  identifier: a',
      '                  type: AcmeCustomThing',
      '                  spec: {}',
    ),
    expect: [
      {
        code: 'missing-required',
        at: 'step',
        message: /^Missing required property "name" in step$/,
        severity: 1,
        data: { missing: ['name'] },
      },
      acmeWarning,
    ],
  },
  {
    name: 'a step of an unknown type: when and failureStrategies are checked as for any step',
    text: stage(
      ...step(
        'AcmeCustomThing',
        `${S}when:`,
        `${S}  stageStatus: Sucess`,
        `${S}failureStrategies:`,
        `${S}  - onFailure:`,
        `${S}      errors: [AllErrors]`,
        `${S}      action:`,
        `${S}        type: Abortt`,
        `${S}spec: {}`,
      ),
    ),
    expect: [
      acmeWarning,
      {
        code: 'invalid-enum',
        at: 'Sucess',
        message: /^"Sucess" is not an allowed value for "stageStatus"; did you mean "Success"\?/,
        severity: 1,
      },
      {
        code: 'invalid-enum',
        at: 'Abortt',
        message: /^"Abortt" is not a failureAction type; did you mean "Abort"\?/,
        severity: 1,
      },
    ],
  },
  {
    name: 'a step of an unknown type: failureStrategies of the wrong shape',
    text: stage(...step('AcmeCustomThing', `${S}failureStrategies:`, `${S}  onFailure: {}`, `${S}spec: {}`)),
    expect: [
      acmeWarning,
      {
        code: 'invalid-type',
        at: 'failureStrategies',
        message: /^Incorrect type: expected a list, found an object \(map\) for "failureStrategies"$/,
        severity: 1,
      },
    ],
  },
  {
    name: 'a step of an unknown type: its spec is not checked',
    text: stage(
      ...step(
        'AcmeCustomThing',
        `${S}timeout: 1h`,
        `${S}spec:`,
        `${S}  timout: 1m`,
        `${S}  anything: [1, 2]`,
        `${S}  nested: {deep: true}`,
      ),
    ),
    expect: [acmeWarning],
  },
  {
    name: 'a step of an unknown type: node keys some step types have are accepted (identities)',
    text: stage(
      ...step('AcmeCustomThing', `${S}identities: {}`, `${S}enforce: {policySets: [p]}`, `${S}spec: {}`),
    ),
    expect: [acmeWarning],
  },
  {
    // harness-core AbstractStepNode declares delegateSelectors and skipCondition on every step node.
    name: 'a step of an unknown type: delegateSelectors and skipCondition are step keys, as for every step',
    text: stage(
      ...step('AcmeCustomThing', `${S}delegateSelectors: [a]`, `${S}skipCondition: "false"`, `${S}spec: {}`),
    ),
    expect: [acmeWarning],
  },
  {
    name: 'a step of an unknown type: a key far from every step key is a warning (Harness ignores it)',
    text: stage(...step('AcmeCustomThing', `${S}reports: {}`, `${S}spec: {}`)),
    expect: [
      acmeWarning,
      {
        code: 'unknown-property',
        at: 'reports',
        message: /^Unknown property "reports".*: Harness ignores keys it does not know here$/,
        severity: 2,
      },
    ],
  },
  {
    name: 'a step whose type is an expression: no type diagnostic, its step keys still checked',
    text: stage(...step('<+input>', `${S}timout: 10m`, `${S}spec:`, `${S}  whatever: 1`)),
    expect: [{ code: 'unknown-property', at: 'timout', message: /did you mean "timeout"/, severity: 1 }],
  },
  {
    name: 'steps of unknown types: duplicate identifiers are still reported',
    text: stage(...step('AcmeCustomThing', `${S}spec: {}`), ...step('AcmeCustomThing', `${S}spec: {}`)),
    expect: [
      acmeWarning,
      {
        code: 'duplicate-identifier',
        at: 'a',
        line: 19,
        message: /^Duplicate step identifier "a"/,
        severity: 1,
      },
      { ...acmeWarning, line: 20 },
    ],
  },
  {
    name: 'a stage of an unknown type: an error on the type, its stage keys checked, its spec not',
    text: [
      ...head,
      '    - stage:',
      '        name: S',
      '        identifier: s',
      '        type: Banana',
      '        tiemout: 1h',
      '        when: {pipelineStatus: Succes}',
      '        spec:',
      '          peel: true',
    ],
    expect: [
      {
        code: 'invalid-enum',
        at: 'Banana',
        message: /^"Banana" is not a stage type; expected one of Deployment, CI, /,
        severity: 1,
      },
      {
        code: 'unknown-property',
        at: 'tiemout',
        message: /^Unknown property "tiemout" — did you mean "timeout"\?$/,
        severity: 1,
        data: { suggestion: 'timeout' },
      },
      { code: 'invalid-enum', at: 'Succes', message: /did you mean "Success"/, severity: 1 },
    ],
  },
  {
    name: 'a stage of an unknown type: a missing identifier is an error on the stage key',
    text: [...head, '    - stage:', '        name: S', '        type: Banana', '        spec: {}'],
    expect: [
      {
        code: 'missing-required',
        at: 'stage',
        message: /^Missing required property "identifier" in stage$/,
        severity: 1,
      },
      { code: 'invalid-enum', at: 'Banana', message: /is not a stage type/, severity: 1 },
    ],
  },
];

describe('bundled schema: steps and stages of unknown types', function () {
  this.timeout(30_000);
  const engine = createEngine();
  let version = 0;
  for (const c of cases) {
    it(c.name, () => {
      const text = doc(...c.text);
      const diags = engine.validate(`file:///unknown-${++version}.yaml`, 1, text);
      const got = diags.map((d) => ({ ...covered(text, d), d }));
      assert.equal(
        got.length,
        c.expect.length,
        `expected ${c.expect.length} diagnostics, got:\n${got.map((g) => `  ${g.line} ${String(g.d.code)} "${g.text}" ${g.d.message}`).join('\n')}`,
      );
      c.expect.forEach((e, i) => {
        const g = got[i];
        assert.equal(String(g.d.code), e.code, `#${i} code (${g.d.message})`);
        assert.equal(g.text, e.at, `#${i} range of ${e.code}`);
        if (e.line !== undefined) assert.equal(g.line, e.line, `#${i} line`);
        assert.match(g.d.message, e.message);
        assert.equal(g.d.severity, e.severity, `#${i} severity`);
        assert.equal(g.d.source, 'harness');
        if (e.data)
          for (const [k, v] of Object.entries(e.data))
            assert.deepEqual((g.d.data as Record<string, unknown>)[k], v, `#${i} data.${k}`);
      });
    });
  }
});
