// Input sets and overlay input sets through the language service, with the pipeline and input
// set lookups injected as the client answers them: an input set may set only what is <+input>
// in its pipeline (an allowed value when the input lists them), an overlay's references must
// be input sets of its pipeline when the list is complete, and a failed lookup checks less,
// never falsely.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type {
  FindPipelineParams,
  FindPipelineResult,
  ListInputSetsParams,
  ListInputSetsResult,
} from '../../../shared/protocol';
import { createLanguageService, type EntityProvider } from '../../../server/service';
import { allowedValues } from '../../../server/validation/inputSetTarget';

const PIPELINE = `pipeline:
  name: Deploy
  identifier: deploy
  orgIdentifier: default
  projectIdentifier: web
  variables:
    - name: region
      type: String
      value: <+input>.allowedValues(eu-west-1,us-east-1)
    - name: team
      type: String
      value: platform
  stages:
    - stage:
        name: Build
        identifier: build
        type: Custom
        spec:
          execution:
            steps:
              - parallel:
                  - step:
                      name: Say
                      identifier: say
                      type: ShellScript
                      timeout: <+input>
                      spec:
                        shell: Bash
                        onDelegate: true
                        source:
                          type: Inline
                          spec:
                            script: <+input>
`;

const inputSet = (...body: string[]): string =>
  [
    'inputSet:',
    '  name: eu',
    '  identifier: eu',
    '  orgIdentifier: default',
    '  projectIdentifier: web',
    '  pipeline:',
    '    identifier: deploy',
    ...body,
  ].join('\n') + '\n';

function provider(found: FindPipelineResult | undefined, inputSets?: ListInputSetsResult) {
  const asked: (FindPipelineParams | ListInputSetsParams)[] = [];
  const entities: EntityProvider = {
    findPipeline: async (p) => {
      asked.push(p);
      return found;
    },
    listInputSets: async (p) => {
      asked.push(p);
      return inputSets;
    },
  };
  return { entities, asked };
}

let version = 0;
async function validate(text: string, entities?: EntityProvider): Promise<Diagnostic[]> {
  const service = createLanguageService({ entities });
  return service.validate(TextDocument.create(`file:///w/.harness/is-${++version}.yaml`, 'yaml', 1, text));
}
const show = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`).join('\n');

describe('input sets against their pipeline', () => {
  const { entities, asked } = provider({ text: PIPELINE, from: '.harness/deploy.yaml' });

  it('accepts values for runtime inputs, found through parallel blocks, and asks for the pipeline by scope', async () => {
    const ds = await validate(
      inputSet(
        '    variables:',
        '      - name: region',
        '        type: String',
        '        value: us-east-1',
        '    stages:',
        '      - stage:',
        '          identifier: build',
        '          type: Custom',
        '          spec:',
        '            execution:',
        '              steps:',
        '                - step:',
        '                    identifier: say',
        '                    type: ShellScript',
        '                    timeout: 10m',
        '                    spec:',
        '                      source:',
        '                        type: Inline',
        '                        spec:',
        '                          script: echo hi',
      ),
      entities,
    );
    assert.deepEqual(ds, [], show(ds));
    assert.deepEqual(asked[0], {
      uri: asked[0].uri,
      identifier: 'deploy',
      orgIdentifier: 'default',
      projectIdentifier: 'web',
    });
  });

  it('reports a value the pipeline fixes, naming the pipeline and where it was found', async () => {
    const text = inputSet(
      '    variables:',
      '      - name: team',
      '        type: String',
      '        value: web',
    );
    const ds = await validate(text, entities);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'input-not-runtime');
    assert.equal(ds[0].severity, 1);
    assert.match(
      ds[0].message,
      /variable "team" is not a runtime input in pipeline "deploy" \(\.harness\/deploy\.yaml\) \(it is "platform" there\)/,
    );
    assert.equal(ds[0].range.start.line, 10);
  });

  it('reports a stage or step the pipeline does not have, on its identifier', async () => {
    const ds = await validate(
      inputSet('    stages:', '      - stage:', '          identifier: buld', '          type: Custom'),
      entities,
    );
    const e = ds.find((d) => d.code === 'input-not-in-pipeline');
    assert.ok(e, show(ds));
    assert.match(e.message, /stage "buld" is not in pipeline "deploy"/);
    assert.deepEqual([e.range.start.line, e.range.start.character], [9, 22]);
  });

  it('reports a value outside the allowed values of the runtime input', async () => {
    const ds = await validate(
      inputSet('    variables:', '      - name: region', '        type: String', '        value: ap-south-1'),
      entities,
    );
    assert.equal(ds[0]?.code, 'input-not-allowed', show(ds));
    assert.match(ds[0].message, /expected one of eu-west-1, us-east-1/);
  });

  it('still reports misspelled keys of the partial pipeline, with no required keys asked for', async () => {
    const ds = await validate(
      inputSet(
        '    stages:',
        '      - stage:',
        '          identifier: build',
        '          type: Custom',
        '          spec:',
        '            execution:',
        '              steps:',
        '                - step:',
        '                    identifier: say',
        '                    type: ShellScript',
        '                    timout: 10m',
      ),
    );
    assert.ok(
      ds.some((d) => d.code === 'unknown-property' && /did you mean "timeout"/.test(d.message)),
      show(ds),
    );
    assert.ok(!ds.some((d) => d.code === 'missing-required'), show(ds));
  });

  it('checks nothing more when the pipeline is not found or the lookup fails', async () => {
    const text = inputSet(
      '    variables:',
      '      - name: team',
      '        type: String',
      '        value: web',
    );
    assert.deepEqual(await validate(text, provider(undefined).entities), []);
    const failing: EntityProvider = {
      findPipeline: () => Promise.reject(new Error('no client')),
      listInputSets: () => Promise.reject(new Error('no client')),
    };
    assert.deepEqual(await validate(text, failing), []);
  });
});

describe('overlay input sets', () => {
  const overlay = (...refs: string[]) =>
    [
      'overlayInputSet:',
      '  name: eu and prod',
      '  identifier: eu_prod',
      '  orgIdentifier: default',
      '  projectIdentifier: web',
      '  pipelineIdentifier: deploy',
      '  inputSetReferences:',
      ...refs.map((r) => `    - ${r}`),
    ].join('\n') + '\n';

  it('reports a reference that is not an input set of the pipeline when the list is complete', async () => {
    const { entities } = provider(undefined, {
      identifiers: ['eu', 'prod'],
      complete: true,
      from: 'the account',
    });
    const ds = await validate(overlay('eu', 'prd'), entities);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'unknown-input-set');
    assert.match(
      ds[0].message,
      /No input set "prd" for pipeline "deploy" in the account; did you mean "prod"\?/,
    );
    assert.deepEqual([ds[0].range.start.line, ds[0].range.start.character], [8, 6]);
  });

  it('says nothing about references when only workspace files were searched', async () => {
    const { entities } = provider(undefined, { identifiers: ['eu'], complete: false, from: 'the workspace' });
    assert.deepEqual(await validate(overlay('eu', 'prd'), entities), []);
  });

  it('requires inputSetReferences and reports misspelled keys', async () => {
    const ds = await validate(
      [
        'overlayInputSet:',
        '  name: o',
        '  identifier: o',
        '  pipelineIdentifier: deploy',
        '  inputSetReferrences: [eu]',
      ].join('\n'),
    );
    assert.ok(
      ds.some((d) => d.code === 'missing-required' && /inputSetReferences/.test(d.message)),
      show(ds),
    );
    assert.ok(
      ds.some((d) => d.code === 'unknown-property' && /did you mean "inputSetReferences"/.test(d.message)),
      show(ds),
    );
  });
});

describe('allowedValues', () => {
  it('reads plain and quoted lists, and leaves dynamic ones alone', () => {
    assert.deepEqual(allowedValues("<+input>.allowedValues(a, 'b c',d\\,e)"), ['a', 'b c', 'd,e']);
    assert.deepEqual(allowedValues('<+input>.default(a).allowedValues(a,b)'), ['a', 'b']);
    assert.equal(allowedValues('<+input>.allowedValues(<+pipeline.variables.x>)'), undefined);
    assert.equal(allowedValues('<+input>'), undefined);
  });
});
