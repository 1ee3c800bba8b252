// The `template:` root: a template of each type, its spec checked as the entity it templates.
// Facts from harness/harness-schema v0/template/ (template_config.yaml lists the template types;
// step/, stage/, stepgroup/, pipeline/ template.yaml give the root keys: identifier, name, type,
// versionLabel (required, pattern ^[0-9a-zA-Z][^\s/&]{0,127}$), variables, allowedOverrides,
// spec, tags, description, icon) and the Harness docs "Templates overview". A template's spec is
// the templated entity without the identifier and name the template itself carries.
import { anyValue, list, obj, oneOfValues, ref, str, typeConst, union } from './build';
import { description, identifier, name, tags } from './common';
import type { Definitions, JsonSchema } from './types';

/** A reference to `definition` whose identifier and name may be left out. */
const templated = (definition: string, what: string): JsonSchema => ({
  $ref: `#/definitions/${definition}`,
  description: `The ${what} this template stands for, written as in a pipeline without its identifier and name (the template's). Runtime inputs (<+input>) become the template's inputs.`,
  'x-harness-optional': ['identifier', 'name'],
});

const overrides = (values: string[]): JsonSchema =>
  list(
    'Settings a pipeline using this template may change from the template: each value unlocks one kind of override.',
    oneOfValues('One overridable setting.', values),
  );

/** The keys every template has, with its type schema and its spec, in completion order. */
const templateObject = (
  description_: string,
  type: JsonSchema,
  spec: JsonSchema,
  extra: Record<string, JsonSchema> = {},
): JsonSchema =>
  obj(
    description_,
    {
      name: name('template'),
      identifier: identifier('template'),
      versionLabel: str(
        'Version of the template, e.g. v1 or 1.0.0: starts with a letter or digit; no spaces, "/" or "&". Pipelines pin a version or use the stable one.',
        { pattern: '^[0-9a-zA-Z][^\\s/&]{0,127}$' },
      ),
      type,
      projectIdentifier: str('Project of a project-scope template.'),
      orgIdentifier: str('Organization of an org- or project-scope template.'),
      description: description('template'),
      tags: tags('template'),
      icon: str('Icon shown for the template (a data URL).'),
      variables: list(
        'Template variables: inputs the template declares, read as <+template.variables.NAME>.',
        ref('Variable', 'One variable.'),
      ),
      spec,
      ...extra,
    },
    { required: ['name', 'identifier', 'versionLabel', 'type'], closed: true },
  );

/** A template of one type: its type pinned, its spec checked as what it templates. */
const templateOf = (
  type: string,
  what: string,
  spec: JsonSchema,
  extra: Record<string, JsonSchema> = {},
): JsonSchema =>
  templateObject(`A ${what} template.`, typeConst(type, `What the template defines: ${type}.`), spec, extra);

/**
 * Template definitions. `stepGroup` is the step group definition of the bundled schema: a step
 * group template's spec has its keys (without identifier and name) plus `stageType`.
 */
export function templateDefinitions(stepGroup: JsonSchema): Definitions {
  const stepGroupKeys = { ...(stepGroup.properties ?? {}) };
  delete stepGroupKeys.identifier;
  delete stepGroupKeys.name;
  const types: Definitions = {
    Template_Step: templateOf('Step', 'step', templated('Step', 'step'), {
      allowedOverrides: overrides([
        'ConditionalExecution',
        'LoopingStrategy',
        'FailureStrategy',
        'PolicyEnforcement',
        'DelegateSelectors',
      ]),
    }),
    Template_Stage: templateOf('Stage', 'stage', templated('Stage', 'stage'), {
      allowedOverrides: overrides([
        'ConditionalExecution',
        'LoopingStrategy',
        'ExecutionStrategy',
        'FailureStrategy',
        'DelegateSelectors',
      ]),
    }),
    Template_Pipeline: templateOf('Pipeline', 'pipeline', templated('Pipeline', 'pipeline')),
    Template_StepGroup: templateOf(
      'StepGroup',
      'step group',
      obj(
        'The step group this template stands for, without its identifier and name, and the stage type it fits.',
        {
          stageType: oneOfValues('Kind of stage the step group can be used in.', [
            'Deployment',
            'CI',
            'Custom',
            'Approval',
            'IACM',
            'SecurityTests',
            'FeatureFlag',
            'IDP',
          ]),
          ...stepGroupKeys,
        },
        { closed: true },
      ),
    ),
    // Harness docs "Custom deployments using Deployment Templates": infrastructure (variables,
    // fetchInstancesScript, instanceAttributes, instancesListPath) and execution.stepTemplateRefs.
    Template_CustomDeployment: templateOf(
      'CustomDeployment',
      'deployment (custom deployment type)',
      obj('How Harness finds the instances of a custom deployment type and the step templates it runs.', {
        infrastructure: obj(
          'Variables, the script that lists the instances, and where their attributes are in its output.',
          {
            // harness-core CustomDeploymentNGVariable: pipeline variable types plus Connector.
            variables: list(
              'Infrastructure variables: String, Number, Secret or Connector.',
              ref('InfraVariable', 'One variable.'),
            ),
            fetchInstancesScript: anyValue(
              'The script that writes the instance list to $INSTANCE_OUTPUT_PATH: store (Inline content or a file store).',
            ),
            instanceAttributes: list(
              'Attributes read from each instance of the output.',
              obj(
                'One attribute.',
                {
                  name: str('Attribute name (instancename is required among them).'),
                  jsonPath: str('JSON path of the attribute in an instance.'),
                  description: str('What the attribute is.'),
                },
                { required: ['name', 'jsonPath'], closed: true },
              ),
            ),
            instancesListPath: str('JSON path of the instance list in the script output.'),
          },
        ),
        execution: obj('Steps this deployment type runs.', {
          stepTemplateRefs: list(
            'Step templates the deployment type may use.',
            str('A step template reference.'),
          ),
        }),
      }),
    ),
    Template_ArtifactSource: templateOf(
      'ArtifactSource',
      'artifact source',
      obj('An artifact source: its type (DockerRegistry, Ecr, Gcr, …) and settings.', {
        type: str('Artifact source type, e.g. DockerRegistry, Ecr, ArtifactoryRegistry.'),
        spec: anyValue('Settings of the artifact source: connectorRef, imagePath, tag …'),
      }),
    ),
    Template_SecretManager: templateOf(
      'SecretManager',
      'custom secret manager',
      anyValue('The script (a shell script step spec) that fetches a secret, with its inputs.'),
    ),
    Template_MonitoredService: templateOf(
      'MonitoredService',
      'monitored service',
      anyValue('The monitored service: health sources, change sources and variables.'),
    ),
    Template_Notification: templateOf(
      'Notification',
      'notification',
      anyValue('The notification: channel and message.'),
    ),
    Template_Workspace: templateOf(
      'Workspace',
      'IaCM workspace',
      anyValue('The IaCM workspace settings: provisioner, repository, connectors and variables.'),
    ),
  };
  return {
    ...types,
    Template: union(
      'A reusable template of a pipeline, stage, step group, step or other entity. Its type decides what its spec is.',
      Object.keys(types),
      'template',
      { unknownIsWarning: true, unknownBranch: 'TemplateOfUnknownType' },
    ),
    TemplateOfUnknownType: templateObject(
      'A template of a type the bundled schema does not know: only the keys every template has are checked.',
      str('What the template defines.'),
      anyValue('The templated entity.'),
      { allowedOverrides: list('Settings a pipeline may override.', str('One setting.')) },
    ),
  };
}
