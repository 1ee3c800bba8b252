// The remaining stage types: approval, custom, chained pipeline, feature flags, security tests,
// infrastructure as code, developer portal, dynamic, disaster-recovery and load tests; plus the
// template stage (no type) and the stage union.
import { anyValue, list, obj, ref, str, strList, union } from '../build';
import {
  description,
  identifier,
  name,
  stageWhen,
  tags,
  templateLink,
  variables,
  failureStrategies,
  strategy,
  delegateSelectors,
  skipCondition,
} from '../common';
import type { Definitions, JsonSchema } from '../types';
import { buildStageFields } from './ci';
import { stage, stageDefinitionName, unknownTypeStage } from './node';

export const otherStageDefinitions: Definitions = {};
const d = otherStageDefinitions;
const execution = (what: string): JsonSchema => ref('Execution', what);

stage(
  d,
  'Approval',
  'Waits for approvals (Harness, Jira, ServiceNow, custom) before later stages run.',
  {
    execution: execution(
      'Approval steps, usually one HarnessApproval, JiraApproval or ServiceNowApproval step.',
    ),
  },
  { required: ['execution'], closed: true },
);

stage(
  d,
  'Custom',
  'A general-purpose stage for scripts, HTTP calls, approvals and other non-build steps.',
  {
    execution: execution('Steps of the stage.'),
    environment: ref('EnvironmentUse', 'Optional environment (and infrastructure) the steps work against.'),
  },
  { required: ['execution'], closed: true },
);

stage(
  d,
  'Pipeline',
  'Runs another pipeline as a stage (pipeline chaining).',
  {
    org: str('Organization of the child pipeline.'),
    project: str('Project of the child pipeline.'),
    pipeline: str('Identifier of the child pipeline.'),
    inputs: anyValue('Runtime inputs passed to the child pipeline, in the shape of that pipeline.'),
    inputSetReferences: strList('Input sets of the child pipeline to apply.', 'An input set identifier.'),
    pipelineInputs: anyValue('Inputs for a v1 child pipeline.'),
    outputs: list(
      'Values of the child pipeline made available to this pipeline.',
      obj(
        'One output.',
        {
          name: str('Output name; read it as <+pipeline.stages.STAGE.output.NAME>.'),
          value: str('Expression evaluated in the child pipeline.'),
        },
        { required: ['name', 'value'], closed: true },
      ),
    ),
  },
  { required: ['org', 'project', 'pipeline'], closed: true },
);

stage(
  d,
  'FeatureFlag',
  'Changes feature flags in a Feature Flags environment.',
  {
    execution: execution('Feature flag steps.'),
  },
  { required: ['execution'], closed: true },
);

stage(d, 'SecurityTests', 'Runs security scanners (Security Testing Orchestration).', {
  ...buildStageFields(),
  serviceDependencies: list(
    'Service containers started before the steps.',
    anyValue('One service container.'),
  ),
});

stage(
  d,
  'IACM',
  'Plans and applies infrastructure as code against an IACM workspace.',
  {
    ...buildStageFields(),
    workspace: str('IACM workspace identifier.'),
    moduleId: str('Module under test (module testing pipelines).'),
    serviceDependencies: list(
      'Service containers started before the steps.',
      anyValue('One service container.'),
    ),
  },
  { required: ['execution'] },
);

stage(d, 'IDP', 'Runs Internal Developer Portal workflows (repository creation, catalog registration …).', {
  ...buildStageFields(),
  serviceDependencies: list(
    'Service containers started before the steps.',
    anyValue('One service container.'),
  ),
});

stage(d, 'Dynamic', 'A stage whose definition is produced at run time from a source.', {
  source: str('Where the stage definition comes from.'),
  sourceConfig: anyValue('Settings of the source (type and spec).'),
});

stage(
  d,
  'DRTest',
  'Disaster-recovery test stage.',
  {
    execution: execution('Steps of the test.'),
  },
  { required: ['execution'], node: { objective: anyValue('Recovery objectives of the test.') } },
);

stage(
  d,
  'CompositeLoadTest',
  'Combines load tests with other steps.',
  {
    execution: execution('Steps of the test.'),
  },
  { required: ['execution'] },
);

export const stageTypes = Object.keys(d).map((k) => k.slice('Stage_'.length));

export function stageUnionDefinitions(stageDefinitions: Definitions): Definitions {
  const stageDefinitionNames = Object.keys(stageDefinitions);
  return {
    Stage: union(
      'A stage. Its type decides the spec; a stage that uses a template has a template block instead of type and spec.',
      [...stageDefinitionNames, 'StageTemplate'],
      'stage',
      { unknownBranch: 'StageOfUnknownType' },
    ),
    StageOfUnknownType: unknownTypeStage(stageDefinitions),
    StageTemplate: obj(
      'A stage created from a stage template.',
      {
        identifier: identifier('stage'),
        name: name('stage'),
        description: description('stage'),
        tags: tags('stage'),
        template: templateLink('stage'),
        when: stageWhen(),
        variables: variables('stage'),
        failureStrategies: failureStrategies('stage'),
        strategy: strategy('stage'),
        delegateSelectors: delegateSelectors(),
        skipCondition: skipCondition(),
      },
      { required: ['identifier', 'name', 'template'], closed: true },
    ),
    StageWrapper: obj(
      'One entry of the stages list: a stage, a parallel block of stages or an insert block.',
      {
        stage: ref('Stage', 'A stage.'),
        parallel: list('Stages that run at the same time.', ref('StageWrapper', 'A stage.')),
        insert: obj(
          'Stages added at an insertion point of a pipeline template.',
          {
            identifier: identifier('insert block'),
            name: name('insert block'),
            stages: list('Stages of the block.', ref('StageWrapper', 'A stage or a parallel block.')),
          },
          { required: ['identifier', 'name', 'stages'], closed: true },
        ),
      },
      { closed: true },
    ),
  };
}

export { stageDefinitionName };
