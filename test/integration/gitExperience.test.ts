// Git Experience in VS Code's real extension host against the simulator, driven with option
// objects (no prompts): push a new pipeline to Git, import one from the simulated repository, and
// run and push again through the link the file remembers (no org/project/identifier given).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startSimulator, type HostSimulator } from './helpers/simulator';

const ORG = 'default';
const PROJECT = 'default_project';

interface RequestView {
  method: string;
  path: string;
  body: string;
  query: Record<string, string | string[]>;
}
interface SimPipelineView {
  projectIdentifier: string;
  identifier: string;
  storeType: string;
  yaml: string;
  git?: { repoName: string; branch: string; filePath: string; connectorRef: string };
}
interface SimGitFileView {
  repoName: string;
  branch: string;
  filePath: string;
  content: string;
}
type Result = { status: string; [key: string]: unknown };

function requests(sim: HostSimulator): RequestView[] {
  return sim.requests as RequestView[];
}
function state(sim: HostSimulator): { pipelines: SimPipelineView[]; gitFiles: SimGitFileView[] } {
  return (sim as unknown as { state: { pipelines: SimPipelineView[]; gitFiles: SimGitFileView[] } }).state;
}
function pipeline(sim: HostSimulator, id: string): SimPipelineView | undefined {
  return state(sim).pipelines.find((p) => p.projectIdentifier === PROJECT && p.identifier === id);
}
async function run(command: string, ...args: unknown[]): Promise<Result> {
  const result = await vscode.commands.executeCommand<Result>(command, ...args);
  assert.ok(result && typeof result.status === 'string', `${command} returned ${JSON.stringify(result)}`);
  return result;
}
/** The requests sent while `action` ran. */
async function sentDuring(
  sim: HostSimulator,
  action: () => Promise<Result>,
): Promise<[Result, RequestView[]]> {
  const start = requests(sim).length;
  const result = await action();
  return [result, requests(sim).slice(start)];
}

function pipelineYaml(id: string): string {
  return `pipeline:
  name: ${id}
  identifier: ${id}
  orgIdentifier: ${ORG}
  projectIdentifier: ${PROJECT}
  tags: {}
  stages:
    - stage:
        name: Say
        identifier: say
        type: Custom
        spec:
          execution:
            steps:
              - step:
                  type: ShellScript
                  name: Echo
                  identifier: echo
                  timeout: 10m
                  spec:
                    shell: Bash
                    onDelegate: true
                    source:
                      type: Inline
                      spec:
                        script: echo from git
`;
}

describe('Git Experience (real host, simulator)', function () {
  this.timeout(60_000);
  let sim: HostSimulator;
  let dir: string;

  before(async () => {
    sim = await startSimulator({ executionStepMs: 40 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-git-'));
    await vscode.extensions.getExtension('harness-community.harness-vscode')?.activate();
    const signedIn = await vscode.commands.executeCommand<{ ok: boolean }>('harness.signIn', {
      baseUrl: sim.url,
      token: sim.tokens.admin,
    });
    assert.equal(signedIn?.ok, true, `sign-in failed: ${JSON.stringify(signedIn)}`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('harness.signOut');
    await sim?.close();
  });

  async function localFile(name: string, text: string): Promise<vscode.Uri> {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    return uri;
  }

  it('pushes a new pipeline to Git with the given location, and Run then runs it on its branch', async () => {
    const uri = await localFile('.harness/git_pushed.yaml', pipelineYaml('git_pushed'));
    const git = {
      connectorRef: 'account.github_acme',
      repoName: 'app',
      branch: 'develop',
      filePath: '.harness/git_pushed.yaml',
    };
    const [pushed, sent] = await sentDuring(sim, () => run('harness.pushPipeline', uri, { git }));
    assert.equal(pushed.status, 'ok', JSON.stringify(pushed));
    assert.equal(pushed.action, 'created');
    const create = sent.find((r) => r.method === 'POST' && r.path === '/pipeline/api/pipelines/v2');
    assert.ok(create, 'created with POST /v2');
    assert.equal(create.query.storeType, 'REMOTE');
    assert.equal(create.query.repoName, 'app');
    assert.equal(create.query.branch, 'develop');
    assert.equal(create.query.filePath, '.harness/git_pushed.yaml');
    assert.equal(create.query.commitMsg, 'Create pipeline git_pushed from VS Code');
    assert.deepEqual(pushed.link, {
      accountId: sim.accountId,
      orgIdentifier: ORG,
      projectIdentifier: PROJECT,
      identifier: 'git_pushed',
      storeType: 'REMOTE',
      ...git,
    });
    assert.equal(pipeline(sim, 'git_pushed')?.storeType, 'REMOTE');
    assert.ok(
      state(sim).gitFiles.some(
        (f) => f.repoName === 'app' && f.branch === 'develop' && f.filePath === git.filePath,
      ),
      'the simulated repository has the file',
    );

    // Run with only the file: the link says which pipeline, and (no Git checkout here) its branch.
    const [ran, runSent] = await sentDuring(sim, () =>
      run('harness.runPipeline', { uri: uri.toString(), wait: true }),
    );
    assert.equal(ran.status, 'ok', JSON.stringify(ran));
    assert.equal(ran.finalStatus, 'Success');
    const execute = runSent.find(
      (r) => r.method === 'POST' && r.path === '/pipeline/api/pipeline/execute/git_pushed',
    );
    assert.ok(execute, 'executed git_pushed');
    assert.equal(execute.query.branch, 'develop');
    assert.equal(execute.query.projectIdentifier, PROJECT);
  });

  it('refuses an import outside .harness/ or without a connector before calling Harness', async () => {
    const [refused, sent] = await sentDuring(sim, () =>
      run('harness.importPipelineFromGit', {
        org: ORG,
        project: PROJECT,
        connectorRef: 'account.github_acme',
        repoName: 'app',
        branch: 'main',
        filePath: 'release_app.yaml',
      }),
    );
    assert.deepEqual(refused, { status: 'refused', reason: 'The file path must start with .harness/' });
    const [missing] = await sentDuring(sim, () =>
      run('harness.importPipelineFromGit', {
        org: ORG,
        project: PROJECT,
        repoName: 'app',
        branch: 'main',
        filePath: '.harness/a.yaml',
      }),
    );
    assert.deepEqual(missing, { status: 'refused', reason: 'pass connectorRef' });
    assert.equal(sent.length, 0);
  });

  it('imports a pipeline from a file in Git, links the local copy, and Push and Run go to it', async () => {
    const seeded = state(sim).gitFiles.find(
      (f) => f.repoName === 'app' && f.filePath === '.harness/release_app.yaml',
    );
    assert.ok(seeded, 'the simulator seeds .harness/release_app.yaml in repository app');
    const uri = await localFile('.harness/release_app.yaml', seeded.content);
    const [imported, sent] = await sentDuring(sim, () =>
      run('harness.importPipelineFromGit', {
        org: ORG,
        project: PROJECT,
        connectorRef: 'account.github_acme',
        repoName: 'app',
        branch: 'main',
        filePath: '.harness/release_app.yaml',
        pipelineName: 'Release app',
        uri: uri.toString(),
      }),
    );
    assert.equal(imported.status, 'ok', JSON.stringify(imported));
    assert.equal(imported.identifier, 'release_app');
    assert.equal(imported.linked, uri.toString());
    const request = sent.find((r) => r.method === 'POST' && r.path === '/pipeline/api/pipelines/import');
    assert.ok(request, 'POST /pipeline/api/pipelines/import');
    assert.equal(request.query.connectorRef, 'account.github_acme');
    assert.equal(request.query.repoName, 'app');
    assert.equal(request.query.branch, 'main');
    assert.equal(request.query.filePath, '.harness/release_app.yaml');
    assert.deepEqual(JSON.parse(request.body), { pipelineName: 'Release app', pipelineDescription: '' });
    assert.equal(pipeline(sim, 'release_app')?.storeType, 'REMOTE');

    const [ran, runSent] = await sentDuring(sim, () => run('harness.runPipeline', { uri: uri.toString() }));
    assert.equal(ran.status, 'ok', JSON.stringify(ran));
    const execute = runSent.find((r) => r.path === '/pipeline/api/pipeline/execute/release_app');
    assert.ok(execute, 'ran release_app');
    assert.equal(execute.query.branch, 'main');

    // A change pushed from the linked file updates the Git pipeline at its file, with the version read.
    const doc = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('echo built from git');
    edit.replace(
      uri,
      new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'echo built from git'.length)),
      'echo changed locally',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    // Saved to disk (a local file): nothing is left dirty for the tests after this one.
    assert.ok(await doc.save());
    const [pushed, pushSent] = await sentDuring(sim, () =>
      run('harness.pushPipeline', uri, { overwrite: true, force: true }),
    );
    assert.equal(pushed.status, 'ok', JSON.stringify(pushed));
    assert.equal(pushed.action, 'updated');
    const read = pushSent.find((r) => r.method === 'GET' && r.path === '/pipeline/api/pipelines/release_app');
    assert.equal(read?.query.branch, 'main', 'read from the linked branch');
    const put = pushSent.find(
      (r) => r.method === 'PUT' && r.path === '/pipeline/api/pipelines/v2/release_app',
    );
    assert.ok(put, 'updated with PUT');
    assert.equal(put.query.filePath, '.harness/release_app.yaml');
    assert.equal(put.query.branch, 'main');
    assert.ok(put.query.lastObjectId, 'sends the version it read');
    assert.match(pipeline(sim, 'release_app')?.yaml ?? '', /echo changed locally/);
  });
});
