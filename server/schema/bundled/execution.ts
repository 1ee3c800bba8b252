// How steps are arranged inside a stage: the execution block, step/parallel/stepGroup
// wrappers, step groups and the step union (one union for every stage type; the bundled
// schema does not restrict which step types each stage family accepts).
import { bool, list, obj, ref, strList, anyValue, str, union, oneOfValues } from './build';
import {
  delegateSelectors,
  description,
  failureStrategies,
  identifier,
  name,
  skipCondition,
  stepWhen,
  strategy,
  templateLink,
  timeoutField,
  variables,
} from './common';
import type { Definitions, JsonSchema } from './types';
import { unknownTypeStep } from './steps/node';

export const stepsList = (what: string): JsonSchema =>
  list(what, ref('StepWrapper', 'A step, a parallel block or a step group.'));

/** Builds the execution-related definitions from all step definitions. */
export function executionDefinitions(stepDefinitions: Definitions): Definitions {
  const stepDefinitionNames = Object.keys(stepDefinitions);
  return {
    Execution: obj(
      'The steps of a stage and the steps that undo them.',
      {
        steps: stepsList('Steps run in order (a parallel block runs its members together).'),
        rollbackSteps: stepsList(
          'Steps run when the stage rolls back, e.g. after a failure strategy chose StageRollback.',
        ),
      },
      { required: ['steps'], closed: true },
    ),
    StepWrapper: obj(
      'One entry of a steps list: exactly one of step, parallel, stepGroup or insert.',
      {
        step: ref('Step', 'A single step; its type decides what spec it takes.'),
        parallel: stepsList('Steps (or step groups) that run at the same time.'),
        insert: ref('StepInsert', 'A named block of steps inserted into a template at this point.'),
        stepGroup: ref(
          'StepGroup',
          'A named group of steps sharing conditions, failure strategies, looping and container infrastructure.',
        ),
        // In Harness's own sample YAML (e.g. the ECS blue-green traffic shifting page) beside `step:`.
        contextType: str(
          'Where the entry was created (Pipeline, StageTemplate …); written by the Harness UI.',
        ),
      },
      { closed: true },
    ),
    Step: union(
      'A step. Its type decides the spec; a step that uses a template has a template block instead of type and spec.',
      [...stepDefinitionNames, 'StepTemplate'],
      'step',
      { unknownIsWarning: true, unknownBranch: 'StepOfUnknownType' },
    ),
    StepOfUnknownType: unknownTypeStep(stepDefinitions),
    StepTemplate: obj(
      'A step created from a step template.',
      {
        identifier: identifier('step'),
        name: name('step'),
        description: description('step'),
        timeout: timeoutField('step'),
        when: stepWhen(),
        failureStrategies: failureStrategies('step'),
        strategy: strategy('step'),
        template: templateLink('step'),
        skipCondition: skipCondition(),
        delegateSelectors: delegateSelectors(),
      },
      { required: ['identifier', 'name', 'template'], closed: true },
    ),
    StepInsert: obj(
      'Steps added at an insertion point of a pipeline or stage template.',
      {
        identifier: identifier('insert block'),
        name: name('insert block'),
        steps: stepsList('Steps of the block.'),
      },
      { required: ['identifier', 'name', 'steps'], closed: true },
    ),
    StepGroup: obj(
      'A group of steps.',
      {
        identifier: identifier('step group'),
        name: name('step group'),
        description: description('step group'),
        steps: stepsList('Steps of the group.'),
        rollbackSteps: stepsList('Steps run when the group rolls back.'),
        when: stepWhen(),
        skipCondition: skipCondition(),
        failureStrategies: failureStrategies('step group'),
        strategy: strategy('step group'),
        variables: variables('stepGroup'),
        delegateSelectors: delegateSelectors(),
        timeout: timeoutField('step group'),
        sharedPaths: strList('Directories shared between the containers of the group.', 'A path.'),
        stepGroupInfra: obj(
          'Runs the group in containers on your own Kubernetes cluster (container step groups).',
          {
            type: oneOfValues('Infrastructure kind.', ['KubernetesDirect', 'VM']),
            spec: anyValue('Cluster settings: connectorRef, namespace, serviceAccountName, nodeSelector …'),
          },
          { required: ['type'] },
        ),
        platform: anyValue('Operating system and architecture of the group containers.'),
        template: templateLink('step group'),
      },
      { required: ['identifier', 'name'], closed: true },
    ),
  };
}

export const useFromStage = (what: string): JsonSchema =>
  obj(
    `Reuse the ${what} of an earlier stage.`,
    {
      stage: str('Identifier of that stage.'),
      overrides: anyValue(`Changes to the reused ${what} for this stage.`),
      metadata: str('Internal metadata kept by the Harness UI.'),
    },
    { required: ['stage'], closed: true },
  );

export const parallelFlag = (): JsonSchema =>
  obj(
    'How multiple entries are deployed.',
    { parallel: bool('Deploy them at the same time instead of one after another.') },
    { closed: true },
  );
