import * as assert from 'node:assert/strict';
import type { Connector, PipelineSummary } from '../../../../src/api/types';
import { contextValue, scopeOf, type HarnessNode } from '../../../../src/tree/nodes';
import { connectorIcon, executionIcon, present } from '../../../../src/tree/presentation';

const scope = { orgIdentifier: 'o', projectIdentifier: 'p' };
const pipelineNode = (p: Partial<PipelineSummary>): HarnessNode => ({
  kind: 'pipeline',
  id: 'x',
  scope,
  pipeline: { identifier: 'build', name: 'Build', ...p },
});
const connectorNode = (c: Partial<Connector>): HarnessNode => ({
  kind: 'connector',
  id: 'c',
  scope: { orgIdentifier: 'o' },
  connector: { connector: { name: 'gh', identifier: 'gh', type: 'Github', spec: {} }, ...c },
});

describe('tree presentation', () => {
  it('marks remote pipelines in contextValue and description', () => {
    const remote = pipelineNode({
      storeType: 'REMOTE',
      gitDetails: { repoName: 'infra', branch: 'main', filePath: '.harness/build.yaml' },
    });
    assert.equal(contextValue(remote), 'harness.pipeline.remote');
    assert.equal(contextValue(pipelineNode({})), 'harness.pipeline');
    const view = present(remote);
    assert.match(view.description ?? '', /infra @ main/);
    assert.match(view.tooltip ?? '', /\\\.harness\/build\\\.yaml/);
  });

  it('shows the last execution status as the pipeline icon', () => {
    assert.deepEqual(executionIcon('Success'), { icon: 'pass', color: 'testing.iconPassed' });
    assert.deepEqual(executionIcon('FAILED'), { icon: 'error', color: 'testing.iconFailed' });
    assert.equal(executionIcon('Running').icon, 'sync~spin');
    assert.equal(executionIcon('ApprovalWaiting').icon, 'watch');
    assert.equal(executionIcon('Aborted').icon, 'circle-slash');
    assert.equal(executionIcon(undefined).icon, 'circle-large-outline');
    const v = present(
      pipelineNode({ executionSummaryInfo: { lastExecutionStatus: 'Failed', lastExecutionTs: 0 } }),
    );
    assert.equal(v.icon, 'error');
  });

  it('gives connectors a type icon coloured by connectivity, with the error summary in the tooltip', () => {
    assert.equal(connectorIcon('Github'), 'github');
    assert.equal(connectorIcon('DockerRegistry'), 'package');
    assert.equal(connectorIcon('SomethingNew'), 'plug');
    const failing = present(
      connectorNode({ status: { status: 'FAILURE', errorSummary: 'Invalid credentials' } }),
    );
    assert.equal(failing.icon, 'github');
    assert.equal(failing.color, 'testing.iconFailed');
    assert.match(failing.description ?? '', /Github · failure/);
    assert.match(failing.tooltip ?? '', /Error: Invalid credentials/);
    const ok = present(connectorNode({ status: { status: 'SUCCESS' } }));
    assert.equal(ok.color, 'testing.iconPassed');
    assert.doesNotMatch(ok.tooltip ?? '', /Error:/);
    assert.equal(present(connectorNode({})).color, undefined);
  });

  it('puts identifiers, descriptions and tags in tooltips, escaping markdown', () => {
    const v = present({
      kind: 'org',
      id: 'org:o',
      org: {
        identifier: 'team_a',
        name: 'Team *A*',
        description: 'The [A] team',
        tags: { env: 'prod', solo: '' },
      },
    });
    assert.match(v.tooltip ?? '', /Identifier: team\\_a/);
    assert.match(v.tooltip ?? '', /The \\\[A\\\] team/);
    assert.match(v.tooltip ?? '', /Tags: env:prod, solo/);
    assert.equal(v.collapsible, 'collapsed');
  });

  it('gives each node kind its contextValue and scope', () => {
    assert.equal(
      contextValue({ kind: 'account', id: 'a', accountId: 'a', label: 'A', baseUrl: 'https://h' }),
      'harness.account',
    );
    assert.deepEqual(
      scopeOf({ kind: 'account', id: 'a', accountId: 'a', label: 'A', baseUrl: 'https://h' }),
      {},
    );
    assert.deepEqual(scopeOf(connectorNode({})), { orgIdentifier: 'o' });
    assert.deepEqual(
      scopeOf({ kind: 'project', id: 'p', project: { orgIdentifier: 'o', identifier: 'p', name: 'P' } }),
      scope,
    );
    assert.equal(contextValue({ kind: 'message', id: 'm', message: 'hi' }), undefined);
  });

  it('labels Load more with progress and 403 error nodes as permission problems', () => {
    const owner: HarnessNode = { kind: 'pipelines', id: 'f', scope };
    assert.equal(
      present({ kind: 'loadMore', id: 'm', owner }, { shown: 50, total: 312 }).description,
      '50 of 312 shown',
    );
    const e = present({ kind: 'error', id: 'e', owner, message: 'denied', errorKind: 'forbidden' });
    assert.equal(e.icon, 'lock');
    assert.match(e.tooltip ?? '', /retry/i);
  });
});
