// Services, environments and infrastructure definitions through the real engine: realistic
// files written for this test (after the shapes developer.harness.io documents) validate
// cleanly, and seeded mistakes give the code, message and exact range a user needs.
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { stringify } from 'yaml';
import { createEngine } from '../../../../server/engine';
import { bundledPipelineSchema } from '../../../../server/schema/bundled/index';
import type { JsonSchema } from '../../../../server/schema/bundled/types';

const engine = createEngine();
let version = 0;
const validate = (text: string): Diagnostic[] =>
  engine.validate(`file:///cd-entity-${++version}.yaml`, 1, text);
const show = (ds: Diagnostic[]): string =>
  ds
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message}`)
    .join('\n');

/** The range of the `nth` (0-based) occurrence of `needle` in `text`, as an LSP range. */
function rangeOf(text: string, needle: string, nth = 0): Diagnostic['range'] {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${nth}) not in the text`);
  }
  const pos = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: pos(at), end: pos(at + needle.length) };
}

/** The one diagnostic of a text, with everything a user sees of it. */
function only(text: string): Diagnostic {
  const ds = validate(text);
  assert.equal(ds.length, 1, show(ds));
  return ds[0];
}

const yaml = (...lines: string[]): string => lines.join('\n') + '\n';

const defs = bundledPipelineSchema.definitions ?? {};
const deref = (s: JsonSchema | undefined): JsonSchema | undefined =>
  s?.$ref ? deref(defs[s.$ref.replace('#/definitions/', '')]) : s;

/** A value that satisfies a schema, built from its required keys only (allOf parts included). */
function sample(s: JsonSchema | undefined, depth = 0): unknown {
  s = deref(s);
  if (!s || depth > 12) return 'x';
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.oneOf) return sample(s.oneOf[0], depth + 1);
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  if (t === 'object' || s.allOf) {
    const parts = [s, ...(s.allOf ?? []).map((a) => deref(a) ?? {})];
    const o: Record<string, unknown> = {};
    for (const part of parts)
      for (const k of part.required ?? []) {
        const prop = parts.map((p) => p.properties?.[k]).find((p) => p !== undefined);
        o[k] = k === 'identifier' ? 'an_id' : k === 'name' ? 'A name' : sample(prop, depth + 1);
      }
    return o;
  }
  if (t === 'array') return [sample(s.items, depth + 1)];
  if (t === 'integer' || t === 'number') return 1;
  if (t === 'boolean') return true;
  return 'value_1';
}

/** Every `type` value of a union's branches, each with the branch it selects. */
const typesOf = (union: string): [string, JsonSchema][] =>
  (defs[union]?.oneOf ?? []).flatMap((b) => {
    const d = deref(b) ?? {};
    const t = d.properties?.type;
    const values = t?.const !== undefined ? [t.const] : (t?.enum ?? []);
    return values.map((v): [string, JsonSchema] => [String(v), d]);
  });

const helmService = yaml(
  'service:',
  '  name: checkout',
  '  identifier: checkout',
  '  orgIdentifier: default',
  '  projectIdentifier: payments',
  '  description: Checkout API',
  '  tags:',
  '    team: payments',
  '    tier: ""',
  '  serviceDefinition:',
  '    type: Kubernetes',
  '    spec:',
  '      manifests:',
  '        - manifest:',
  '            identifier: chart',
  '            type: HelmChart',
  '            spec:',
  '              store:',
  '                type: Http',
  '                spec:',
  '                  connectorRef: account.bitnami',
  '              chartName: nginx',
  '              chartVersion: 15.1.0',
  '              helmVersion: V3',
  '              skipResourceVersioning: false',
  '              enableDeclarativeRollback: false',
  '              fetchHelmChartMetadata: true',
  '              commandFlags:',
  '                - commandType: Template',
  '                  flag: --debug',
  '        - manifest:',
  '            identifier: values',
  '            type: Values',
  '            spec:',
  '              store:',
  '                type: Github',
  '                spec:',
  '                  connectorRef: github',
  '                  gitFetchType: Branch',
  '                  repoName: checkout',
  '                  branch: main',
  '                  paths:',
  '                    - deploy/values.yaml',
  '        - manifest:',
  '            identifier: prodValues',
  '            type: Values',
  '            spec:',
  '              store:',
  '                type: Harness',
  '                spec:',
  '                  files:',
  '                    - /checkout/values-<+env.name>.yaml',
  '      artifacts:',
  '        primary:',
  '          primaryArtifactRef: <+input>',
  '          sources:',
  '            - identifier: dockerhub',
  '              type: DockerRegistry',
  '              spec:',
  '                connectorRef: docker_hub',
  '                imagePath: acme/checkout',
  '                tag: <+input>',
  '            - identifier: fromTemplate',
  '              template:',
  '                templateRef: account.docker_source',
  '                versionLabel: v1',
  '                templateInputs:',
  '                  type: DockerRegistry',
  '                  spec:',
  '                    tag: <+input>',
  '            - identifier: ecr',
  '              type: Ecr',
  '              spec:',
  '                connectorRef: aws',
  '                region: us-east-1',
  '                imagePath: checkout',
  '                tagRegex: ^v1\\.',
  '        sidecars:',
  '          - sidecar:',
  '              identifier: envoy',
  '              type: Gcr',
  '              spec:',
  '                connectorRef: gcp',
  '                registryHostname: gcr.io',
  '                imagePath: acme/envoy',
  '                tag: v1.29',
  '      variables:',
  '        - name: replicas',
  '          type: Number',
  '          value: 3',
  '        - name: db_password',
  '          type: Secret',
  '          value: checkout_db',
  '      configFiles:',
  '        - configFile:',
  '            identifier: appConfig',
  '            spec:',
  '              store:',
  '                type: Harness',
  '                spec:',
  '                  files:',
  '                    - /checkout/app.properties',
  '      hooks:',
  '        - preHook:',
  '            identifier: check',
  '            storeType: Inline',
  '            actions:',
  '              - FetchFiles',
  '            store:',
  '              content: echo checking',
  '      manifestConfigurations:',
  '        primaryManifestRef: chart',
  '  gitOpsEnabled: false',
);

const otherServices = [
  yaml(
    'service:',
    '  name: storefront',
    '  identifier: storefront',
    '  serviceDefinition:',
    '    type: AzureWebApp',
    '    spec:',
    '      startupCommand:',
    '        store:',
    '          type: Harness',
    '          spec:',
    '            files:',
    '              - /storefront/startup.sh',
    '      applicationSettings:',
    '        store:',
    '          type: Github',
    '          spec:',
    '            connectorRef: github',
    '            gitFetchType: Commit',
    '            commitId: 4f2a9c1',
    '            paths:',
    '              - azure/appsettings.json',
    '      connectionStrings:',
    '        store:',
    '          type: Inline',
    '          spec:',
    '            content: "[]"',
    '      artifacts:',
    '        primary:',
    '          primaryArtifactRef: acr',
    '          sources:',
    '            - identifier: acr',
    '              type: Acr',
    '              spec:',
    '                connectorRef: azure',
    '                subscriptionId: 0000-1111',
    '                registry: acme',
    '                repository: storefront',
    '                tag: <+input>',
  ),
  yaml(
    'service:',
    '  name: orders',
    '  identifier: orders',
    '  serviceDefinition:',
    '    type: ECS',
    '    spec:',
    '      manifests:',
    '        - manifest:',
    '            identifier: taskDef',
    '            type: EcsTaskDefinition',
    '            spec:',
    '              store:',
    '                type: S3',
    '                spec:',
    '                  connectorRef: aws',
    '                  region: us-west-2',
    '                  bucketName: acme-ecs',
    '                  paths:',
    '                    - orders/task.json',
    '        - manifest:',
    '            identifier: serviceDef',
    '            type: EcsServiceDefinition',
    '            spec:',
    '              store:',
    '                type: Git',
    '                spec:',
    '                  connectorRef: bitbucket_repo',
    '                  gitFetchType: Branch',
    '                  branch: release',
    '                  folderPath: ecs/orders',
    '      artifacts:',
    '        primary:',
    '          primaryArtifactRef: nexus',
    '          sources:',
    '            - identifier: nexus',
    '              type: Nexus3Registry',
    '              spec:',
    '                connectorRef: nexus',
    '                repository: docker-hosted',
    '                repositoryFormat: docker',
    '                tag: 1.4.2',
    '                spec:',
    '                  artifactPath: orders',
    '                  repositoryPort: 8443',
  ),
  // The older single-artifact shape of `primary` (type and spec, no identifier).
  yaml(
    'service:',
    '  name: Ledger',
    '  identifier: ledger',
    '  serviceDefinition:',
    '    type: CustomDeployment',
    '    spec:',
    '      customDeploymentRef:',
    '        templateRef: account.vm_fleet',
    '        versionLabel: v2',
    '      artifacts:',
    '        primary:',
    '          type: CustomArtifact',
    '          spec:',
    '            version: <+input>',
    '            timeout: 10m',
    '            scripts:',
    '              fetchAllArtifacts:',
    '                artifactsArrayPath: $.items',
    '                versionPath: version',
    '                spec:',
    '                  shell: Bash',
    '                  source:',
    '                    type: Inline',
    '                    spec:',
    '                      script: curl -s https://releases.example.com/ledger.json',
    '      variables:',
    '        - name: fleet',
    '          type: String',
    '          value: <+input>',
  ),
  yaml(
    'service:',
    '  name: catalog',
    '  identifier: catalog',
    '  serviceDefinition:',
    '    type: Kubernetes',
    '    spec:',
    '      manifests:',
    '        - manifest:',
    '            identifier: overlay',
    '            type: Kustomize',
    '            spec:',
    '              store:',
    '                type: GitLab',
    '                spec:',
    '                  connectorRef: gitlab',
    '                  gitFetchType: Branch',
    '                  branch: main',
    '                  folderPath: kustomize/',
    '              overlayConfiguration:',
    '                kustomizeYamlFolderPath: overlays/prod',
    '              patchesPaths:',
    '                - patches/replicas.yaml',
    '        - manifest:',
    '            identifier: ociChart',
    '            type: HelmChart',
    '            spec:',
    '              store:',
    '                type: OciHelmChart',
    '                spec:',
    '                  basePath: charts',
    '                  config:',
    '                    type: ECR',
    '                    spec:',
    '                      connectorRef: aws',
    '                      region: eu-west-1',
    '              chartName: catalog',
    '              helmVersion: V380',
  ),
  yaml(
    'service:',
    '  name: payments-ssh',
    '  identifier: payments_ssh',
    '  serviceDefinition:',
    '    type: Ssh',
    '    spec:',
    '      artifacts:',
    '        primary:',
    '          primaryArtifactRef: jar',
    '          sources:',
    '            - identifier: jar',
    '              type: ArtifactoryRegistry',
    '              spec:',
    '                connectorRef: artifactory',
    '                repository: libs-release',
    '                repositoryFormat: generic',
    '                artifactDirectory: payments',
    '                artifactPath: <+input>',
  ),
];

const environment = yaml(
  'environment:',
  '  name: Prod EU',
  '  identifier: prod_eu',
  '  orgIdentifier: default',
  '  projectIdentifier: payments',
  '  description: EU production',
  '  tags:',
  '    region: eu',
  '  type: Production',
  '  variables:',
  '    - name: domain',
  '      type: String',
  '      value: eu.example.com',
  '    - name: api_key',
  '      type: Secret',
  '      value: account.payments_api_key',
  '  overrides:',
  '    manifests:',
  '      - manifest:',
  '          identifier: euValues',
  '          type: Values',
  '          spec:',
  '            store:',
  '              type: Harness',
  '              spec:',
  '                files:',
  '                  - /envs/prod-eu/values.yaml',
  '    configFiles:',
  '      - configFile:',
  '          identifier: euConfig',
  '          spec:',
  '            store:',
  '              type: Harness',
  '              spec:',
  '                files:',
  '                  - /envs/prod-eu/app.properties',
  '    applicationSettings:',
  '      store:',
  '        type: Harness',
  '        spec:',
  '          files:',
  '            - /envs/prod-eu/appsettings.json',
);

const infrastructures = [
  yaml(
    'infrastructureDefinition:',
    '  name: prod-eu-k8s',
    '  identifier: prod_eu_k8s',
    '  orgIdentifier: default',
    '  projectIdentifier: payments',
    '  environmentRef: prod_eu',
    '  deploymentType: Kubernetes',
    '  type: KubernetesDirect',
    '  spec:',
    '    connectorRef: eu_cluster',
    '    namespace: payments',
    '    releaseName: release-<+INFRA_KEY_SHORT_ID>',
    '  allowSimultaneousDeployments: false',
    '  scopedServices:',
    '    - checkout',
  ),
  yaml(
    'infrastructureDefinition:',
    '  name: datacenter',
    '  identifier: datacenter',
    '  environmentRef: prod_eu',
    '  deploymentType: Ssh',
    '  type: Pdc',
    '  spec:',
    '    connectorRef: pdc_hosts',
    '    credentialsRef: account.ssh_key',
    '    hostFilter:',
    '      type: HostAttributes',
    '      spec:',
    '        value:',
    '          region: eu-central',
    '          role: app',
    '        matchCriteria: ALL',
  ),
  yaml(
    'infrastructureDefinition:',
    '  name: windows-fleet',
    '  identifier: windows_fleet',
    '  environmentRef: prod_eu',
    '  deploymentType: WinRm',
    '  type: SshWinRmAws',
    '  spec:',
    '    connectorRef: aws',
    '    credentialsRef: winrm_creds',
    '    region: eu-west-1',
    '    hostConnectionType: PrivateIP',
    '    awsInstanceFilter:',
    '      tags:',
    '        app: ledger',
    '      vpcs:',
    '        - vpc-0abc',
    '  allowSimultaneousDeployments: true',
  ),
  yaml(
    'infrastructureDefinition:',
    '  name: vm-fleet',
    '  identifier: vm_fleet',
    '  environmentRef: prod_eu',
    '  deploymentType: CustomDeployment',
    '  type: CustomDeployment',
    '  spec:',
    '    customDeploymentRef:',
    '      templateRef: account.vm_fleet',
    '      versionLabel: v2',
    '    variables:',
    '      - name: cluster',
    '        type: Connector',
    '        value: eu_cluster',
    '      - name: replicas',
    '        type: Number',
    '        value: 2',
  ),
  yaml(
    'infrastructureDefinition:',
    '  name: lambda-eu',
    '  identifier: lambda_eu',
    '  environmentRef: prod_eu',
    '  deploymentType: AwsLambda',
    '  type: AwsLambda',
    '  spec:',
    '    connectorRef: aws',
    '    region: eu-west-1',
  ),
  yaml(
    'infrastructureDefinition:',
    '  name: spot',
    '  identifier: spot',
    '  environmentRef: prod_eu',
    '  deploymentType: Elastigroup',
    '  type: Elastigroup',
    '  spec:',
    '    connectorRef: spot',
    '    configuration:',
    '      store:',
    '        type: Harness',
    '        spec:',
    '          files:',
    '            - /spot/elastigroup.json',
  ),
];

describe('bundled schema: services, environments and infrastructure definitions', function () {
  this.timeout(30_000);

  it('accepts a realistic Helm service with sources, sidecars, config files and hooks', () => {
    const ds = validate(helmService);
    assert.deepEqual(ds, [], show(ds));
  });

  it('accepts Azure Web App, ECS, custom deployment, Kustomize/OCI and SSH services', () => {
    for (const text of otherServices) {
      const ds = validate(text);
      assert.deepEqual(ds, [], `${text.split('\n')[1]}\n${show(ds)}`);
    }
  });

  it('accepts an environment with variables and overrides', () => {
    const ds = validate(environment);
    assert.deepEqual(ds, [], show(ds));
  });

  it('accepts Kubernetes, PDC, AWS WinRM, custom, Lambda and Elastigroup infrastructure definitions', () => {
    for (const text of infrastructures) {
      const ds = validate(text);
      assert.deepEqual(ds, [], `${text.split('\n')[1]}\n${show(ds)}`);
    }
  });

  it('accepts every infrastructure, deployment, manifest, store and artifact type with only its required keys', () => {
    const docs: string[] = [];
    for (const [type, branch] of typesOf('InfrastructureDefinition'))
      docs.push(stringify({ infrastructureDefinition: { ...(sample(branch) as object), type } }));
    const service = (serviceDefinition: unknown) =>
      stringify({ service: { name: 'svc', identifier: 'svc', serviceDefinition } });
    for (const [type, branch] of typesOf('ServiceDefinition'))
      docs.push(service({ ...(sample(branch) as object), type }));
    const k8s = (spec: unknown) => service({ type: 'Kubernetes', spec });
    for (const [type, branch] of typesOf('ServiceManifest'))
      docs.push(k8s({ manifests: [{ manifest: { ...(sample(branch) as object), type } }] }));
    for (const [type, branch] of typesOf('ServiceStore'))
      docs.push(
        k8s({
          configFiles: [
            { configFile: { identifier: 'f', spec: { store: { ...(sample(branch) as object), type } } } },
          ],
        }),
      );
    for (const [type, branch] of typesOf('ServiceArtifact'))
      docs.push(k8s({ artifacts: { sidecars: [{ sidecar: { ...(sample(branch) as object), type } }] } }));
    assert.ok(docs.length > 100, `${docs.length} documents`);
    const bad = docs.map((text) => [text, validate(text)] as const).filter(([, ds]) => ds.length > 0);
    assert.deepEqual(
      bad.map(([text, ds]) => `${text}${show(ds)}`),
      [],
    );
  });

  it('reports a misspelled manifest key with its did-you-mean, on the key', () => {
    const text = helmService.replace('chartVersion: 15.1.0', 'chartVersoin: 15.1.0');
    const d = only(text);
    assert.equal(d.code, 'unknown-property');
    assert.equal(d.severity, 1);
    assert.equal(d.message, 'Unknown property "chartVersoin" — did you mean "chartVersion"?');
    assert.deepEqual(d.range, rangeOf(text, 'chartVersoin'));
  });

  it('reports a misspelled key of the infrastructure definition itself (a key every type has)', () => {
    const text = infrastructures[0].replace('allowSimultaneousDeployments', 'alowSimultaneousDeployments');
    const d = only(text);
    assert.equal(d.code, 'unknown-property');
    assert.equal(
      d.message,
      'Unknown property "alowSimultaneousDeployments" — did you mean "allowSimultaneousDeployments"?',
    );
    assert.deepEqual(d.range, rangeOf(text, 'alowSimultaneousDeployments'));
  });

  it('reports a near-miss deployment type as an error with the right type', () => {
    const text = helmService.replace('type: Kubernetes', 'type: Kubernets');
    const d = only(text);
    assert.equal(d.code, 'invalid-enum');
    assert.equal(d.severity, 1);
    assert.match(
      d.message,
      /^"Kubernets" is not a deployment type; did you mean "Kubernetes"\? expected one of /,
    );
    assert.deepEqual(d.range, rangeOf(text, 'Kubernets'));
  });

  it('reports near-miss manifest, store, artifact and infrastructure types as errors', () => {
    const cases: [string, string, string, string, string][] = [
      [helmService, 'type: HelmChart', 'type: HelmCharts', 'HelmCharts', 'manifest'],
      [helmService, 'type: Http', 'type: Htp', 'Htp', 'store'],
      [helmService, 'type: DockerRegistry', 'type: DockerRegistery', 'DockerRegistery', 'artifact'],
      [
        infrastructures[0],
        'type: KubernetesDirect',
        'type: KubernetesDirekt',
        'KubernetesDirekt',
        'infrastructure',
      ],
    ];
    for (const [base, from, to, bad, kind] of cases) {
      const text = base.replace(from, to);
      const d = only(text);
      assert.equal(d.code, 'invalid-enum', show([d]));
      assert.match(d.message, new RegExp(`^"${bad}" is not an? ${kind} type; did you mean`));
      assert.deepEqual(d.range, rangeOf(text, bad));
    }
  });

  it('warns (no error) on a manifest type far from every known one, still checking its keys', () => {
    const text = helmService.replace('type: HelmChart', 'type: WasmBundle');
    const ds = validate(text);
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'unknown-manifest-type');
    assert.equal(ds[0].severity, 2);
    assert.deepEqual(ds[0].range, rangeOf(text, 'WasmBundle'));
  });

  it('reports a near-miss environment type and Git fetch type with the allowed values', () => {
    let text = environment.replace('type: Production', 'type: Prodution');
    let d = only(text);
    assert.equal(d.code, 'invalid-enum');
    assert.equal(
      d.message,
      '"Prodution" is not an allowed value for "type"; did you mean "Production"? expected one of Production, PreProduction',
    );
    assert.deepEqual(d.range, rangeOf(text, 'Prodution'));

    text = helmService.replace('gitFetchType: Branch', 'gitFetchType: Tag');
    d = only(text);
    assert.equal(d.code, 'invalid-enum');
    assert.match(
      d.message,
      /^"Tag" is not an allowed value for "gitFetchType"; expected one of Branch, Commit$/,
    );
    assert.deepEqual(d.range, rangeOf(text, 'Tag'));
  });

  it('reports a missing required key of an infrastructure spec on the spec key', () => {
    const text = infrastructures[0].replace('    namespace: payments\n', '');
    const d = only(text);
    assert.equal(d.code, 'missing-required');
    assert.equal(d.message, 'Missing required property "namespace" in spec');
    assert.deepEqual(d.range, rangeOf(text, 'spec', 0));
  });

  it('reports a missing environment type and a missing infrastructure deploymentType', () => {
    let text = environment.replace('  type: Production\n', '');
    let d = only(text);
    assert.equal(d.code, 'missing-required');
    assert.equal(d.message, 'Missing required property "type" in environment');
    assert.deepEqual(d.range, rangeOf(text, 'environment'));

    text = infrastructures[4].replace('  deploymentType: AwsLambda\n', '');
    d = only(text);
    assert.equal(d.code, 'missing-required');
    assert.equal(d.message, 'Missing required property "deploymentType" in infrastructureDefinition');
    assert.deepEqual(d.range, rangeOf(text, 'infrastructureDefinition'));
  });

  it('requires an identifier on each artifact source, but not on an older single primary artifact', () => {
    const text = helmService.replace(
      '            - identifier: ecr\n              type: Ecr',
      '            - type: Ecr',
    );
    const d = only(text);
    assert.equal(d.code, 'missing-required');
    assert.equal(d.message, 'Missing required property "identifier" in sources');
    // On the first key of the source that lacks it.
    const { start } = rangeOf(text, 'type: Ecr');
    assert.deepEqual(d.range, {
      start,
      end: { line: start.line, character: start.character + 'type'.length },
    });
    assert.deepEqual(validate(otherServices[2]), []);
  });

  it('accepts an artifact source made from a template, and asks for a type when neither is there', () => {
    const text = helmService.replace(
      [
        '              template:',
        '                templateRef: account.docker_source',
        '                versionLabel: v1',
        '                templateInputs:',
        '                  type: DockerRegistry',
        '                  spec:',
        '                    tag: <+input>',
      ].join('\n'),
      '              spec:\n                imagePath: acme/checkout',
    );
    const d = only(text);
    assert.equal(d.code, 'missing-required');
    assert.equal(d.message, 'Missing required property "type" in artifact');
    // On the first key of the source.
    const { start } = rangeOf(text, 'identifier: fromTemplate');
    assert.deepEqual(d.range, {
      start,
      end: { line: start.line, character: start.character + 'identifier'.length },
    });
  });

  it('checks the spec of each deployment type: Azure keys are unknown on a Kubernetes service', () => {
    const text = helmService.replace(
      '      manifestConfigurations:',
      '      startupCommand:\n        store:\n          type: Inline\n          spec:\n            content: x\n      manifestConfigurations:',
    );
    const d = only(text);
    assert.equal(d.code, 'unknown-property');
    assert.equal(d.severity, 2);
    assert.match(d.message, /^Unknown property "startupCommand"/);
    assert.deepEqual(d.range, rangeOf(text, 'startupCommand'));
  });

  it('still checks the keys every infrastructure definition has when its type is unknown', () => {
    const text = infrastructures[4]
      .replace('type: AwsLambda', 'type: NomadCluster')
      .replace('environmentRef', 'enviromentRef');
    const ds = validate(text);
    assert.equal(ds.length, 2, show(ds));
    const [type, key] = [...ds].sort((a, b) => a.range.start.line - b.range.start.line).reverse();
    assert.equal(type.code, 'unknown-infrastructure-type');
    assert.equal(type.severity, 2);
    assert.deepEqual(type.range, rangeOf(text, 'NomadCluster'));
    assert.equal(key.code, 'unknown-property');
    assert.equal(key.severity, 1);
    assert.equal(key.message, 'Unknown property "enviromentRef" — did you mean "environmentRef"?');
    assert.deepEqual(key.range, rangeOf(text, 'enviromentRef'));
  });

  it('checks host filters and custom deployment variable types', () => {
    let text = infrastructures[1].replace('matchCriteria: ALL', 'matchCriteria: EVERY');
    let d = only(text);
    assert.equal(d.code, 'invalid-enum');
    assert.deepEqual(d.range, rangeOf(text, 'EVERY'));

    text = infrastructures[3].replace('type: Connector', 'type: Conector');
    d = only(text);
    assert.equal(d.code, 'invalid-enum');
    assert.match(d.message, /did you mean "Connector"\?/);
    assert.deepEqual(d.range, rangeOf(text, 'Conector'));
  });
});
