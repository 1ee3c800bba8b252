// The CI (build) stage and the build-infrastructure pieces it shares with other container-based
// stages (security tests, IDP, IACM).
import { anyValue, bool, list, obj, oneOfValues, ref, shared, str, strList, strMap } from '../build';
import { variables } from '../common';
import type { Definitions, JsonSchema } from '../types';
import { stage } from './node';

const platform = (): JsonSchema =>
  obj(
    'Operating system and CPU architecture of the build machine.',
    {
      os: oneOfValues('Operating system: Linux, MacOS or Windows.', ['Linux', 'MacOS', 'Windows']),
      arch: oneOfValues('CPU architecture: Amd64 or Arm64.', ['Amd64', 'Arm64']),
    },
    { closed: true },
  );

const runtime = (): JsonSchema =>
  obj(
    'Where the build runs when no infrastructure is given: Harness Cloud or a local Docker runner.',
    {
      type: oneOfValues('Cloud (Harness-hosted machines) or Docker (your own runner).', ['Cloud', 'Docker']),
      spec: obj(
        'Runtime settings.',
        {
          size: oneOfValues('Machine size of a Cloud build.', [
            'xsmall',
            'flex',
            'small',
            'medium',
            'large',
            'xlarge',
            'xxlarge',
            'xxxlarge',
          ]),
          imageName: str('Machine image of a Cloud build.'),
          nestedVirtualization: bool('Allow virtual machines inside the build machine.'),
          harnessImageConnectorRef: str('Connector used to pull the Harness internal images.'),
        },
        { closed: true },
      ),
    },
    { required: ['type'], closed: true },
  );

const infrastructure = (): JsonSchema =>
  obj('Where the build runs: your Kubernetes cluster, VM pools, or the infrastructure of an earlier stage.', {
    type: str('Infrastructure kind: KubernetesDirect (your cluster), VM (VM pools), UseFromStage …', {
      examples: ['KubernetesDirect', 'VM', 'UseFromStage'],
    }),
    spec: obj('Infrastructure settings.', {
      connectorRef: str('Kubernetes cluster connector.'),
      namespace: str('Namespace the build pods are created in.'),
      serviceAccountName: str('Kubernetes service account of the build pod.'),
      automountServiceAccountToken: bool('Mount the service account token into the pod.'),
      nodeSelector: strMap('Node labels the pod must be scheduled on.'),
      annotations: strMap('Kubernetes annotations added to the pod.'),
      labels: strMap('Labels added to the pod or image.'),
      os: oneOfValues('Node operating system.', ['Linux', 'MacOS', 'Windows']),
      initTimeout: str('How long to wait for the build pod to start.'),
      harnessImageConnectorRef: str('Connector used to pull the Harness internal images.'),
      tolerations: list('Kubernetes tolerations of the build pod.', anyValue('One toleration.')),
      volumes: list(
        'Volumes mounted into every container.',
        anyValue('One volume: mountPath, type and spec.'),
      ),
      containerSecurityContext: anyValue('Security context of the step containers.'),
      priorityClassName: str('Priority class of the build pod.'),
      hostNames: strList('Extra host names.', 'A host name.'),
      podSpecOverlay: str('YAML merged into the generated pod spec.'),
      imagePullPolicy: oneOfValues('Image pull policy.', ['Always', 'Never', 'IfNotPresent']),
      runAsUser: { type: ['integer', 'string'], description: 'User ID of the containers.' },
      type: str('VM pool kind (Pool).'),
      spec: anyValue('VM pool settings: poolName, os.'),
      poolName: str('VM pool name.'),
      identifier: str('VM pool identifier.'),
    }),
    useFromStage: str('Identifier of the stage whose infrastructure is reused.'),
  });

export const buildStageFields = (): Record<string, JsonSchema> => ({
  cloneCodebase: bool('Clone the pipeline codebase (properties.ci.codebase) into the workspace first.'),
  platform: shared('BuildPlatform', platform),
  runtime: shared('BuildRuntime', runtime),
  infrastructure: shared('BuildInfrastructure', infrastructure),
  sharedPaths: strList('Directories shared by all steps (besides the workspace).', 'A path.'),
  execution: ref('Execution', 'The build steps.'),
});

export const ciStageDefinitions: Definitions = {};
stage(
  ciStageDefinitions,
  'CI',
  'Builds and tests code (continuous integration).',
  {
    ...buildStageFields(),
    caching: obj(
      'Cache Intelligence: automatic dependency caching.',
      {
        enabled: bool('Turn automatic caching on.'),
        key: str('Custom cache key.'),
        paths: strList('Extra paths to cache.', 'A path.'),
        policy: oneOfValues('pull, push or pull-push.', ['pull', 'push', 'pull-push']),
        override: bool('Overwrite the cache even when the key exists.'),
      },
      { closed: true },
    ),
    buildIntelligence: obj(
      'Build Intelligence: reuse build outputs (Gradle, Bazel, Maven).',
      { enabled: bool('Turn Build Intelligence on.') },
      { closed: true },
    ),
    serviceDependencies: list(
      'Service containers started before the steps (older form of Background steps).',
      obj(
        'One service container.',
        {
          identifier: str('Identifier of the service.'),
          name: str('Name of the service.'),
          type: oneOfValues('Always Service.', ['Service']),
          description: str('What the service is for.'),
          spec: anyValue('Container settings: image, connectorRef, envVariables, resources …'),
        },
        { required: ['identifier', 'type'] },
      ),
    ),
    slsa_provenance: anyValue('SLSA provenance generation settings.'),
    serviceConfig: anyValue('Older service block kept by some exported CI pipelines.'),
  },
  {
    node: {
      pipelineVariables: variables('pipeline'),
    },
  },
);
