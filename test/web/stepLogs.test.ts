// Step logs in the web build: the log service's stream read through the browser's fetch in a web
// worker, a running step followed until its log is complete, ANSI stripped, then a finished step
// read from the blob.
import * as vscode from 'vscode';
import type { SignInResult } from '../../src/account/manager';
import type { ExecutionNode, HarnessApi } from '../../src/api/types';
import type { StepLogTarget } from '../../src/executions/stepLogTarget';
import { config, equal, harnessExports, match, ok, screenshot, simRequests, waitFor } from './support';

const SCOPE = { orgIdentifier: 'default', projectIdentifier: 'default_project' };

const PIPELINE = `pipeline:
  name: web_logs
  identifier: web_logs
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
              - step:
                  type: ShellScript
                  name: Compile
                  identifier: compile
                  timeout: 10m
                  spec:
                    shell: Bash
                    onDelegate: true
                    source:
                      type: Inline
                      spec:
                        script: echo compiling in the browser
`;

const flatten = (nodes: readonly ExecutionNode[]): ExecutionNode[] =>
  nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe('step logs through fetch', () => {
  let api: HarnessApi;
  let accountId: string;
  let runId: string;

  const compile = async (): Promise<ExecutionNode | undefined> => {
    const detail = await api.getExecutionDetail(SCOPE, runId, { fullGraph: true });
    return flatten(detail.stages).find((n) => n.kind === 'step' && n.identifier === 'compile');
  };
  const target = (node: ExecutionNode): StepLogTarget => ({
    accountId,
    scope: SCOPE,
    pipelineIdentifier: 'web_logs',
    planExecutionId: runId,
    stepIdentifier: node.identifier,
    stepName: node.name,
    logBaseKey: node.logBaseKey ?? '',
    status: node.status,
    nodeId: node.id,
  });
  const open = async (node: ExecutionNode): Promise<vscode.TextDocument> => {
    const result = await vscode.commands.executeCommand<{ status: string; uri?: string }>(
      'harness.openStepLog',
      target(node),
    );
    equal(result?.status, 'ok', `openStepLog: ${JSON.stringify(result)}`);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri);
    ok(doc, 'the log document is open');
    return doc;
  };

  before(async () => {
    const cfg = await config();
    const signedIn = await vscode.commands.executeCommand<SignInResult>('harness.signIn', {
      baseUrl: cfg.simUrl,
      token: cfg.token,
    });
    ok(signedIn?.ok, `sign-in: ${JSON.stringify(signedIn)}`);
    const account = (await harnessExports()).currentAccount();
    ok(account, 'an active account');
    api = account.api;
    accountId = account.accountId;
    // Both web hosts share one simulator: the second finds the pipeline the first created.
    await api.createPipeline(SCOPE, PIPELINE).catch((err: unknown) => {
      if (Reflect.get(err as object, 'kind') !== 'duplicate') throw err;
    });
    runId = (await api.executePipeline(SCOPE, 'web_logs')).uuid;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('harness.signOut');
  });

  it('follows a running step on the stream until its log is complete', async () => {
    const running = await waitFor(
      async () => {
        const n = await compile();
        return n?.status === 'Running' && n.logBaseKey ? n : undefined;
      },
      { message: 'the step running' },
    );
    const doc = await open(running);
    await waitFor(() => (/complete, \d+ lines\.$/.test(doc.lineAt(0).text) ? true : undefined), {
      message: () => `the log complete (now: ${JSON.stringify(doc.lineAt(0).text)})`,
    });
    const text = doc.getText();
    ok(!text.includes('\u001b'), `no raw ANSI: ${JSON.stringify(text)}`);
    match(text, /INFO {2}compiling in the browser/);
    const stream = (await simRequests()).find((r) => r.path === '/gateway/log-service/stream');
    ok(stream?.origin, 'the stream was read by the browser (a request with an Origin)');
    await screenshot('step-log');
  });

  it("reads a finished step's log from the blob", async () => {
    const finished = await waitFor(
      async () => {
        const n = await compile();
        return n?.status === 'Success' ? n : undefined;
      },
      { message: 'the step finished' },
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const blobs = async (): Promise<number> =>
      (await simRequests()).filter((r) => r.path === '/gateway/log-service/blob').length;
    const before = await blobs();
    const doc = await open(finished);
    await waitFor(() => (/complete/.test(doc.lineAt(0).text) ? true : undefined), {
      message: 'the finished log shown',
    });
    match(doc.getText(), /Command completed successfully/);
    ok((await blobs()) > before, 'the blob was read again for the reopened log');
  });
});
