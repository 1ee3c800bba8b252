// The step node every step type shares (identifier, name, timeout, when, …) and helpers for
// fields that recur in many step specs.
import { anyValue, bool, obj, oneOfValues, shared, sharedFields, str, strList, typeConst } from '../build';
import {
  containerResources,
  delegateSelectors,
  description,
  envMap,
  failureStrategies,
  identifier,
  name,
  skipCondition,
  timeoutField,
} from '../common';
import type { Definitions, JsonSchema } from '../types';

export interface StepOptions {
  /** Keys of `spec` that must be present. */
  required?: string[];
  /** true when every spec key is listed, so misspelled keys are reported. */
  closed?: boolean;
  /** Whether the step needs a `spec` block at all (almost all do). */
  specRequired?: boolean;
  /** Extra node-level keys (next to type and spec). */
  node?: Record<string, JsonSchema>;
  /** Store the spec once under this definition name (several step types with the same spec). */
  sharedSpec?: string;
}

export const definitionName = (type: string): string => `Step_${type}`;

/**
 * Step types defined elsewhere without `closed` whose spec key lists were checked complete
 * later (every key Harness documents is listed): unknown keys in their specs are reported too.
 */
const checkedComplete: ReadonlySet<string> = new Set([
  'Http',
  'Email',
  'Container',
  'RunTests',
  'S3Upload',
  'GCSUpload',
  'ArtifactoryUpload',
  'HelmDeploy',
  'HelmRollback',
  'TerraformPlan',
  'TerraformApply',
  'TerraformDestroy',
  'TerraformRollback',
  'EcsRollingDeploy',
  'EcsRollingRollback',
  'EcsCanaryDeploy',
  'EcsCanaryDelete',
  'EcsBlueGreenSwapTargetGroups',
  'AwsLambdaDeploy',
  'AwsLambdaRollback',
  'ServerlessAwsLambdaDeploy',
  'Command',
  'JenkinsBuild',
  'DownloadManifests',
  'CloudFunctionTrafficShift',
  'DeployCloudFunctionWithNoTraffic',
]);

/**
 * The keys every step has next to `type` and `spec`, in the order completion lists them: a step
 * of a known type and a step of a type the bundled schema does not know both check these.
 */
const stepNodeFields = (type: JsonSchema): Record<string, JsonSchema> => ({
  identifier: shared('StepIdentifier', () => identifier('step')),
  name: shared('StepName', () => name('step')),
  type,
  description: shared('StepDescription', () => description('step')),
  timeout: shared('StepTimeout', () => timeoutField('step')),
  when: { $ref: '#/definitions/StepWhen' },
  failureStrategies: shared('StepFailureStrategies', () => failureStrategies('step')),
  strategy: { $ref: '#/definitions/Strategy' },
  skipCondition: skipCondition(),
  delegateSelectors: shared('DelegateSelectors', delegateSelectors),
  enforce: shared('StepEnforce', () =>
    obj(
      'Policies evaluated against this step before it runs.',
      { policySets: strList('Identifiers of the policy sets to enforce.', 'A policy set identifier.') },
      { required: ['policySets'], closed: true },
    ),
  ),
});

/**
 * A step definition: its `type`, `spec` and own node keys, plus the keys every step has, which
 * are stored once (StepNode, through allOf) instead of in each of the 300-odd step types.
 */
function stepNode(
  summary: string,
  type: JsonSchema,
  own: Record<string, JsonSchema>,
  required: string[],
): JsonSchema {
  const { type: _type, ...common } = stepNodeFields(str(''));
  return {
    type: 'object',
    description: summary,
    allOf: [shared('StepCommonKeys', () => obj('The keys every step has.', common))],
    properties: { type, ...own },
    required: ['identifier', 'name', 'type', ...required],
    additionalProperties: false,
  };
}

/** Defines one step type: `Step_<type>` with the shared node keys and its own `spec`. */
export function step(
  defs: Definitions,
  type: string,
  summary: string,
  spec: Record<string, JsonSchema>,
  opts: StepOptions = {},
): void {
  const key = definitionName(type);
  if (defs[key]) throw new Error(`step type ${type} defined twice`);
  const makeSpec = (what: string): JsonSchema =>
    obj(what, spec, { required: opts.required, closed: opts.closed ?? checkedComplete.has(type) });
  // Step types with identical specs (scanners, apply/destroy) share one definition.
  const specSchema = opts.sharedSpec
    ? shared(opts.sharedSpec, () => makeSpec('Settings of this step.'))
    : makeSpec(`Settings of the ${type} step.`);
  defs[key] = stepNode(summary, typeConst(type, 'Step type.'), { ...opts.node, spec: specSchema }, [
    ...(opts.specRequired === false ? [] : ['spec']),
  ]);
}

/**
 * Defines several step types that share one spec as one definition, `Step_<family>`, whose
 * `type` is any of them: a family costs one definition however many types it has. `types` maps
 * each type to what it does (shown on hover of the type value).
 */
export function stepFamily(
  defs: Definitions,
  family: string,
  types: Record<string, string>,
  summary: string,
  spec: Record<string, JsonSchema>,
  opts: Pick<StepOptions, 'required' | 'closed'> & { specSchema?: JsonSchema } = {},
): void {
  const key = definitionName(family);
  if (defs[key]) throw new Error(`step family ${family} defined twice`);
  const names = Object.keys(types);
  const type: JsonSchema = {
    type: 'string',
    enum: names,
    description: `Step type: ${names.map((t) => `${t} (${types[t]})`).join('; ')}.`,
  };
  const specSchema =
    opts.specSchema ?? obj('Settings of this step.', spec, { required: opts.required, closed: opts.closed });
  defs[key] = stepNode(summary, type, { spec: specSchema }, ['spec']);
}

/**
 * Node-level keys that only some step types have (ShellScript `identities` …): the keys of the
 * given step definitions beyond the shared node keys and `spec`, first definition first.
 */
function nodeExtras(stepDefinitions: Definitions): Record<string, JsonSchema> {
  const common = new Set([...Object.keys(stepNodeFields(str(''))), 'spec']);
  const extras: Record<string, JsonSchema> = {};
  for (const def of Object.values(stepDefinitions))
    for (const [k, v] of Object.entries(def.properties ?? {})) if (!common.has(k)) extras[k] ??= v;
  return extras;
}

/**
 * A step whose type the bundled schema does not know (a misspelling, or a type Harness has and
 * the bundled schema lacks): its keys are the ones any step may have (those of `stepDefinitions`),
 * checked as for every step, so `timout:` or a missing name is still reported; its spec is left
 * unchecked.
 */
export const unknownTypeStep = (stepDefinitions: Definitions): JsonSchema =>
  obj(
    'A step of a type the bundled schema does not know: the keys every step has are checked, its spec is not.',
    {
      ...stepNodeFields(str('Step type.')),
      ...nodeExtras(stepDefinitions),
      spec: anyValue(
        'Settings of the step; not checked, since the bundled schema does not know this step type.',
      ),
    },
    { required: ['identifier', 'name', 'type'], closed: true },
  );

export const connectorRef = (what: string): JsonSchema =>
  str(`Connector for ${what} (org. or account. prefix for other scopes).`);

export const imagePullPolicy = (): JsonSchema =>
  shared('ImagePullPolicy', () =>
    oneOfValues('When to pull the image: Always, Never or IfNotPresent.', [
      'Always',
      'Never',
      'IfNotPresent',
    ]),
  );

const runAsUser = (): JsonSchema =>
  shared('RunAsUser', () => ({
    type: ['integer', 'string'],
    description: 'User ID the container processes run as.',
  }));

export const shellKinds = (): JsonSchema =>
  oneOfValues('Shell that runs the command.', ['Sh', 'Bash', 'Powershell', 'Pwsh', 'Python']);

export const reports = (): JsonSchema =>
  obj(
    'Test reports to collect after the command.',
    {
      type: oneOfValues('Report format (JUnit XML).', ['JUnit']),
      spec: obj(
        'Where the reports are.',
        { paths: strList('Glob patterns of the report files.', 'A glob such as **/*.xml.') },
        { closed: true },
      ),
    },
    { required: ['type', 'spec'], closed: true },
  );

/** Fields of every step that runs in its own container (CI steps, container-based CD steps). */
export const containerFields = (_what?: string): Record<string, JsonSchema> =>
  sharedFields('Container', {
    connectorRef: connectorRef('the registry the step image is pulled from'),
    image: str('Container image the step runs in, e.g. node:20 or alpine:3.'),
    imagePullPolicy: imagePullPolicy(),
    privileged: bool('Run the container in privileged mode.'),
    runAsUser: runAsUser(),
    resources: containerResources(),
  });

/** Fields of plugin-backed CI steps (build/push, cache, upload). */
export const pluginStepFields = (): Record<string, JsonSchema> =>
  sharedFields('Plugin', {
    resources: containerResources(),
    runAsUser: runAsUser(),
    baseImageConnectorRefs: strList(
      'Connectors used to pull the step base images.',
      'A connector reference.',
    ),
  });

/** The UI's own bookkeeping field found in several specs. */
export const uiMetadata = (): JsonSchema =>
  shared('UiMetadata', () => str('Internal metadata kept by the Harness UI.'));

export const stepDelegates = (): Record<string, JsonSchema> => ({
  delegateSelectors: shared('DelegateSelectors', delegateSelectors),
});

export { envMap, runAsUser };
