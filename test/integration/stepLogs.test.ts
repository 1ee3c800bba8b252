// Step logs in VS Code's real extension host against the simulator: a running step's log is
// followed until it completes, closing a followed log closes its stream on the server, a finished
// step's log opens complete and read-only, and nothing raw (ANSI) or secret (the token) shows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExecutionNode, HarnessApi } from '../../src/api/types';
import type { HarnessExtensionApi } from '../../src/extension';
import type { StepLogTarget } from '../../src/executions/stepLogTarget';
import { startSimulator, type HostSimulator } from './helpers/simulator';
import { waitFor } from './helpers/waitFor';

const SCOPE = { orgIdentifier: 'default', projectIdentifier: 'default_project' };
const STEP_MS = 2500;

const step = (id: string, script: string): string => `              - step:
                  type: ShellScript
                  name: ${id} step
                  identifier: ${id}
                  timeout: 10m
                  spec:
                    shell: Bash
                    onDelegate: true
                    source:
                      type: Inline
                      spec:
                        script: ${script}
`;

const pipelineYaml = (id: string, steps: string): string => `pipeline:
  name: ${id}
  identifier: ${id}
  orgIdentifier: ${SCOPE.orgIdentifier}
  projectIdentifier: ${SCOPE.projectIdentifier}
  tags: {}
  stages:
    - stage:
        name: Build
        identifier: build
        type: Custom
        spec:
          execution:
            steps:
${steps}`;

const PIPELINE = pipelineYaml(
  'logs_demo',
  step('first', 'echo compiling') + step('second', 'echo testing') + step('third', 'echo packaging'),
);

interface SimView {
  openStreams(): number;
  requests: { path: string }[];
}

const flatten = (nodes: readonly ExecutionNode[]): ExecutionNode[] =>
  nodes.flatMap((n) => [n, ...flatten(n.children)]);

function logDoc(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
}

describe('step logs (real host, simulator)', function () {
  this.timeout(90_000);
  let sim: HostSimulator;
  let api: HarnessApi;
  let accountId: string;
  let runId: string;

  const stepNode = async (id: string): Promise<ExecutionNode | undefined> => {
    const detail = await api.getExecutionDetail(SCOPE, runId, { fullGraph: true });
    return flatten(detail.stages).find((n) => n.kind === 'step' && n.identifier === id);
  };
  const targetOf = (node: ExecutionNode): StepLogTarget => ({
    accountId,
    scope: SCOPE,
    pipelineIdentifier: 'logs_demo',
    planExecutionId: runId,
    runSequence: 1,
    stepIdentifier: node.identifier,
    stepName: node.name,
    logBaseKey: node.logBaseKey ?? '',
    status: node.status,
    nodeId: node.id,
  });
  const open = async (target: StepLogTarget): Promise<string> => {
    const result = await vscode.commands.executeCommand<{ status: string; uri?: string }>(
      'harness.openStepLog',
      target,
    );
    assert.equal(result?.status, 'ok', JSON.stringify(result));
    assert.ok(result.uri);
    return result.uri;
  };

  before(async () => {
    sim = await startSimulator({ executionStepMs: STEP_MS });
    const ext = vscode.extensions.getExtension<HarnessExtensionApi>('harness-community.harness-vscode');
    const exports = await ext?.activate();
    const signedIn = await vscode.commands.executeCommand<{ ok: boolean }>('harness.signIn', {
      baseUrl: sim.url,
      token: sim.tokens.admin,
    });
    assert.equal(signedIn?.ok, true, `sign-in failed: ${JSON.stringify(signedIn)}`);
    const account = exports?.currentAccount();
    assert.ok(account, 'an active account');
    api = account.api;
    accountId = account.accountId;
    await api.createPipeline(SCOPE, PIPELINE);
    runId = (await api.executePipeline(SCOPE, 'logs_demo')).uuid;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('harness.signOut');
    await sim?.close();
  });

  it('follows a running step until it completes, without raw ANSI, with time and level per line', async () => {
    const running = await waitFor(
      async () => {
        const n = await stepNode('first');
        return n?.status === 'Running' && n.logBaseKey ? n : undefined;
      },
      { message: 'step first running', timeoutMs: 20_000 },
    );
    const uri = await open(targetOf(running));
    assert.ok(!uri.includes(sim.tokens.admin), 'no token in the URI');
    assert.match(decodeURIComponent(uri), /^harness-log:\/logs_demo › first step #1\.log\?/);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri, 'the log is the active editor');
    await waitFor(
      () =>
        /^Following first step \(logs_demo #1\) while the step runs/.test(logDoc(uri)?.lineAt(0).text ?? ''),
      {
        message: 'the first line says the log is followed',
      },
    );
    const done = await waitFor(
      () => {
        const doc = logDoc(uri);
        return doc && /complete, \d+ lines\.$/.test(doc.lineAt(0).text) ? doc : undefined;
      },
      { message: 'the followed log completes', timeoutMs: 20_000 },
    );
    // The editor was at the end when it opened (a short log): it stayed there as the log grew.
    assert.ok(done.lineCount > 4, `the log grew: ${done.lineCount} lines`);
    assert.equal(editor?.selection.active.line, done.lineCount - 1, 'the cursor followed the end');
    const text = done.getText();
    assert.ok(!text.includes('\u001b'), `no raw ANSI: ${JSON.stringify(text)}`);
    assert.match(text, /^\d\d:\d\d:\d\d INFO {2}\+ echo compiling$/m);
    assert.match(text, /^\d\d:\d\d:\d\d INFO {2}Command completed successfully$/m);
    assert.ok(
      (sim as unknown as SimView).requests.some((r) => r.path === '/gateway/log-service/stream'),
      'the log was followed on the stream',
    );
  });

  it('closing a followed log closes its stream on the server', async () => {
    const running = await waitFor(
      async () => {
        const n = await stepNode('second');
        return n?.status === 'Running' && n.logBaseKey ? n : undefined;
      },
      { message: 'step second running', timeoutMs: 20_000 },
    );
    const view = sim as unknown as SimView;
    const uri = await open(targetOf(running));
    await waitFor(() => view.openStreams() > 0, { message: 'a stream is open while the log is followed' });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor(() => view.openStreams() === 0, {
      message: 'the stream closed with the document',
      timeoutMs: 3000,
    });
    assert.equal(
      (await stepNode('second'))?.status,
      'Running',
      'closed by the document, not by the step ending',
    );
  });

  it('stops following on request (the stream closes, the lines stay) and follows again to the end', async () => {
    const running = await waitFor(
      async () => {
        const n = await stepNode('third');
        return n?.status === 'Running' && n.logBaseKey ? n : undefined;
      },
      { message: 'step third running', timeoutMs: 20_000 },
    );
    const view = sim as unknown as SimView;
    const uri = await open(targetOf(running));
    await waitFor(() => view.openStreams() > 0, { message: 'a stream is open while the log is followed' });
    const stopped = await vscode.commands.executeCommand<{ status: string }>('harness.stepLog.stopFollowing');
    assert.equal(stopped?.status, 'ok');
    await waitFor(() => view.openStreams() === 0, { message: 'the stream closed on stop', timeoutMs: 3000 });
    assert.match(
      logDoc(uri)?.lineAt(0).text ?? '',
      /^Not following third step \(logs_demo #1\): \d+ lines? shown/,
    );
    const resumed = await vscode.commands.executeCommand<{ status: string }>('harness.stepLog.follow');
    assert.equal(resumed?.status, 'ok');
    const doc = await waitFor(
      () => {
        const d = logDoc(uri);
        return d && /complete, \d+ lines\.$/.test(d.lineAt(0).text) ? d : undefined;
      },
      { message: 'the log followed again to its end', timeoutMs: 20_000 },
    );
    const text = doc.getText();
    assert.equal(text.match(/\+ echo packaging$/gm)?.length, 1, 'no line twice after following again');
    assert.match(text, /Command completed successfully$/m);
  });

  it("opens a finished step's log complete and read-only, without a stream", async () => {
    const finished = await waitFor(
      async () => {
        const n = await stepNode('first');
        return n?.status === 'Success' ? n : undefined;
      },
      { message: 'step first finished', timeoutMs: 20_000 },
    );
    const streams = (sim as unknown as SimView).requests.filter(
      (r) => r.path === '/gateway/log-service/stream',
    ).length;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = await open(targetOf(finished));
    const doc = await waitFor(
      () => {
        const d = logDoc(uri);
        return d && /complete/.test(d.lineAt(0).text) ? d : undefined;
      },
      { message: 'the finished log is shown complete' },
    );
    assert.match(doc.getText(), /echo compiling/);
    assert.ok(!doc.getText().includes('\u001b'));
    assert.equal(
      (sim as unknown as SimView).requests.filter((r) => r.path === '/gateway/log-service/stream').length,
      streams,
    );
    // Typing is how a user edits: it changes a writable document (checked first, so the check
    // below means something) and leaves the log alone.
    const scratch = await vscode.workspace.openTextDocument({ content: '' });
    await vscode.window.showTextDocument(scratch);
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(scratch.getText(), 'x', 'typing edits a writable document');
    // Back to empty, an untitled document closes without asking to save it.
    await vscode.commands.executeCommand('undo');
    assert.equal(scratch.getText(), '');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const before = doc.getText();
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(doc.getText(), before, 'the log is read-only');
    assert.equal(doc.isDirty, false);
  });

  it('opens a log over the 8 MB cap promptly, ending with the line that links the run in Harness', async () => {
    const big = pipelineYaml('big_log', step('print', 'seq 110000'));
    await api.createPipeline(SCOPE, big);
    const bigRun = (await api.executePipeline(SCOPE, 'big_log')).uuid;
    const node = await waitFor(
      async () => {
        const detail = await api.getExecutionDetail(SCOPE, bigRun, { fullGraph: true });
        return detail.summary.status === 'Success'
          ? flatten(detail.stages).find((n) => n.kind === 'step')
          : undefined;
      },
      { message: 'the long run finished', timeoutMs: 20_000 },
    );
    assert.ok(node?.logBaseKey);
    const started = Date.now();
    const uri = await open({ ...targetOf(node), pipelineIdentifier: 'big_log', planExecutionId: bigRun });
    const doc = await waitFor(
      () => {
        const d = logDoc(uri);
        return d && /: first \d+ lines\.$/.test(d.lineAt(0).text) ? d : undefined;
      },
      { message: 'the capped log shown', timeoutMs: 20_000 },
    );
    const elapsed = Date.now() - started;
    const banner = doc.lineAt(doc.lineCount - 2).text;
    assert.match(
      banner,
      /^Log truncated at 8 MB: open the rest in Harness: http:\/\/127\.0\.0\.1:\d+\/ng\/account\/[^/]+\/all\/orgs\/default\/projects\/default_project\/pipelines\/big_log\/deployments\/[^/]+\/pipeline$/,
    );
    assert.ok(
      doc.lineCount > 90_000 && doc.lineCount < 110_000,
      `${doc.lineCount} lines: the head of the log`,
    );
    assert.ok(elapsed < 15_000, `a capped log opened in ${elapsed} ms`);
    console.log(`      capped step log (${doc.lineCount} lines) shown in ${elapsed} ms`);
  });

  it('says in the document when the log service has no log for the key (404)', async () => {
    const node = await stepNode('first');
    assert.ok(node);
    const uri = await open({ ...targetOf(node), logBaseKey: 'no/such/key', nodeId: 'missing-node' });
    const doc = await waitFor(
      () => {
        const d = logDoc(uri);
        return d && /The log service has no log for this step/.test(d.lineAt(0).text) ? d : undefined;
      },
      { message: 'the missing log explained in the first line', timeoutMs: 15_000 },
    );
    assert.equal(doc.lineCount, 2, 'the explanation and nothing else');
  });

  it('refuses, and says so, a step of an account that is not signed in', async () => {
    const node = await stepNode('first');
    assert.ok(node);
    const result = await vscode.commands.executeCommand<{ status: string; reason?: string }>(
      'harness.openStepLog',
      { ...targetOf(node), accountId: 'someOtherAccount' },
    );
    assert.equal(result?.status, 'refused');
    assert.match(result.reason ?? '', /account someOtherAccount/);
  });
});
