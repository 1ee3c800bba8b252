// Live references end to end in the real extension host: signed in to the simulator, a
// pipeline's serviceRef, environmentRef and templateRef are checked against the account; only
// the one that does not exist is flagged, and hover describes the ones that do.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  harnessExports,
  type HarnessExports,
  signIn,
  signOutAll,
  startSim,
  type SimLike,
} from './accountSupport';
import { waitFor } from './helpers/waitFor';

function codeOf(d: vscode.Diagnostic): unknown {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function pipeline(missing: string): string {
  return [
    'pipeline:',
    '  name: Live Refs IT',
    '  identifier: live_refs_it',
    '  orgIdentifier: default',
    '  projectIdentifier: default_project',
    '  stages:',
    '    - stage:',
    '        name: Deploy',
    '        identifier: deploy',
    '        type: Deployment',
    '        spec:',
    '          deploymentType: Kubernetes',
    '          service:',
    '            serviceRef: web',
    '          environment:',
    '            environmentRef: staging',
    '            deployToAll: false',
    '            infrastructureDefinitions:',
    '              - identifier: k8s_shared_infra',
    '          execution:',
    '            steps:',
    '              - step:',
    '                  name: Smoke',
    '                  identifier: smoke',
    '                  template:',
    '                    templateRef: smoke_test',
    '                    versionLabel: v2',
    '              - step:',
    '                  name: Ghost',
    '                  identifier: ghost',
    '                  template:',
    `                    templateRef: org.${missing}`,
    '                    versionLabel: v1',
    '',
  ].join('\n');
}

describe('live references against the simulator (real extension host)', function () {
  this.timeout(60_000);
  let api: HarnessExports;
  let sim: SimLike;
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;
  const missing = `ghost_${Date.now()}`;

  before(async () => {
    api = await harnessExports();
    sim = await startSim();
    await signOutAll(api);
    const result = await signIn({ baseUrl: sim.url, token: sim.tokens.admin });
    assert.equal(result.ok, true, JSON.stringify(result));
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace folder is open');
    uri = vscode.Uri.joinPath(folder.uri, '.harness', `live-refs-it-${Date.now()}.yaml`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(pipeline(missing)));
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
    await signOutAll(api);
    await sim.close();
  });

  it('flags only the template that does not exist', async () => {
    const refs = await waitFor(
      () => {
        const d = vscode.languages
          .getDiagnostics(uri)
          .filter((x) => x.source === 'harness' && codeOf(x) === 'unknown-reference');
        return d.length > 0 ? d : undefined;
      },
      { message: 'an unknown-reference warning', timeoutMs: 30_000 },
    );
    assert.deepEqual(
      refs.map((d) => d.message),
      [`No template "${missing}" exists in organization "default"`],
    );
    const asked = sim.requests.map((r) => `${r.method} ${r.path}`);
    for (const path of [
      '/ng/api/servicesV2/web',
      '/ng/api/environmentsV2/staging',
      '/template/api/templates/smoke_test',
    ])
      assert.ok(asked.includes(`GET ${path}`), `${path} in ${asked.join(', ')}`);
  });

  it('hovers a service, an environment and a template with what the account says', async () => {
    const hoverText = async (needle: string) => {
      const at = doc.positionAt(doc.getText().indexOf(needle) + 1);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        at,
      );
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    assert.match(await hoverText('web'), /service \*\*Web\*\*/);
    assert.match(await hoverText('staging'), /PreProduction environment/);
    assert.match(await hoverText('smoke_test'), /Step template, stable version `v2`/);
  });
});
