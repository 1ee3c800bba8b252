// How an input set row looks: name and identifier, overlay vs input set icon, "outdated" when
// Harness says so, and a tooltip with the description and, for remote ones, where in Git it lives.
import * as assert from 'node:assert/strict';
import type { InputSetSummary } from '../../../../src/api/types';
import { inputSetNodes, inputSetRowView, openInputSetCommand } from '../../../../src/inputSets/rows';
import {
  contextValue,
  nodeIds,
  scopeOf,
  type InputSetNode,
  type InputSetsFolderNode,
} from '../../../../src/tree/nodes';
import { present } from '../../../../src/tree/presentation';

const scope = { orgIdentifier: 'default', projectIdentifier: 'demo' };
const folder: InputSetsFolderNode = {
  kind: 'inputSets',
  id: nodeIds.inputSets(scope, 'cleanup'),
  scope,
  pipelineIdentifier: 'cleanup',
};

function row(s: InputSetSummary): InputSetNode {
  const [node] = inputSetNodes(folder, [s]);
  return node;
}

describe('input sets: the rows of the Input Sets folder', () => {
  it('shows an input set by name with its identifier, the input set icon and its description', () => {
    const view = inputSetRowView({
      identifier: 'dev_inputs',
      name: 'Dev inputs',
      description: 'Values for *dev*',
      inputSetType: 'INPUT_SET',
      lastUpdatedAt: Date.UTC(2026, 11, 2, 14, 5, 0),
    });
    assert.equal(view.label, 'Dev inputs');
    assert.equal(view.description, 'dev_inputs');
    assert.equal(view.icon, 'symbol-field');
    assert.equal(view.color, undefined);
    assert.equal(view.collapsible, 'none');
    assert.match(view.tooltip, /^\*\*Dev inputs\*\*\n\nValues for \\\*dev\\\*\n/);
    assert.match(view.tooltip, /Identifier: dev\\_inputs {2}/);
    assert.match(view.tooltip, /Type: Input set {2}/);
    assert.match(view.tooltip, /Last modified: 2026\\-12\\-02 14:05:00 UTC/);
    assert.doesNotMatch(view.tooltip, /Outdated|Stored/);
  });

  it('marks an overlay with its own icon and word', () => {
    const view = inputSetRowView({ identifier: 'all', name: 'All', inputSetType: 'OVERLAY_INPUT_SET' });
    assert.equal(view.icon, 'layers');
    assert.equal(view.description, 'all · overlay');
    assert.match(view.tooltip, /Type: Overlay input set/);
  });

  it('says "outdated" (and colours the icon) only when Harness says so', () => {
    const outdated = inputSetRowView({ identifier: 'old', inputSetType: 'INPUT_SET', isOutdated: true });
    assert.equal(outdated.label, 'old');
    assert.equal(outdated.description, 'outdated', 'no repeated identifier when there is no name');
    assert.equal(outdated.color, 'list.warningForeground');
    assert.match(outdated.tooltip, /Outdated: yes: the pipeline changed since it was saved/);
    const fresh = inputSetRowView({ identifier: 'new', inputSetType: 'INPUT_SET', isOutdated: false });
    assert.equal(fresh.description, '');
    assert.equal(fresh.color, undefined);
  });

  it('shows where a remote input set lives in Git', () => {
    const view = inputSetRowView({
      identifier: 'prod',
      name: 'Prod',
      inputSetType: 'INPUT_SET',
      gitDetails: { repoName: 'pipelines', branch: 'main', filePath: '.harness/input_sets/prod.yaml' },
    });
    assert.equal(view.description, 'prod · ⎇ pipelines @ main');
    // Markdown-escaped, as every tooltip value.
    assert.ok(
      view.tooltip.includes('Stored: in Git: pipelines @ main \\(\\.harness/input\\_sets/prod\\.yaml\\)'),
    );
  });

  it('shows a type this extension does not know as Harness sent it, with a question mark', () => {
    const view = inputSetRowView({ identifier: 'x', inputSetType: 'UNKNOWN', rawType: 'NEW_KIND' });
    assert.equal(view.icon, 'question');
    assert.ok(view.tooltip.includes('Type: NEW\\_KIND \\(type not known to this extension\\)'));
  });

  it('builds nodes under the folder, with ids, menus and scope', () => {
    const set = row({ identifier: 'dev_inputs', inputSetType: 'INPUT_SET' });
    assert.equal(set.id, 'inputset:default/demo:cleanup:dev_inputs');
    assert.equal(set.parent, folder);
    assert.equal(set.pipelineIdentifier, 'cleanup');
    assert.equal(contextValue(set), 'harness.inputSet');
    assert.equal(
      contextValue(row({ identifier: 'o', inputSetType: 'OVERLAY_INPUT_SET' })),
      'harness.inputSet.overlay',
    );
    assert.equal(contextValue(folder), 'harness.inputSets');
    assert.deepEqual(scopeOf(set), scope);
    assert.deepEqual(openInputSetCommand(set), {
      command: 'harness.openInputSet',
      title: 'Open Input Set YAML',
      arguments: [set],
    });
  });

  it('presents the folder and the rows in the tree', () => {
    assert.deepEqual(present(folder), {
      label: 'Input Sets',
      icon: 'symbol-namespace',
      collapsible: 'collapsed',
    });
    const view = present(row({ identifier: 'all', name: 'All', inputSetType: 'OVERLAY_INPUT_SET' }));
    assert.equal(view.label, 'All');
    assert.equal(view.icon, 'layers');
  });
});
