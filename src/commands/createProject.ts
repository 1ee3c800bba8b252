// Create Project: name → identifier (derived, editable, validated by the Harness rules), colour,
// modules, description and tags; then POST and refresh the organization in the tree.
import * as vscode from 'vscode';
import { isHarnessApiError } from '../api/errors';
import type { ModuleType, Project } from '../api/types';
import { scopeOf } from '../tree/nodes';
import { isDuplicate, showCreateError } from './apiErrors';
import type { CommandEnv } from './context';
import { nodeIds } from '../tree/nodes';
import { deriveIdentifier, parseTags, validateColor, validateIdentifier, validateName } from './identifiers';
import {
  failed,
  isCancelled,
  isOptions,
  isTreeNode,
  str,
  withCancellableProgress,
  type CommandResult,
} from './invocation';
import { pickOrg } from './pickers';

export const PROJECT_COLORS: { label: string; color: string }[] = [
  { label: 'Blue', color: '#0063F7' },
  { label: 'Teal', color: '#0092E4' },
  { label: 'Green', color: '#1B841D' },
  { label: 'Orange', color: '#FF8800' },
  { label: 'Red', color: '#E43326' },
  { label: 'Purple', color: '#592BAA' },
  { label: 'Grey', color: '#4F5162' },
];

export const PROJECT_MODULES: { module: ModuleType; label: string }[] = [
  { module: 'CD', label: 'Continuous Delivery' },
  { module: 'CI', label: 'Continuous Integration' },
  { module: 'CF', label: 'Feature Flags' },
  { module: 'CE', label: 'Cloud Costs' },
  { module: 'CV', label: 'Service Reliability' },
  { module: 'STO', label: 'Security Testing' },
  { module: 'CHAOS', label: 'Chaos Engineering' },
  { module: 'IACM', label: 'Infrastructure as Code' },
  { module: 'CODE', label: 'Code Repository' },
  { module: 'IDP', label: 'Developer Portal' },
  { module: 'SSCA', label: 'Supply Chain Assurance' },
  { module: 'SEI', label: 'Engineering Insights' },
];

const VALID_MODULES: ReadonlySet<string> = new Set<string>(PROJECT_MODULES.map((m) => m.module));

export type CreateProjectResult = CommandResult<{ project: Project }>;

type ProjectInput = Omit<Project, 'createdAt' | 'lastModifiedAt' | 'isFavorite'>;

function fromOptions(o: Record<string, unknown>): ProjectInput | string {
  const org = str(o.org);
  const name = str(o.name);
  if (!org || !name) return 'pass org and name';
  const nameError = validateName(name);
  if (nameError) return `name: ${nameError}`;
  const identifier = str(o.identifier) ?? deriveIdentifier(name);
  const idError = validateIdentifier(identifier);
  if (idError) return `identifier: ${idError}`;
  const color = str(o.color) ?? PROJECT_COLORS[0].color;
  const colorError = validateColor(color);
  if (colorError) return `color: ${colorError}`;
  const modules = Array.isArray(o.modules)
    ? o.modules.filter((m): m is ModuleType => typeof m === 'string' && VALID_MODULES.has(m))
    : [];
  const tags =
    typeof o.tags === 'string'
      ? parseTags(o.tags)
      : typeof o.tags === 'object' && o.tags !== null
        ? (o.tags as Record<string, string>)
        : {};
  return {
    orgIdentifier: org,
    identifier,
    name: name.trim(),
    color,
    modules,
    description: str(o.description),
    tags,
  };
}

async function askProject(org: string, previous?: ProjectInput): Promise<ProjectInput | undefined> {
  const name = await vscode.window.showInputBox({
    title: `New project in ${org} (1/5): name`,
    value: previous?.name ?? '',
    ignoreFocusOut: true,
    validateInput: validateName,
  });
  if (name === undefined) return undefined;
  const identifier = await vscode.window.showInputBox({
    title: 'New project (2/5): identifier',
    prompt: 'Used in URLs and YAML; cannot be changed later.',
    value: previous?.identifier ?? deriveIdentifier(name),
    ignoreFocusOut: true,
    validateInput: validateIdentifier,
  });
  if (identifier === undefined) return undefined;
  const color = await vscode.window.showQuickPick(
    PROJECT_COLORS.map((c) => ({ label: c.label, description: c.color, color: c.color })),
    { title: 'New project (3/5): colour', ignoreFocusOut: true },
  );
  if (!color) return undefined;
  const modules = await vscode.window.showQuickPick(
    PROJECT_MODULES.map((m) => ({
      label: m.label,
      description: m.module,
      module: m.module,
      picked: previous?.modules?.includes(m.module),
    })),
    { title: 'New project (4/5): modules (optional)', canPickMany: true, ignoreFocusOut: true },
  );
  if (!modules) return undefined;
  const description = await vscode.window.showInputBox({
    title: 'New project (5/5): description and tags (optional)',
    prompt: 'Description',
    value: previous?.description ?? '',
    ignoreFocusOut: true,
  });
  if (description === undefined) return undefined;
  const tags = await vscode.window.showInputBox({
    title: 'New project (5/5): tags (optional)',
    prompt: 'Comma-separated, e.g. team:platform, critical',
    ignoreFocusOut: true,
  });
  if (tags === undefined) return undefined;
  return {
    orgIdentifier: org,
    identifier,
    name: name.trim(),
    color: color.color,
    modules: modules.map((m) => m.module),
    description: description || undefined,
    tags: parseTags(tags),
  };
}

export async function createProject(env: CommandEnv, arg?: unknown): Promise<CreateProjectResult> {
  const interactive = !isOptions(arg);
  const account = await env.activeAccount(interactive);
  if (!account) return { status: 'refused', reason: 'not signed in to Harness' };

  let input: ProjectInput | undefined;
  let org: string | undefined;
  if (isOptions(arg)) {
    const parsed = fromOptions(arg);
    if (typeof parsed === 'string') return { status: 'refused', reason: parsed };
    input = parsed;
    org = parsed.orgIdentifier;
  } else {
    org =
      (isTreeNode(arg) ? scopeOf(arg) : env.tree.selectedScope())?.orgIdentifier ??
      (await pickOrg(env, account.api));
    if (!org) return { status: 'cancelled' };
  }

  for (;;) {
    if (interactive) input = await askProject(org, input);
    if (!input) return { status: 'cancelled' };
    const body = input;
    try {
      const project = await withCancellableProgress(`Creating project ${body.identifier}…`, (signal) =>
        account.api.createProject(body, { signal }),
      );
      void vscode.window.showInformationMessage(`Harness: created project "${project.name}" in ${org}.`);
      env.tree.refresh({ kind: 'org', id: nodeIds.org(org), org: { identifier: org, name: org } });
      return { status: 'ok', project };
    } catch (err) {
      if (isCancelled(err)) return { status: 'cancelled' };
      await showCreateError(env, err, `project ${body.identifier}`, interactive);
      // Interactive: ask again with the answers kept, so only the wrong field needs changing.
      if (!interactive || !(isDuplicate(err) || isHarnessApiError(err, 'invalid'))) return failed(err);
    }
  }
}
