// How the rows of a pipeline's Input Sets folder look (label, description, icon, tooltip) and
// the nodes a page of input sets becomes. vscode-free (the tree provider turns these into
// TreeItems), so the mapping is unit tested. Fields as Harness lists them (InputSetSummaryResponse:
// inputSetType, isOutdated, gitDetails; see src/api/executionParsers.ts).
import type { InputSetSummary } from '../api/types';
import { nodeIds, type InputSetNode, type InputSetsFolderNode } from '../tree/nodes';

/** The click command of an input set row (also its inline action). */
export const OPEN_INPUT_SET_COMMAND = 'harness.openInputSet';

export interface InputSetRowView {
  label: string;
  description?: string;
  /** Codicon id. */
  icon: string;
  /** Theme colour id for the icon. */
  color?: string;
  /** Markdown. */
  tooltip: string;
  collapsible: 'none';
}

function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function date(ts: number | undefined): string | undefined {
  return ts
    ? new Date(ts)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC')
    : undefined;
}

/** `overlay` layers the input sets it lists; a type this extension does not know is shown as sent. */
function typeText(s: InputSetSummary): string {
  if (s.inputSetType === 'OVERLAY_INPUT_SET') return 'Overlay input set';
  if (s.inputSetType === 'INPUT_SET') return 'Input set';
  return `${s.rawType ?? 'unknown'} (type not known to this extension)`;
}

/** Where a remote input set's YAML lives: `repo @ branch`, or undefined for an inline one. */
function gitText(s: InputSetSummary): string | undefined {
  const git = s.gitDetails;
  if (!git || (!git.repoName && !git.repoIdentifier && !git.branch)) return undefined;
  return [git.repoName ?? git.repoIdentifier, git.branch].filter(Boolean).join(' @ ') || undefined;
}

/** `identifier · overlay · outdated · ⎇ repo @ branch`; overlay and input set icons differ. */
export function inputSetRowView(s: InputSetSummary): InputSetRowView {
  const overlay = s.inputSetType === 'OVERLAY_INPUT_SET';
  const git = gitText(s);
  const name = s.name || s.identifier;
  const rows: [string, string | undefined][] = [
    ['Identifier', s.identifier],
    ['Type', typeText(s)],
    ['Outdated', s.isOutdated ? 'yes: the pipeline changed since it was saved' : undefined],
    [
      'Stored',
      git ? `in Git: ${git}${s.gitDetails?.filePath ? ` (${s.gitDetails.filePath})` : ''}` : undefined,
    ],
    ['Last modified', date(s.lastUpdatedAt)],
  ];
  const tooltip = [`**${md(name)}**`];
  if (s.description) tooltip.push('', md(s.description));
  tooltip.push('');
  for (const [k, v] of rows) if (v) tooltip.push(`${k}: ${md(v)}  `);
  const tags = s.tags ? Object.entries(s.tags).map(([k, v]) => (v ? `${k}:${v}` : k)) : [];
  if (tags.length > 0) tooltip.push(`Tags: ${md(tags.join(', '))}  `);
  return {
    label: name,
    description: [
      name !== s.identifier ? s.identifier : undefined,
      overlay ? 'overlay' : undefined,
      s.isOutdated ? 'outdated' : undefined,
      git ? `⎇ ${git}` : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    icon: overlay ? 'layers' : s.inputSetType === 'INPUT_SET' ? 'symbol-field' : 'question',
    ...(s.isOutdated ? { color: 'list.warningForeground' } : {}),
    tooltip: tooltip.join('\n'),
    collapsible: 'none',
  };
}

/** The rows of a page of input sets under their folder. */
export function inputSetNodes(folder: InputSetsFolderNode, sets: readonly InputSetSummary[]): InputSetNode[] {
  return sets.map((inputSet) => ({
    kind: 'inputSet',
    id: nodeIds.inputSet(folder.scope, folder.pipelineIdentifier, inputSet.identifier),
    parent: folder,
    scope: folder.scope,
    pipelineIdentifier: folder.pipelineIdentifier,
    inputSet,
  }));
}

/** The click command of an input set row: opens its YAML read-only. */
export function openInputSetCommand(node: InputSetNode): {
  command: string;
  title: string;
  arguments: [InputSetNode];
} {
  return { command: OPEN_INPUT_SET_COMMAND, title: 'Open Input Set YAML', arguments: [node] };
}
