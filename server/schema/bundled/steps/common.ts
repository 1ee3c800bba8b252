// Step types every stage family can use: scripts, HTTP calls, waits, e-mail, barriers,
// queues, containers and policy checks.
import { anyValue, bool, list, obj, oneOfValues, ref, str, strList, strMap, timeout } from '../build';
import { containerResources, inputVariables, outputVariables } from '../common';
import type { Definitions } from '../types';
import {
  connectorRef,
  containerFields,
  envMap,
  imagePullPolicy,
  reports,
  shellKinds,
  step,
  stepDelegates,
  uiMetadata,
} from './node';

export const commonStepDefinitions: Definitions = {};
const d = commonStepDefinitions;

const outputAlias = obj(
  'Publishes the step outputs under a short name visible to the whole pipeline, stage or step group.',
  {
    key: str('Alias name; read outputs with <+exportedVariables.getValue("SCOPE.KEY.NAME")>.'),
    scope: oneOfValues('Where the alias is visible.', ['Pipeline', 'Stage', 'StepGroup']),
  },
  { required: ['key', 'scope'], closed: true },
);

step(
  d,
  'ShellScript',
  'Runs a Bash or PowerShell script on a delegate or on a target host.',
  {
    shell: oneOfValues('Script language: Bash or PowerShell.', ['Bash', 'PowerShell']),
    source: ref('ScriptSource', 'The script: inline text or a file from the Harness file store.'),
    onDelegate: bool('Run on the delegate (true) or on the host named in executionTarget (false).'),
    executionTarget: obj(
      'Remote host that runs the script when onDelegate is false.',
      {
        host: str('Host name or IP address.'),
        connectorRef: connectorRef('SSH or WinRM credentials (a secret reference)'),
        workingDirectory: str('Directory the script starts in on the host.'),
      },
      { closed: true },
    ),
    environmentVariables: inputVariables(),
    outputVariables: outputVariables(),
    outputAlias,
    includeInfraSelectors: bool('Also use the delegate selectors of the stage infrastructure.'),
    metadata: uiMetadata(),
    ...stepDelegates(),
  },
  {
    required: ['shell', 'source'],
    closed: true,
    node: { identities: anyValue('Workload identities the script runs with (e.g. cloud OIDC credentials).') },
  },
);

step(
  d,
  'Http',
  'Calls an HTTP endpoint and optionally asserts on the response.',
  {
    url: str('Address to call; may contain expressions.'),
    method: str('HTTP method: GET, POST, PUT, DELETE, HEAD, OPTIONS or PATCH.', {
      examples: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH'],
    }),
    headers: list(
      'Request headers.',
      obj(
        'One header.',
        { key: str('Header name.'), value: str('Header value.') },
        { required: ['key'], closed: true },
      ),
    ),
    requestBody: str('Body sent with the request.'),
    assertion: str(
      'JEXL expression that must be true for the step to succeed, e.g. <+httpResponseCode> == 200.',
    ),
    inputVariables: inputVariables(),
    outputVariables: outputVariables(),
    certificate: str('Client certificate (PEM) for mutual TLS.'),
    certificateKey: str('Private key of the client certificate.'),
    outputAlias,
    metadata: uiMetadata(),
    ...stepDelegates(),
  },
  { required: ['url', 'method'] },
);

step(
  d,
  'Wait',
  'Pauses the pipeline for a fixed time (it can be ended early from the UI).',
  {
    duration: timeout('How long to wait, e.g. 10m.'),
    metadata: uiMetadata(),
  },
  { required: ['duration'], closed: true },
);

step(
  d,
  'Email',
  'Sends an e-mail.',
  {
    to: str('Recipients, comma-separated.'),
    cc: str('Copy recipients, comma-separated.'),
    toUserGroups: strList('User groups that receive the mail.', 'A user group identifier.'),
    ccUserGroups: strList('User groups copied on the mail.', 'A user group identifier.'),
    subject: str('Subject line.'),
    body: str('Message text (HTML allowed).'),
    fireAndForget: bool('Do not wait for delivery before continuing.'),
    inputVariables: inputVariables(),
    ...stepDelegates(),
  },
  { required: ['subject'] },
);

step(
  d,
  'Barrier',
  'Waits until every stage that uses the same barrier reaches it, synchronising parallel stages.',
  { barrierRef: str('Identifier of a barrier declared in the pipeline flowControl.barriers list.') },
  { required: ['barrierRef'], closed: true },
);

step(
  d,
  'Queue',
  'Lets only one execution at a time pass this point for a given key (resource constraint).',
  {
    key: str('Resource key; executions with the same key queue up.'),
    scope: oneOfValues('Whether the lock is held until the pipeline or the stage ends.', [
      'Pipeline',
      'Stage',
    ]),
  },
  { required: ['key', 'scope'], closed: true },
);

step(
  d,
  'Container',
  'Runs a command in a container image on your own Kubernetes cluster (outside a CI stage).',
  {
    ...containerFields('container'),
    command: str('Commands to run.'),
    shell: shellKinds(),
    entrypoint: strList('Overrides the image entrypoint.', 'An entrypoint argument.'),
    envVariables: envMap(),
    outputVariables: outputVariables(),
    reports: reports(),
    settings: anyValue('Plugin-style settings passed to the container.'),
    metadata: uiMetadata(),
    imagePullPolicy: imagePullPolicy(),
    infrastructure: obj(
      'Where the container runs.',
      {
        type: oneOfValues('Infrastructure kind.', ['KubernetesDirect', 'VM']),
        spec: obj(
          'Cluster settings.',
          {
            connectorRef: connectorRef('the Kubernetes cluster'),
            namespace: str('Namespace the pod is created in.'),
            resources: containerResources(),
            serviceAccountName: str('Kubernetes service account of the pod.'),
            nodeSelector: strMap('Node labels the pod must be scheduled on.'),
            annotations: strMap('Kubernetes annotations added to the pod.'),
            labels: strMap('Labels added to the pod or image.'),
            os: oneOfValues('Node operating system.', ['Linux', 'MacOS', 'Windows']),
            initTimeout: timeout('How long to wait for the pod to start.'),
          },
          { required: ['connectorRef'] },
        ),
      },
      { required: ['type', 'spec'] },
    ),
  },
  { required: ['image', 'command', 'infrastructure'] },
);

step(
  d,
  'Policy',
  'Evaluates OPA policy sets against a JSON payload and fails on violations.',
  {
    type: oneOfValues('Payload kind (Custom: a JSON payload given here).', ['Custom']),
    policySets: strList('Policy sets to evaluate.', 'A policy set identifier.'),
    policySpec: obj('The payload to evaluate.', { payload: str('JSON document the policies examine.') }),
    metadata: uiMetadata(),
  },
  { required: ['policySets'] },
);
