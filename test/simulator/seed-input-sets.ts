// Seeded input sets of the demo project's "cleanup" pipeline (the one with a required input), so
// the Run dialog and the demo have some to offer: two input sets and an overlay merging both.
// Derived without the PRNG, so adding them left every other seeded value unchanged. Shapes:
// Harness docs "Input sets and overlays" (developer.harness.io/docs/platform/pipelines/input-sets):
// `inputSet:` with the `pipeline:` runtime inputs; `overlayInputSet:` with `inputSetReferences`.
import { stringify } from 'yaml';
import type { SimInputSet } from './model';
import { DEMO_PROJECT } from './seed-cd';

const MINUTE = 60_000;
/** The demo project's pipeline whose `release_note` input has no default. */
export const INPUT_SET_PIPELINE = 'default_project_cleanup';

function inputSet(
  identifier: string,
  name: string,
  pipeline: Record<string, unknown>,
  epoch: number,
  ageMinutes: number,
): SimInputSet {
  const body = {
    inputSet: {
      name,
      identifier,
      orgIdentifier: DEMO_PROJECT.orgIdentifier,
      projectIdentifier: DEMO_PROJECT.projectIdentifier,
      pipeline: { identifier: INPUT_SET_PIPELINE, ...pipeline },
    },
  };
  return base(identifier, name, 'INPUT_SET', stringify(body), [], epoch, ageMinutes);
}

function base(
  identifier: string,
  name: string,
  type: SimInputSet['type'],
  yaml: string,
  references: string[],
  epoch: number,
  ageMinutes: number,
): SimInputSet {
  return {
    identifier,
    name,
    ...DEMO_PROJECT,
    pipelineIdentifier: INPUT_SET_PIPELINE,
    description: '',
    tags: {},
    type,
    yaml,
    references,
    version: 1,
    createdAt: epoch - ageMinutes * MINUTE,
    lastUpdatedAt: epoch - ageMinutes * MINUTE,
  };
}

export function seedInputSets(epoch: number): SimInputSet[] {
  const variable = (name: string, value: string) => ({ name, type: 'String', value });
  const overlay = {
    overlayInputSet: {
      name: 'Nightly, verbose',
      identifier: 'nightly_verbose',
      orgIdentifier: DEMO_PROJECT.orgIdentifier,
      projectIdentifier: DEMO_PROJECT.projectIdentifier,
      pipelineIdentifier: INPUT_SET_PIPELINE,
      inputSetReferences: ['nightly', 'verbose'],
    },
  };
  return [
    inputSet(
      'nightly',
      'Nightly',
      { variables: [variable('target', 'nightly'), variable('release_note', 'Nightly cleanup')] },
      epoch,
      300,
    ),
    inputSet('verbose', 'Verbose logs', { variables: [variable('log_level', 'debug')] }, epoch, 200),
    base(
      'nightly_verbose',
      'Nightly, verbose',
      'OVERLAY_INPUT_SET',
      stringify(overlay),
      ['nightly', 'verbose'],
      epoch,
      100,
    ),
  ];
}
