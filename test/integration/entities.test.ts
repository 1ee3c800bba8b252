// Every Harness file kind in VS Code's real extension host: an input set is checked against the
// pipeline it targets, found in the workspace's .harness/ folder by the client; a service, a
// trigger and a connector get diagnostics, hover and an outline through VS Code's own commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { harnessDiagnostics } from './helpers/diagnostics';
import { waitFor } from './helpers/waitFor';

const stamp = Date.now();
const PIPELINE_ID = `entities_it_${stamp}`;

const PIPELINE = [
  'pipeline:',
  '  name: Entities IT',
  `  identifier: ${PIPELINE_ID}`,
  '  orgIdentifier: default',
  '  projectIdentifier: default_project',
  '  variables:',
  '    - name: region',
  '      type: String',
  '      value: <+input>.allowedValues(eu-west-1,us-east-1)',
  '    - name: team',
  '      type: String',
  '      value: platform',
  '  stages:',
  '    - stage:',
  '        name: Build',
  '        identifier: build',
  '        type: Custom',
  '        spec:',
  '          execution:',
  '            steps:',
  '              - step:',
  '                  name: Wait',
  '                  identifier: wait',
  '                  type: Wait',
  '                  spec:',
  '                    duration: 1m',
  '',
].join('\n');

const inputSet = (name: string, value: string) =>
  [
    'inputSet:',
    '  name: eu',
    '  identifier: eu',
    '  orgIdentifier: default',
    '  projectIdentifier: default_project',
    '  pipeline:',
    `    identifier: ${PIPELINE_ID}`,
    '    variables:',
    `      - name: ${name}`,
    '        type: String',
    `        value: ${value}`,
    '',
  ].join('\n');

const SERVICE = [
  'service:',
  '  name: Web',
  '  identifier: web',
  '  serviceDefinition:',
  '    type: Kubernetes',
  '    spec:',
  '      manifests:',
  '        - manifest:',
  '            identifier: app',
  '            type: K8sManifest',
  '            spec:',
  '              store:',
  '                type: Github',
  '                spec:',
  '                  connectorRef: account.github',
  '                  gitFetchType: Branch',
  '                  paths:',
  '                    - k8s/',
  '                  repoName: web',
  '                  branch: main',
  '              skipResourceVersioning: false',
  '',
].join('\n');

describe('every Harness file kind in the real extension host', function () {
  this.timeout(60_000);
  const written: vscode.Uri[] = [];
  let folder: vscode.Uri;

  async function open(name: string, text: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.joinPath(folder, '.harness', `${name}-${stamp}.yaml`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    written.push(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  before(async () => {
    const f = vscode.workspace.workspaceFolders?.[0];
    assert.ok(f, 'the test workspace folder is open');
    folder = f.uri;
    // The pipeline is only a file in the workspace: the client finds it by identifier.
    const uri = vscode.Uri.joinPath(folder, '.harness', `entities-pipeline-${stamp}.yaml`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(PIPELINE));
    written.push(uri);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of written) await vscode.workspace.fs.delete(uri);
  });

  it("reports an input set value the workspace's pipeline fixes, and accepts a runtime input's value", async () => {
    const doc = await open('entities-input-set', inputSet('team', 'web'));
    const diags = await harnessDiagnostics(doc.uri, (d) => d.some((x) => x.code === 'input-not-runtime'));
    const fixed = diags.find((d) => d.code === 'input-not-runtime');
    assert.match(
      fixed?.message ?? '',
      new RegExp(`variable "team" is not a runtime input in pipeline "${PIPELINE_ID}"`),
    );
    assert.match(fixed?.message ?? '', /\.harness\/entities-pipeline-/);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) =>
      b.replace(new vscode.Range(0, 0, doc.lineCount, 0), inputSet('region', 'ap-south-1')),
    );
    const notAllowed = await harnessDiagnostics(doc.uri, (d) =>
      d.some((x) => x.code === 'input-not-allowed'),
    );
    assert.match(notAllowed[0].message, /expected one of eu-west-1, us-east-1/);
    await editor.edit((b) =>
      b.replace(new vscode.Range(0, 0, doc.lineCount, 0), inputSet('region', 'eu-west-1')),
    );
    await harnessDiagnostics(doc.uri, (d) => d.length === 0);
  });

  it('checks a service: a misspelled manifest key gets did-you-mean; hover and outline answer', async () => {
    const doc = await open(
      'entities-service',
      SERVICE.replace('skipResourceVersioning', 'skipResourceVersionning'),
    );
    const diags = await harnessDiagnostics(doc.uri, (d) => d.some((x) => x.code === 'unknown-property'));
    assert.ok(
      diags.some((d) => /did you mean "skipResourceVersioning"/.test(d.message)),
      JSON.stringify(diags.map((d) => d.message)),
    );
    const at = doc.positionAt(doc.getText().indexOf('serviceDefinition') + 2);
    const hovers = await waitFor(
      async () => {
        const h = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          doc.uri,
          at,
        );
        return h.length ? h : undefined;
      },
      { timeoutMs: 15_000, message: 'a hover on serviceDefinition' },
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /serviceDefinition/);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      doc.uri,
    );
    assert.equal(symbols[0]?.name, 'Web');
    assert.equal(symbols[0]?.detail, 'web · Kubernetes');
    assert.deepEqual(
      symbols[0]?.children.map((c) => c.name),
      ['app'],
    );
  });

  it('checks a connector and a trigger by their type', async () => {
    const connector = await open(
      'entities-connector',
      [
        'connector:',
        '  name: Docker Hub',
        '  identifier: docker_hub',
        '  type: DockerRegistry',
        '  spec:',
        '    dockerRegistryUrl: https://index.docker.io/v2/',
        '    providerType: DockerHub',
        '    auth:',
        '      type: Anonymus',
        '',
      ].join('\n'),
    );
    const cd = await harnessDiagnostics(connector.uri, (d) => d.some((x) => /Anonymous/.test(x.message)));
    assert.ok(cd.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    const trigger = await open(
      'entities-trigger',
      [
        'trigger:',
        '  name: Nightly',
        '  identifier: nightly',
        '  enabled: true',
        '  orgIdentifier: default',
        '  projectIdentifier: default_project',
        `  pipelineIdentifier: ${PIPELINE_ID}`,
        '  source:',
        '    type: Scheduled',
        '    spec:',
        '      type: Cron',
        '      spec:',
        '        type: UNIX',
        '        expresion: 0 2 * * *',
        '',
      ].join('\n'),
    );
    const td = await harnessDiagnostics(trigger.uri, (d) => d.some((x) => x.code === 'unknown-property'));
    assert.ok(
      td.some((d) => /did you mean "expression"/.test(d.message)),
      JSON.stringify(td.map((d) => d.message)),
    );
  });
});
