// How each node looks: label, description, codicon, colour and tooltip text. vscode-free (the
// provider turns these into TreeItems) so the mapping is unit tested.
import {
  executionStatusInfo,
  type Connector,
  type ConnectivityStatus,
  type PipelineSummary,
  type Tags,
} from '../api/types';
import { executionPartView, executionRowView } from '../executions/rows';
import { inputSetRowView } from '../inputSets/rows';
import type { HarnessNode } from './nodes';

export interface Presentation {
  label: string;
  description?: string;
  /** Codicon id, e.g. `pass` → `$(pass)`. */
  icon: string;
  /** Theme colour id for the icon. */
  color?: string;
  /** Markdown. */
  tooltip?: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
}

const CONNECTOR_TYPE_ICONS: Record<string, string> = {
  Github: 'github',
  Git: 'git-branch',
  Gitlab: 'git-branch',
  Bitbucket: 'git-branch',
  AzureRepo: 'azure-devops',
  Codecommit: 'git-branch',
  DockerRegistry: 'package',
  Artifactory: 'package',
  Nexus: 'package',
  HttpHelmRepo: 'package',
  OciHelmRepo: 'package',
  K8sCluster: 'server-environment',
  Rancher: 'server-environment',
  Aws: 'cloud',
  Gcp: 'cloud',
  Azure: 'azure',
  Vault: 'key',
  AwsKms: 'key',
  AwsSecretManager: 'key',
  GcpKms: 'key',
  GcpSecretManager: 'key',
  AzureKeyVault: 'key',
  CustomSecretManager: 'key',
  Jira: 'issues',
  ServiceNow: 'issues',
  Jenkins: 'tools',
  Bamboo: 'tools',
  Prometheus: 'graph',
  Datadog: 'graph',
  Slack: 'comment-discussion',
  MsTeams: 'comment-discussion',
};

export function connectorIcon(type: string): string {
  return CONNECTOR_TYPE_ICONS[type] ?? 'plug';
}

export function connectivityColor(status: ConnectivityStatus | undefined): string | undefined {
  switch (status) {
    case 'SUCCESS':
      return 'testing.iconPassed';
    case 'FAILURE':
      return 'testing.iconFailed';
    case 'PARTIAL':
      return 'list.warningForeground';
    case 'PENDING':
      return 'charts.yellow';
    default:
      return undefined;
  }
}

/** "UNKNOWN", or for a value Harness sent that this extension does not know: `UNKNOWN ("X" from Harness)`. */
function connectivityText(status: ConnectivityStatus | undefined, raw: string | undefined): string {
  if (status === undefined) return 'UNKNOWN';
  return status === 'UNKNOWN' && raw
    ? `UNKNOWN ("${raw}" from Harness, not a status this extension knows)`
    : status;
}

/**
 * Icon and colour for an execution status, in any of Harness's spellings (`Success`, `SUCCEEDED`,
 * `APPROVAL_WAITING`). A status this extension does not know gets a question mark, never a
 * failure: the tooltip shows the raw value.
 */
export function executionIcon(status: string | undefined): { icon: string; color?: string } {
  if (!status) return { icon: 'circle-large-outline' };
  switch (executionStatusInfo(status).group) {
    case 'success':
      return { icon: 'pass', color: 'testing.iconPassed' };
    case 'failed':
      return { icon: 'error', color: 'testing.iconFailed' };
    case 'aborted':
      return { icon: 'circle-slash', color: 'disabledForeground' };
    case 'running':
      return { icon: 'sync~spin', color: 'charts.blue' };
    case 'waiting':
      return { icon: 'watch', color: 'charts.yellow' };
    case 'skipped':
      return { icon: 'circle-large-outline' };
    default:
      return { icon: 'question' };
  }
}

/** `Failed 2026-01-01 10:00:00 UTC`; an unknown status says so, with the value as sent. */
function lastExecutionText(status: string, ts: number | undefined): string {
  const info = executionStatusInfo(status);
  const text = info.known ? info.status : `${status} (status not known to this extension)`;
  return `${text} ${date(ts) ?? ''}`.trim();
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

function lines(
  rows: [string, string | undefined][],
  title: string,
  description?: string,
  tags?: Tags,
): string {
  const out = [`**${md(title)}**`];
  if (description) out.push('', md(description));
  out.push('');
  for (const [k, v] of rows) if (v) out.push(`${k}: ${md(v)}  `);
  const tagText = tags ? Object.entries(tags).map(([k, v]) => (v ? `${k}:${v}` : k)) : [];
  if (tagText.length > 0) out.push(`Tags: ${md(tagText.join(', '))}  `);
  return out.join('\n');
}

function pipelineView(p: PipelineSummary): Presentation {
  const exec = p.executionSummaryInfo;
  const { icon, color } = executionIcon(exec?.lastExecutionStatus);
  const git = p.storeType === 'REMOTE' ? p.gitDetails : undefined;
  const repo = git ? [git.repoName ?? git.repoIdentifier, git.branch].filter(Boolean).join(' @ ') : undefined;
  return {
    label: p.name || p.identifier,
    description: git ? `⎇ ${repo ?? 'remote'}` : undefined,
    icon,
    ...(color ? { color } : {}),
    tooltip: lines(
      [
        ['Identifier', p.identifier],
        [
          'Stored',
          p.storeType === 'REMOTE'
            ? `in Git: ${repo ?? ''}${git?.filePath ? ` (${git.filePath})` : ''}`
            : undefined,
        ],
        [
          'Last execution',
          exec?.lastExecutionStatus
            ? lastExecutionText(exec.lastExecutionStatus, exec.lastExecutionTs)
            : 'never run',
        ],
        ['Stages', p.numOfStages !== undefined ? String(p.numOfStages) : undefined],
        ['Last modified', date(p.lastUpdatedAt)],
        ['Invalid YAML', p.entityValidityDetails?.valid === false ? 'yes' : undefined],
      ],
      p.name || p.identifier,
      p.description,
      p.tags,
    ),
    // Its children are the Executions and Input Sets folders.
    collapsible: 'collapsed',
  };
}

function connectorView(c: Connector): Presentation {
  const info = c.connector;
  const status = c.status?.status;
  const color = connectivityColor(status);
  return {
    label: info.name || info.identifier,
    description: `${info.type}${status && status !== 'UNKNOWN' ? ` · ${status.toLowerCase()}` : ''}`,
    icon: connectorIcon(info.type),
    ...(color ? { color } : {}),
    tooltip: lines(
      [
        ['Identifier', info.identifier],
        ['Type', info.type],
        ['Connectivity', connectivityText(status, c.status?.rawStatus)],
        [
          'Error',
          status === 'FAILURE' || status === 'PARTIAL' ? (c.status?.errorSummary ?? 'no details') : undefined,
        ],
        ['Last tested', date(c.status?.testedAt ?? c.status?.lastTestedAt)],
        ['Last modified', date(c.lastModifiedAt)],
      ],
      info.name || info.identifier,
      info.description,
      info.tags,
    ),
    collapsible: 'none',
  };
}

export function present(
  node: HarnessNode,
  loadMoreCounts?: { shown: number; total?: number },
  now: number = Date.now(),
): Presentation {
  switch (node.kind) {
    case 'account':
      return {
        label: node.label,
        description: new URL(node.baseUrl).host,
        icon: 'account',
        tooltip: lines(
          [
            ['Account id', node.accountId],
            ['Base URL', node.baseUrl],
          ],
          node.label,
        ),
        collapsible: 'expanded',
      };
    case 'org':
      return {
        label: node.org.name || node.org.identifier,
        description: node.org.name && node.org.name !== node.org.identifier ? node.org.identifier : undefined,
        icon: 'organization',
        tooltip: lines(
          [
            ['Identifier', node.org.identifier],
            ['Last modified', date(node.org.lastModifiedAt)],
          ],
          node.org.name || node.org.identifier,
          node.org.description,
          node.org.tags,
        ),
        collapsible: 'collapsed',
      };
    case 'project':
      return {
        label: node.project.name || node.project.identifier,
        description:
          node.project.name && node.project.name !== node.project.identifier
            ? node.project.identifier
            : undefined,
        icon: 'project',
        tooltip: lines(
          [
            ['Identifier', `${node.project.orgIdentifier}/${node.project.identifier}`],
            ['Modules', node.project.modules?.join(', ')],
            ['Last modified', date(node.project.lastModifiedAt)],
          ],
          node.project.name || node.project.identifier,
          node.project.description,
          node.project.tags,
        ),
        collapsible: 'collapsed',
      };
    case 'pipelines':
      return { label: 'Pipelines', icon: 'rocket', collapsible: 'collapsed' };
    case 'connectors':
      return {
        label: 'Connectors',
        icon: 'plug',
        description: node.scope.projectIdentifier ? undefined : node.scope.orgIdentifier ? 'org' : 'account',
        collapsible: 'collapsed',
      };
    case 'pipeline':
      return pipelineView(node.pipeline);
    case 'connector':
      return connectorView(node.connector);
    case 'executions':
      return { label: 'Executions', icon: 'history', collapsible: 'collapsed' };
    case 'execution': {
      const { icon, color } = executionIcon(node.summary.status);
      return { ...executionRowView(node.summary, now), icon, ...(color ? { color } : {}) };
    }
    case 'executionPart': {
      const { icon, color } = executionIcon(node.part.status);
      return { ...executionPartView(node.part, now), icon, ...(color ? { color } : {}) };
    }
    case 'inputSets':
      return { label: 'Input Sets', icon: 'symbol-namespace', collapsible: 'collapsed' };
    case 'inputSet':
      return inputSetRowView(node.inputSet);
    case 'loadMore':
      return {
        label: 'Load more…',
        description: loadMoreCounts
          ? `${loadMoreCounts.shown}${loadMoreCounts.total !== undefined ? ` of ${loadMoreCounts.total}` : ''} shown`
          : undefined,
        icon: 'ellipsis',
        collapsible: 'none',
      };
    case 'error':
      return {
        label: node.message,
        description: node.errorKind === 'forbidden' ? 'no permission' : 'Retry',
        icon: node.errorKind === 'forbidden' ? 'lock' : 'error',
        color: 'errorForeground',
        tooltip: [md(node.message), node.detail ? md(node.detail) : undefined, '', 'Click to retry.']
          .filter((l) => l !== undefined)
          .join('\n\n'),
        collapsible: 'none',
      };
    case 'message':
      return { label: node.message, icon: 'info', collapsible: 'none' };
  }
}
