// The resource commands in VS Code's real extension host against the simulator, driven through
// `vscode.commands.executeCommand` with option objects (which skip prompts): push create/update,
// refusal on error diagnostics, 429 keeps the text, harness: documents (save, conflict), create
// project/connector (duplicates, field errors), run and watch, delete, test connection.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HarnessExtensionApi } from '../../src/extension';
import type { HarnessNode } from '../../src/tree/nodes';
import { startSimulator, type HostSimulator } from './helpers/simulator';
import { waitFor } from './helpers/waitFor';

const ORG = 'default';
const PROJECT = 'default_project';

interface SimPipelineView {
  orgIdentifier: string;
  projectIdentifier: string;
  identifier: string;
  yaml: string;
}
interface SimStateView {
  pipelines: SimPipelineView[];
  projects: { orgIdentifier: string; identifier: string; name: string }[];
  connectors: {
    connector: { identifier: string; type: string; orgIdentifier?: string; projectIdentifier?: string };
  }[];
}
interface FaultsView {
  inject(spec: { method?: string; path?: string; times?: number; kind: string }): void;
  clear(): void;
}
interface RequestView {
  method: string;
  path: string;
  body: string;
  query: Record<string, string | string[]>;
}

type Result = { status: string; [key: string]: unknown };

function simState(sim: HostSimulator): SimStateView {
  return (sim as unknown as { state: SimStateView }).state;
}
function faults(sim: HostSimulator): FaultsView {
  return sim.faults as FaultsView;
}
function requests(sim: HostSimulator): RequestView[] {
  return sim.requests as RequestView[];
}
function remotePipeline(sim: HostSimulator, id: string, project = PROJECT): SimPipelineView | undefined {
  return simState(sim).pipelines.find(
    (p) => p.orgIdentifier === ORG && p.projectIdentifier === project && p.identifier === id,
  );
}

async function run(command: string, ...args: unknown[]): Promise<Result> {
  const result = await vscode.commands.executeCommand<Result>(command, ...args);
  assert.ok(result && typeof result.status === 'string', `${command} returned ${JSON.stringify(result)}`);
  return result;
}

function pipelineYaml(id: string, extra = '', stageType = 'Custom'): string {
  return `pipeline:
  name: ${id}
  identifier: ${id}
  orgIdentifier: ${ORG}
  projectIdentifier: ${PROJECT}
  tags: {}
${extra}  stages:
    - stage:
        name: Say
        identifier: say
        type: ${stageType}
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
                        script: echo hello
`;
}

let dir: string;
let currentSim: HostSimulator;
async function writeDoc(name: string, text: string): Promise<vscode.TextDocument> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

describe('resource commands (real host, simulator)', function () {
  this.timeout(60_000);
  let sim: HostSimulator;

  before(async () => {
    sim = await startSimulator({ executionStepMs: 40 });
    currentSim = sim;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-cmds-'));
    const ext = vscode.extensions.getExtension('harness-community.harness-vscode');
    await ext?.activate();
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

  afterEach(() => faults(sim).clear());

  describe('push pipeline', () => {
    it('creates a new pipeline with the YAML as written', async () => {
      const doc = await writeDoc('create_me.yaml', pipelineYaml('create_me'));
      const result = await run('harness.pushPipeline', doc.uri, { overwrite: false });
      assert.equal(result.status, 'ok', JSON.stringify(result));
      assert.equal(result.action, 'created');
      assert.match(
        String(result.url),
        /\/ng\/account\/.+\/orgs\/default\/projects\/default_project\/pipelines\/create_me\/pipeline-studio$/,
      );
      const stored = remotePipeline(sim, 'create_me');
      assert.ok(stored, 'the simulator stored the pipeline');
      assert.match(stored.yaml, /script: echo hello/);
    });

    it('takes org/project from the options when the YAML has none', async () => {
      const yaml = pipelineYaml('scoped_by_args').replace(
        / {2}orgIdentifier: .*\n {2}projectIdentifier: .*\n/,
        '',
      );
      const doc = await writeDoc('scoped_by_args.yaml', yaml);
      const result = await run('harness.pushPipeline', doc.uri, { org: ORG, project: 'payments' });
      assert.equal(result.status, 'ok', JSON.stringify(result));
      const stored = remotePipeline(sim, 'scoped_by_args', 'payments');
      assert.ok(stored);
      assert.match(stored.yaml, /projectIdentifier: payments/, 'scope filled into the YAML sent');
      assert.doesNotMatch(doc.getText(), /projectIdentifier/, 'the local document is untouched');
    });

    it('updates an existing pipeline only when overwrite is confirmed, with the Git-free PUT', async () => {
      const doc = await writeDoc(
        'create_me_v2.yaml',
        pipelineYaml('create_me').replace('echo hello', 'echo updated'),
      );
      const refused = await run('harness.pushPipeline', doc.uri, { overwrite: false });
      assert.equal(refused.status, 'refused');
      assert.match(String(refused.reason), /exists and differs/);
      assert.match(remotePipeline(sim, 'create_me')?.yaml ?? '', /echo hello/, 'not overwritten');

      const before = requests(sim).length;
      const result = await run('harness.pushPipeline', doc.uri, { overwrite: true });
      assert.equal(result.status, 'ok', JSON.stringify(result));
      assert.equal(result.action, 'updated');
      assert.match(remotePipeline(sim, 'create_me')?.yaml ?? '', /echo updated/);
      const put = requests(sim)
        .slice(before)
        .find((r) => r.method === 'PUT');
      assert.ok(put, 'an update is a PUT');
      assert.match(put.path, /\/pipeline\/api\/pipelines\/v2\/create_me$/);
    });

    it('surfaces an OPA deny and stores nothing', async () => {
      const doc = await writeDoc(
        'denied.yaml',
        pipelineYaml('denied_one').replace('tags: {}', 'tags:\n    opa: deny'),
      );
      const result = await run('harness.pushPipeline', doc.uri, { overwrite: false });
      assert.equal(result.status, 'denied', JSON.stringify(result));
      assert.match(String(result.message), /policy/i);
      assert.equal(remotePipeline(sim, 'denied_one'), undefined);
    });

    it('refuses while the language server reports errors, and pushes when forced', async () => {
      const doc = await writeDoc('broken.yaml', pipelineYaml('broken_one', '', 'Banana'));
      await waitFor(
        () =>
          vscode.languages
            .getDiagnostics(doc.uri)
            .some((d) => d.source === 'harness' && d.severity === vscode.DiagnosticSeverity.Error),
        { message: 'an error diagnostic for stage type Banana', timeoutMs: 30_000 },
      );
      const refused = await run('harness.pushPipeline', doc.uri, { force: false });
      assert.equal(refused.status, 'refused');
      assert.match(String(refused.reason), /error/);
      assert.equal(remotePipeline(sim, 'broken_one'), undefined);
      const forced = await run('harness.pushPipeline', doc.uri, { force: true });
      assert.equal(forced.status, 'ok', JSON.stringify(forced));
      assert.ok(remotePipeline(sim, 'broken_one'));
    });

    it('waits for the language server to report on an edit made just before pushing', async () => {
      const doc = await writeDoc('fresh_edit.yaml', pipelineYaml('fresh_edit'));
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.replace(rangeOf(doc, 'type: Custom'), 'type: Banana'));
      // No waiting here: the push itself must not use the diagnostics of the text before the edit.
      const refused = await run('harness.pushPipeline', doc.uri, { force: false });
      assert.equal(refused.status, 'refused', JSON.stringify(refused));
      assert.equal(remotePipeline(sim, 'fresh_edit'), undefined);
    });

    it('keeps the unsaved text when Harness rate-limits the push', async () => {
      const doc = await writeDoc('limited.yaml', pipelineYaml('rate_limited'));
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# unsaved edit\n'));
      const text = doc.getText();
      faults(sim).inject({ method: 'POST', path: '/pipeline/api/pipelines/v2', kind: '429', times: 5 });
      const result = await run('harness.pushPipeline', doc.uri, { overwrite: true });
      assert.equal(result.status, 'failed', JSON.stringify(result));
      assert.equal((result.error as { kind?: string }).kind, 'rateLimited');
      assert.equal(doc.getText(), text);
      assert.equal(doc.isDirty, true, 'the edit is still unsaved in the editor');
      assert.equal(remotePipeline(sim, 'rate_limited'), undefined);
      faults(sim).clear();
      const retried = await run('harness.pushPipeline', doc.uri, { overwrite: true });
      assert.equal(retried.status, 'ok', JSON.stringify(retried));
      assert.match(remotePipeline(sim, 'rate_limited')?.yaml ?? '', /# unsaved edit/);
    });
    it('says a push whose answer was cut off may have been applied, and keeps the text', async () => {
      const doc = await writeDoc('cut_off.yaml', pipelineYaml('cut_off'));
      faults(sim).inject({ method: 'POST', path: '/pipeline/api/pipelines/v2', kind: 'truncated' });
      const result = await run('harness.pushPipeline', doc.uri, { overwrite: true });
      assert.equal(result.status, 'failed', JSON.stringify(result));
      assert.equal((result.error as { kind?: string }).kind, 'outcomeUnknown');
      assert.match(String((result.error as { message?: string }).message), /may have applied/i);
      // It was applied: Harness had stored it before the answer was cut off.
      assert.ok(remotePipeline(sim, 'cut_off'), 'the simulator stored it');
      // Pushing again finds it there and says so, instead of failing on a duplicate.
      const again = await run('harness.pushPipeline', doc.uri, { overwrite: true });
      assert.equal(again.status, 'ok', JSON.stringify(again));
      assert.equal(again.action, 'unchanged');
    });
  });

  describe('harness: documents', () => {
    it('opens a remote pipeline as Harness YAML with auto-save off, whatever the user setting', async () => {
      const files = vscode.workspace.getConfiguration('files');
      await files.update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global);
      try {
        const opened = await run('harness.openPipeline', {
          org: ORG,
          project: PROJECT,
          identifier: 'create_me',
        });
        assert.equal(opened.status, 'ok', JSON.stringify(opened));
        const uri = vscode.Uri.parse(String(opened.uri));
        assert.equal(uri.scheme, 'harness');
        const doc = await vscode.workspace.openTextDocument(uri);
        assert.equal(doc.languageId, 'harness-yaml');
        assert.equal(doc.getText(), remotePipeline(sim, 'create_me')?.yaml);
        const effective = vscode.workspace.getConfiguration('files', doc);
        assert.equal(effective.get('autoSave'), 'off', 'the language default beats the user setting');
        // Local YAML files keep the user's setting.
        const local = await writeDoc('local_autosave.yaml', pipelineYaml('local_autosave'));
        assert.equal(vscode.workspace.getConfiguration('files', local).get('autoSave'), 'afterDelay');
      } finally {
        await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global);
      }
    });

    it('a save by anything but Push keeps a local draft and sends nothing; Push sends it once', async () => {
      const opened = await run('harness.openPipeline', {
        org: ORG,
        project: PROJECT,
        identifier: 'create_me',
      });
      const uri = vscode.Uri.parse(String(opened.uri));
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.replace(scriptLine(doc), 'script: echo saved'));
      const start = requests(sim).length;
      // What another feature does (a task's save-before-run, Save All, an extension): a save.
      assert.equal(await doc.save(), true);
      assert.equal(doc.isDirty, false);
      assert.equal(writesSince(start).length, 0, 'saving is not pushing');
      assert.doesNotMatch(remotePipeline(sim, 'create_me')?.yaml ?? '', /echo saved/);
      // The draft is what the harness: file now holds (reopening shows it).
      const held = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(held, /echo saved/);

      const pushed = await run('harness.pushPipeline', uri, { overwrite: false });
      assert.equal(pushed.status, 'ok', JSON.stringify(pushed));
      assert.deepEqual(
        writesSince(start).map((r) => `${r.method} ${r.path}`),
        ['PUT /pipeline/api/pipelines/v2/create_me'],
      );
      assert.match(remotePipeline(sim, 'create_me')?.yaml ?? '', /echo saved/);
      // Pushed: the draft is gone, the file is Harness's version again.
      const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.equal(after, remotePipeline(sim, 'create_me')?.yaml);
    });

    it('auto-save (turned on for Harness YAML by the user) keeps drafts and never pushes', async () => {
      const files = vscode.workspace.getConfiguration('files', { languageId: 'harness-yaml' });
      await files.update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global, true);
      await files.update('autoSaveDelay', 100, vscode.ConfigurationTarget.Global, true);
      try {
        const opened = await run('harness.openPipeline', {
          org: ORG,
          project: PROJECT,
          identifier: 'create_me',
        });
        const uri = vscode.Uri.parse(String(opened.uri));
        const doc = await vscode.workspace.openTextDocument(uri);
        assert.equal(vscode.workspace.getConfiguration('files', doc).get('autoSave'), 'afterDelay');
        const editor = await vscode.window.showTextDocument(doc);
        const start = requests(sim).length;
        for (const word of ['one', 'two', 'three']) {
          await editor.edit((e) =>
            e.insert(doc.positionAt(doc.getText().indexOf('echo saved') + 10), ` ${word}`),
          );
          await waitFor(() => !doc.isDirty, { message: `auto-save after "${word}"`, timeoutMs: 10_000 });
        }
        assert.equal(writesSince(start).length, 0, 'auto-save sent nothing to Harness');
        const remote = remotePipeline(sim, 'create_me')?.yaml ?? '';
        const held = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        for (const word of ['one', 'two', 'three']) {
          assert.doesNotMatch(remote, new RegExp(`echo saved.* ${word}`));
          assert.match(held, new RegExp(`echo saved.* ${word}`), 'the last auto-save is the draft');
        }
        // Discarding the draft shows Harness's version again (no prompt with options).
        const discarded = await run('harness.discardDraft', { uri: uri.toString() });
        assert.equal(discarded.status, 'ok');
        assert.equal(discarded.discarded, true);
        await waitFor(() => !doc.getText().includes(' three'), { message: 'the editor reverted' });
        assert.equal(writesSince(start).length, 0, 'discarding sent nothing');
      } finally {
        await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global, true);
        await files.update('autoSaveDelay', undefined, vscode.ConfigurationTarget.Global, true);
      }
    });

    it('detects a change made in Harness since opening and does not overwrite it silently', async () => {
      const opened = await run('harness.openPipeline', {
        org: ORG,
        project: PROJECT,
        identifier: 'create_me',
      });
      const uri = vscode.Uri.parse(String(opened.uri));
      const doc = await vscode.workspace.openTextDocument(uri);
      // The user edits; meanwhile someone else changes the pipeline in Harness (here: a push
      // from a local file).
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.replace(scriptLine(doc), 'script: echo mine'));
      const other = await writeDoc(
        'other.yaml',
        pipelineYaml('create_me').replace('echo hello', 'echo theirs'),
      );
      assert.equal((await run('harness.pushPipeline', other.uri, { overwrite: true })).status, 'ok');
      const conflict = await run('harness.pushPipeline', uri, { overwrite: false });
      assert.equal(conflict.status, 'conflict', JSON.stringify(conflict));
      assert.match(remotePipeline(sim, 'create_me')?.yaml ?? '', /echo theirs/, 'their change survives');
      assert.equal(doc.isDirty, true);
      const forced = await run('harness.pushPipeline', uri, { overwrite: true });
      assert.equal(forced.status, 'ok', JSON.stringify(forced));
      assert.match(remotePipeline(sim, 'create_me')?.yaml ?? '', /echo mine/);
      await waitFor(() => !doc.isDirty, { message: 'the harness: document is saved after the push' });
    });

    it('saves a remote (Git) pipeline with its Git parameters and the version it read', async () => {
      const before = simState(sim).pipelines.find((p) => p.identifier === 'checkout_release') as unknown as {
        git: { objectId: string; commitId: string; branch: string; repoName: string; filePath: string };
      };
      const read = { ...before.git };
      const opened = await run('harness.openPipeline', {
        org: ORG,
        project: 'platform',
        identifier: 'checkout_release',
        branch: read.branch,
        repoName: read.repoName,
      });
      assert.equal(opened.status, 'ok', JSON.stringify(opened));
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(String(opened.uri)));
      const editor = await vscode.window.showTextDocument(doc);
      // A real change (a comment alone would be "unchanged" and not pushed); the seeded remote
      // pipeline is valid, so saving is not refused.
      await editor.edit((e) =>
        e.replace(
          rangeOf(doc, 'description: Checkout Release for Platform'),
          'description: saved from VS Code',
        ),
      );
      await waitFor(
        () =>
          !vscode.languages
            .getDiagnostics(doc.uri)
            .some((d) => d.source === 'harness' && d.severity === vscode.DiagnosticSeverity.Error),
        { message: 'no error diagnostics on the edited remote pipeline', timeoutMs: 20_000 },
      );
      const start = requests(sim).length;
      const pushed = await run('harness.pushPipeline', doc.uri, { overwrite: false });
      assert.equal(pushed.status, 'ok', JSON.stringify(pushed));
      const put = requests(sim)
        .slice(start)
        .find((r) => r.method === 'PUT' && r.path.endsWith('/pipelines/v2/checkout_release'));
      assert.ok(put, 'saved with a PUT');
      assert.equal(put.query.lastObjectId, read.objectId);
      assert.equal(put.query.lastCommitId, read.commitId);
      assert.equal(put.query.branch, read.branch);
      assert.equal(put.query.repoName, read.repoName);
      assert.equal(put.query.filePath, read.filePath);
      assert.match(String(put.query.commitMsg), /checkout_release/);
      const after = simState(sim).pipelines.find((p) => p.identifier === 'checkout_release') as unknown as {
        yaml: string;
        git: { objectId: string };
      };
      assert.match(after.yaml, /description: saved from VS Code/);
      assert.notEqual(after.git.objectId, read.objectId, 'the simulated Git file moved to a new version');
    });
  });

  describe('create project', () => {
    it('derives the identifier from the name and creates the project', async () => {
      const result = await run('harness.createProject', {
        org: ORG,
        name: 'IT Project 1',
        color: '#1B841D',
        modules: ['CI', 'CD'],
        tags: 'team:it, smoke',
      });
      assert.equal(result.status, 'ok', JSON.stringify(result));
      const stored = simState(sim).projects.find((p) => p.identifier === 'IT_Project_1');
      assert.ok(stored);
      assert.equal(stored.name, 'IT Project 1');
    });

    it('reports a duplicate identifier', async () => {
      const result = await run('harness.createProject', { org: ORG, name: 'IT Project 1' });
      assert.equal(result.status, 'failed');
      const error = result.error as { kind?: string; code?: string };
      assert.equal(error.code, 'DUPLICATE_FIELD');
    });

    it('refuses an invalid identifier before calling Harness', async () => {
      const result = await run('harness.createProject', { org: ORG, name: 'x', identifier: '9lives' });
      assert.equal(result.status, 'refused');
      assert.match(String(result.reason), /identifier/);
    });
  });

  describe('create connector', () => {
    it('creates a guided DockerRegistry connector at project scope', async () => {
      const result = await run('harness.createConnector', {
        org: ORG,
        project: PROJECT,
        type: 'DockerRegistry',
        name: 'IT Docker Hub',
        username: 'me',
        passwordRef: 'account.docker_pw',
      });
      assert.equal(result.status, 'ok', JSON.stringify(result));
      const stored = simState(sim).connectors.find((c) => c.connector.identifier === 'IT_Docker_Hub');
      assert.ok(stored);
      assert.equal(stored.connector.type, 'DockerRegistry');
      assert.equal(stored.connector.projectIdentifier, PROJECT);
    });

    it('reports DUPLICATE_FIELD for an existing identifier', async () => {
      const result = await run('harness.createConnector', {
        org: ORG,
        project: PROJECT,
        type: 'DockerRegistry',
        name: 'IT Docker Hub',
      });
      assert.equal(result.status, 'failed');
      assert.equal((result.error as { code?: string }).code, 'DUPLICATE_FIELD');
    });

    it('creates any type from a YAML file at org scope', async () => {
      const file = path.join(dir, 'jira.yaml');
      fs.writeFileSync(
        file,
        'connector:\n  name: IT Jira\n  identifier: it_jira\n  type: Jira\n  spec:\n    jiraUrl: https://jira.example.com\n    auth:\n      type: PersonalAccessToken\n      spec:\n        patRef: account.jira_pat\n',
      );
      const result = await run('harness.createConnector', { org: ORG, file });
      assert.equal(result.status, 'ok', JSON.stringify(result));
      const stored = simState(sim).connectors.find((c) => c.connector.identifier === 'it_jira');
      assert.ok(stored);
      assert.equal(stored.connector.orgIdentifier, ORG);
      assert.equal(stored.connector.projectIdentifier, undefined);
    });

    it('returns the server field errors field by field', async () => {
      const result = await run('harness.createConnector', {
        yaml: 'connector:\n  name: Bad Registry\n  identifier: bad_registry\n  type: DockerRegistry\n  spec:\n    providerType: DockerHub\n',
      });
      assert.equal(result.status, 'failed');
      const error = result.error as { fieldErrors: { field: string; message: string }[] };
      assert.deepEqual(
        error.fieldErrors.map((f) => f.field),
        ['spec.dockerRegistryUrl'],
      );
    });

    it('refuses an org secret reference at account scope before calling Harness', async () => {
      const result = await run('harness.createConnector', {
        type: 'Github',
        name: 'gh',
        url: 'https://github.com/acme',
        username: 'me',
        tokenRef: 'org.gh_pat',
      });
      assert.equal(result.status, 'refused');
      assert.match(String(result.reason), /tokenRef: .*account/);
    });
  });

  describe('run, test connection, delete', () => {
    it('runs a pipeline and watches it until it succeeds', async () => {
      const result = await run('harness.runPipeline', {
        org: ORG,
        project: PROJECT,
        identifier: 'create_me',
        wait: true,
      });
      assert.equal(result.status, 'ok', JSON.stringify(result));
      assert.equal(result.finalStatus, 'Success');
      assert.match(String(result.url), /\/deployments\/.+\/pipeline$/);
    });

    it('asks for runtime inputs and sends the values', async () => {
      const yaml = pipelineYaml(
        'with_inputs',
        '  variables:\n    - name: greeting\n      type: String\n      value: <+input>\n',
      );
      const doc = await writeDoc('with_inputs.yaml', yaml);
      assert.equal((await run('harness.pushPipeline', doc.uri, { overwrite: true })).status, 'ok');
      const missing = await run('harness.runPipeline', {
        org: ORG,
        project: PROJECT,
        identifier: 'with_inputs',
      });
      assert.equal(missing.status, 'refused');
      assert.match(String(missing.reason), /pipeline\.variables\.greeting\.value/);
      const before = requests(sim).length;
      const result = await run('harness.runPipeline', {
        org: ORG,
        project: PROJECT,
        identifier: 'with_inputs',
        inputs: { 'pipeline.variables.greeting.value': 'bonjour' },
        wait: true,
      });
      assert.equal(result.status, 'ok', JSON.stringify(result));
      assert.equal(result.finalStatus, 'Success');
      const execute = requests(sim)
        .slice(before)
        .find((r) => r.path.startsWith('/pipeline/api/pipeline/execute/'));
      assert.ok(execute);
      assert.match(execute.body, /bonjour/);
    });

    it('runs with input sets merged by Harness, refuses what they leave open, and saves entered inputs', async () => {
      const base = { org: ORG, project: PROJECT, identifier: 'default_project_cleanup' };
      // "verbose" sets only the log level: the required release note stays open.
      const open = await run('harness.runPipeline', { ...base, inputSets: ['verbose'] });
      assert.equal(open.status, 'refused');
      assert.match(String(open.reason), /pipeline\.variables\.release_note\.value/);
      let before = requests(sim).length;
      const merged = await run('harness.runPipeline', { ...base, inputSets: ['nightly_verbose'] });
      assert.equal(merged.status, 'ok', JSON.stringify(merged));
      const sent = requests(sim).slice(before);
      assert.ok(
        sent.some((r) => r.path === '/pipeline/api/inputSets/merge'),
        'Harness merged the overlay',
      );
      const execute = sent.find((r) => r.path.startsWith('/pipeline/api/pipeline/execute/'));
      assert.ok(execute);
      assert.match(execute.body, /Nightly cleanup/);
      assert.match(execute.body, /value: debug/);

      before = requests(sim).length;
      const saved = await run('harness.runPipeline', {
        ...base,
        inputs: { 'pipeline.variables.release_note.value': 'Entered by hand' },
        saveInputSet: 'Hand inputs',
      });
      assert.equal(saved.status, 'ok', JSON.stringify(saved));
      assert.equal(saved.inputSet, 'Hand_inputs');
      const create = requests(sim)
        .slice(before)
        .find((r) => r.method === 'POST' && r.path === '/pipeline/api/inputSets');
      assert.ok(create, 'the input set was created');
      assert.match(create.body, /inputSet:\n {2}name: Hand inputs\n {2}identifier: Hand_inputs/);
      assert.match(create.body, /Entered by hand/);
      // The saved input set now runs the pipeline on its own.
      const again = await run('harness.runPipeline', { ...base, inputSets: ['Hand_inputs'] });
      assert.equal(again.status, 'ok', JSON.stringify(again));
    });

    it('tests a connector connection', async () => {
      const result = await run('harness.testConnection', {
        org: ORG,
        project: PROJECT,
        identifier: 'IT_Docker_Hub',
      });
      assert.equal(result.status, 'ok', JSON.stringify(result));
      assert.ok(
        ['SUCCESS', 'FAILURE', 'PARTIAL', 'UNKNOWN'].includes(
          String((result.result as { status: string }).status),
        ),
      );
    });

    it('takes tree nodes from menus: test connection shows the result on the node, copy identifier, open in Harness', async () => {
      const scope = { orgIdentifier: ORG, projectIdentifier: PROJECT };
      const node = {
        kind: 'connector',
        id: `connector:${ORG}/${PROJECT}:IT_Docker_Hub`,
        scope,
        connector: {
          connector: { identifier: 'IT_Docker_Hub', name: 'IT Docker Hub', type: 'DockerRegistry', spec: {} },
        },
      } as { kind: string; id: string; connector: { status?: { status: string } } };
      const tested = await run('harness.testConnection', node);
      assert.equal(tested.status, 'ok', JSON.stringify(tested));
      assert.equal(
        node.connector.status?.status,
        (tested.result as { status: string }).status,
        'the node shows the result',
      );

      const copied = await run('harness.copyIdentifier', { ...node, scope: { orgIdentifier: ORG } });
      assert.equal(copied.identifier, 'org.IT_Docker_Hub', 'org connectors are copied as references');
      assert.equal(await vscode.env.clipboard.readText(), 'org.IT_Docker_Hub');

      const pipelineNode = {
        kind: 'pipeline',
        id: `pipeline:${ORG}/${PROJECT}:create_me`,
        scope,
        pipeline: { identifier: 'create_me', name: 'create_me' },
      };
      const opened = await run('harness.openInBrowser', pipelineNode);
      assert.equal(opened.status, 'ok', JSON.stringify(opened));
      assert.equal(
        opened.url,
        `${sim.url}/ng/account/${sim.accountId}/all/orgs/${ORG}/projects/${PROJECT}/pipelines/create_me/pipeline-studio`,
      );
    });

    it('works on the nodes of the real tree: run watches into the pipeline node, test connection into the connector node', async () => {
      const exported: unknown = await vscode.extensions
        .getExtension('harness-community.harness-vscode')
        ?.activate();
      const tree = (exported as HarnessExtensionApi).tree;
      const children = async (node?: HarnessNode) => tree.getChildren(node);
      const find = async (
        parent: HarnessNode | undefined,
        pick: (n: HarnessNode) => boolean,
        what: string,
      ) => {
        const found = (await children(parent)).find(pick);
        assert.ok(found, `${what} under ${parent?.id ?? 'the root'}`);
        return found;
      };
      await vscode.commands.executeCommand('harness.refresh');
      const account = await find(undefined, (n) => n.kind === 'account', 'account');
      const org = await find(account, (n) => n.kind === 'org' && n.org.identifier === ORG, 'org');
      const project = await find(
        org,
        (n) => n.kind === 'project' && n.project.identifier === PROJECT,
        'project',
      );
      const pipelines = await find(project, (n) => n.kind === 'pipelines', 'pipelines folder');
      const pipeline = await find(
        pipelines,
        (n) => n.kind === 'pipeline' && n.pipeline.identifier === 'create_me',
        'pipeline create_me',
      );
      assert.equal(pipeline.kind, 'pipeline');

      const copied = await run('harness.copyIdentifier', pipeline);
      assert.equal(copied.identifier, 'create_me');
      const opened = await run('harness.openPipeline', pipeline);
      assert.equal(
        vscode.Uri.parse(String(opened.uri)).path,
        `/account:${sim.accountId}/${ORG}/${PROJECT}/pipelines/create_me.yaml`,
      );

      const started = await run('harness.runPipeline', pipeline);
      assert.equal(started.status, 'ok', JSON.stringify(started));
      await waitFor(
        () =>
          pipeline.kind === 'pipeline' &&
          pipeline.pipeline.executionSummaryInfo?.lastExecutionId === started.planExecutionId &&
          pipeline.pipeline.executionSummaryInfo?.lastExecutionStatus === 'Success',
        { message: 'the pipeline node shows the run ending in Success', timeoutMs: 30_000 },
      );

      const connectors = await find(project, (n) => n.kind === 'connectors', 'connectors folder');
      const connector = await find(
        connectors,
        (n) => n.kind === 'connector' && n.connector.connector.identifier === 'IT_Docker_Hub',
        'connector IT_Docker_Hub',
      );
      const tested = await run('harness.testConnection', connector);
      assert.equal(tested.status, 'ok', JSON.stringify(tested));
      assert.equal(
        connector.kind === 'connector' ? connector.connector.status?.status : undefined,
        (tested.result as { status: string }).status,
      );
    });

    it('deletes only with confirmation', async () => {
      const refused = await run('harness.deletePipeline', {
        org: ORG,
        project: PROJECT,
        identifier: 'broken_one',
      });
      assert.equal(refused.status, 'refused');
      assert.ok(remotePipeline(sim, 'broken_one'));
      const deleted = await run('harness.deletePipeline', {
        org: ORG,
        project: PROJECT,
        identifier: 'broken_one',
        confirm: true,
      });
      assert.equal(deleted.status, 'ok', JSON.stringify(deleted));
      assert.equal(remotePipeline(sim, 'broken_one'), undefined);
      const conn = await run('harness.deleteConnector', { org: ORG, identifier: 'it_jira', confirm: true });
      assert.equal(conn.status, 'ok', JSON.stringify(conn));
      assert.equal(
        simState(sim).connectors.find((c) => c.connector.identifier === 'it_jira'),
        undefined,
      );
      const proj = await run('harness.deleteProject', { org: ORG, project: 'IT_Project_1', confirm: true });
      assert.equal(proj.status, 'ok', JSON.stringify(proj));
      assert.equal(
        simState(sim).projects.find((p) => p.identifier === 'IT_Project_1'),
        undefined,
      );
    });
  });
});

/** Requests since `start` that change something (not reads, not list POSTs). */
function writesSince(start: number): RequestView[] {
  return requests(currentSim)
    .slice(start)
    .filter((r) => r.method !== 'GET' && !/\/(list|listV2|list-metadata)$/.test(r.path));
}

/** The `script: …` line of the pipelines made by pipelineYaml(), from `script:` to its end. */
function scriptLine(doc: vscode.TextDocument): vscode.Range {
  const m = /script: .*/.exec(doc.getText());
  assert.ok(m, `no script line in ${doc.uri.toString()}`);
  return new vscode.Range(doc.positionAt(m.index), doc.positionAt(m.index + m[0].length));
}

function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" not found in ${doc.uri.toString()}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}
