// Input sets in the real extension host against the simulator (which seeds two input sets and an
// overlay for the demo project's cleanup pipeline): a pipeline → Input Sets lists them with their
// icons and menus, a failed page shows an error node whose Retry loads it, a row opens its YAML as
// a read-only `harness-inputset:` document the language server validates, Copy Identifier, and
// Run with this Input Set sends the input set's values in the execute request.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HarnessNode, InputSetNode } from '../../src/tree/nodes';
import {
  harnessExports,
  signIn,
  signOutAll,
  startSim,
  type HarnessExports,
  type SimLike,
} from './accountSupport';
import { harnessDiagnostics } from './helpers/diagnostics';

const ORG = 'default';
const PROJECT = 'default_project';
const PIPELINE = 'default_project_cleanup';
const LIST = '/pipeline/api/inputSets';

type Result = { status: string; [key: string]: unknown };
type SimRequest = { method: string; path: string; query: Record<string, string | string[]>; body: string };
/** The simulator's input sets (shape owned by test/simulator/model.ts SimInputSet). */
type SimWithInputSets = SimLike & { state: { inputSets: Record<string, unknown>[] } };

async function run(command: string, ...args: unknown[]): Promise<Result> {
  const result = await vscode.commands.executeCommand<Result>(command, ...args);
  assert.ok(result && typeof result.status === 'string', `${command} returned ${JSON.stringify(result)}`);
  return result;
}

describe('input sets: the Input Sets folder and its commands (real host, simulator)', function () {
  this.timeout(60_000);
  let sim: SimWithInputSets;
  let api: HarnessExports;

  const children = (node?: HarnessNode) => Promise.resolve(api.tree.getChildren(node));
  const item = (node: HarnessNode) => api.tree.getTreeItem(node);
  const label = (node: HarnessNode) => {
    const l = item(node).label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  const requests = () => sim.requests as unknown as SimRequest[];
  async function child(parent: HarnessNode | undefined, pick: (n: HarnessNode) => boolean, what: string) {
    const found = (await children(parent)).find(pick);
    assert.ok(found, `expected ${what} under ${parent ? parent.id : 'the root'}`);
    return found;
  }
  async function inputSetsFolder(): Promise<HarnessNode> {
    const account = await child(undefined, (n) => n.kind === 'account', 'the account');
    const org = await child(account, (n) => n.kind === 'org' && n.org.identifier === ORG, 'the org');
    const project = await child(
      org,
      (n) => n.kind === 'project' && n.project.identifier === PROJECT,
      'the project',
    );
    const pipelines = await child(project, (n) => n.kind === 'pipelines', 'Pipelines');
    if (pipelines.kind === 'pipelines') api.tree.setNodeFilter(pipelines, PIPELINE);
    const pipeline = await child(
      pipelines,
      (n) => n.kind === 'pipeline' && n.pipeline.identifier === PIPELINE,
      'the cleanup pipeline',
    );
    const kids = await children(pipeline);
    assert.deepEqual(
      kids.map((n) => [n.kind, label(n), item(n).contextValue]),
      [
        ['executions', 'Executions', 'harness.executions'],
        ['inputSets', 'Input Sets', 'harness.inputSets'],
      ],
    );
    assert.equal(item(kids[1]).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    return kids[1];
  }
  async function rows(): Promise<InputSetNode[]> {
    return (await children(await inputSetsFolder())).filter((n): n is InputSetNode => n.kind === 'inputSet');
  }
  const row = async (identifier: string) => {
    const found = (await rows()).find((n) => n.inputSet.identifier === identifier);
    assert.ok(found, `expected input set ${identifier}`);
    return found;
  };

  before(async () => {
    api = await harnessExports();
    await signOutAll(api);
    sim = (await startSim()) as SimWithInputSets;
    const r = await signIn({ baseUrl: sim.url, token: sim.tokens.admin });
    assert.ok(r.ok, JSON.stringify(r));
    await vscode.commands.executeCommand('harness.resources.focus');
  });

  after(async () => {
    sim?.faults.clear();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await signOutAll(api);
    await sim?.close();
  });

  it('lists the input sets and the overlay of the pipeline, with their icons, descriptions and menus', async () => {
    const before = requests().length;
    const list = await rows();
    // In the order Harness lists them (not asserted); each row once.
    assert.deepEqual(
      list
        .map((n) => {
          const it = item(n);
          return [label(n), it.description, (it.iconPath as vscode.ThemeIcon).id, it.contextValue];
        })
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      [
        ['Nightly', 'nightly', 'symbol-field', 'harness.inputSet'],
        ['Nightly, verbose', 'nightly_verbose · overlay', 'layers', 'harness.inputSet.overlay'],
        ['Verbose logs', 'verbose', 'symbol-field', 'harness.inputSet'],
      ],
    );
    const nightly = item(list.find((n) => n.inputSet.identifier === 'nightly')!);
    assert.equal(nightly.command?.command, 'harness.openInputSet');
    assert.match(
      (nightly.tooltip as vscode.MarkdownString).value,
      /Identifier: nightly {2}\nType: Input set/,
    );
    const listed = requests()
      .slice(before)
      .filter((r) => r.method === 'GET' && r.path === LIST);
    assert.equal(listed.length, 1, 'one page request');
    assert.equal(listed[0].query.pipelineIdentifier, PIPELINE);
    assert.equal(listed[0].query.inputSetType, 'ALL');
  });

  it('shows a failed page as an error node, and Retry loads it', async () => {
    const folder = await inputSetsFolder();
    api.tree.refresh(folder);
    sim.faults.inject({ path: LIST, kind: '500', times: 10 });
    const failed = await children(folder);
    sim.faults.clear();
    const err = failed.at(-1);
    assert.ok(
      err && err.kind === 'error',
      `expected an error node, got ${failed.map((n) => n.kind).join(',')}`,
    );
    assert.equal(item(err).contextValue, 'harness.error');
    assert.equal(item(err).command?.command, 'harness.retry');
    await vscode.commands.executeCommand('harness.retry', err);
    const kids = await children(folder);
    assert.equal(kids.filter((n) => n.kind === 'inputSet').length, 3);
  });

  it('opens an input set as a read-only YAML document with what Harness stores', async () => {
    const nightly = await row('nightly');
    const click = item(nightly).command;
    assert.ok(click);
    const opened = await run(click.command, ...(click.arguments ?? []));
    assert.equal(opened.status, 'ok', JSON.stringify(opened));
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc, 'an editor shows the input set');
    assert.equal(doc.uri.toString(), opened.uri);
    // A content provider's scheme: VS Code opens it read-only (no save, no untitled prompt).
    assert.equal(doc.uri.scheme, 'harness-inputset');
    assert.equal(doc.isUntitled, false);
    assert.equal(doc.languageId, 'yaml');
    assert.match(doc.getText(), /^inputSet:\n/);
    assert.match(doc.getText(), /identifier: nightly/);
    assert.match(doc.getText(), /Nightly cleanup/);
    const got = requests().filter((r) => r.method === 'GET' && r.path === `${LIST}/nightly`);
    assert.ok(got.length >= 1);
    assert.equal(got.at(-1)?.query.pipelineIdentifier, PIPELINE);
  });

  it('has the language server validate an opened input set', async () => {
    const template = sim.state.inputSets.find((s) => s.identifier === 'verbose');
    assert.ok(template);
    sim.state.inputSets.push({
      ...template,
      identifier: 'broken',
      name: 'Broken',
      yaml: [
        'inputSet:',
        '  name: Broken',
        '  identifier: broken',
        `  orgIdentifier: ${ORG}`,
        `  projectIdentifier: ${PROJECT}`,
        '  pipeline:',
        `    identifier: ${PIPELINE}`,
        '    variables:',
        '      - name: log_level',
        '        type: String',
        '        value: <+input.broken',
        '',
      ].join('\n'),
    });
    const opened = await run('harness.openInputSet', {
      org: ORG,
      project: PROJECT,
      pipeline: PIPELINE,
      identifier: 'broken',
    });
    assert.equal(opened.status, 'ok', JSON.stringify(opened));
    const diagnostics = await harnessDiagnostics(vscode.Uri.parse(String(opened.uri)), (d) => d.length > 0);
    assert.ok(
      diagnostics.some((d) => d.range.start.line === 10),
      JSON.stringify(diagnostics.map((d) => d.message)),
    );
  });

  it('copies an input set identifier', async () => {
    const result = await run('harness.copyIdentifier', await row('verbose'));
    assert.equal(result.status, 'ok');
    assert.equal(await vscode.env.clipboard.readText(), 'verbose');
  });

  it('runs the pipeline with the input set: the execute request carries its values', async () => {
    const nightly = await row('nightly');
    const before = requests().length;
    const result = await run('harness.runWithInputSet', nightly);
    assert.equal(result.status, 'ok', JSON.stringify(result));
    const sent = requests().slice(before);
    const merge = sent.find((r) => r.path === `${LIST}/merge`);
    assert.ok(merge, 'Harness merged the input set');
    assert.deepEqual(JSON.parse(merge.body).inputSetReferences, ['nightly']);
    const execute = sent.find((r) => r.path === `/pipeline/api/pipeline/execute/${PIPELINE}`);
    assert.ok(execute, 'the pipeline was executed');
    assert.match(execute.body, /Nightly cleanup/);
    assert.match(execute.body, /value: nightly/);
    assert.ok(
      !sent.some((r) => r.method === 'GET' && r.path === LIST),
      'the input set is given: the Run dialog does not list them to choose',
    );
  });
});
