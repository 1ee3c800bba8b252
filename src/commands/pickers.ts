// Quick picks for choosing where something goes (organization, project, scope) when neither
// the arguments, the YAML nor the tree selection say. First page only (100 items), with the
// server-side search the tree uses for more.
import * as vscode from 'vscode';
import type { HarnessApi, ProjectScope, Scope } from '../api/types';
import type { CommandEnv } from './context';

interface Item<T> extends vscode.QuickPickItem {
  value: T;
}

async function pick<T>(items: Item<T>[], placeHolder: string): Promise<T | undefined> {
  const chosen = await vscode.window.showQuickPick(items, {
    placeHolder,
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  return chosen?.value;
}

export async function pickOrg(env: CommandEnv, api: HarnessApi): Promise<string | undefined> {
  try {
    const page = await api.listOrganizations({ pageIndex: 0, pageSize: 100 });
    return pick(
      page.items.map((o) => ({ label: o.name, description: o.identifier, value: o.identifier })),
      'Organization',
    );
  } catch (err) {
    env.reportError(err, 'list organizations');
    return undefined;
  }
}

export async function pickProject(
  env: CommandEnv,
  api: HarnessApi,
  org?: string,
): Promise<ProjectScope | undefined> {
  const orgIdentifier = org ?? (await pickOrg(env, api));
  if (!orgIdentifier) return undefined;
  try {
    const page = await api.listProjects(orgIdentifier, { pageIndex: 0, pageSize: 100 });
    const id = await pick(
      page.items.map((p) => ({
        label: p.name,
        description: `${orgIdentifier}/${p.identifier}`,
        value: p.identifier,
      })),
      `Project in ${orgIdentifier}`,
    );
    return id ? { orgIdentifier, projectIdentifier: id } : undefined;
  } catch (err) {
    env.reportError(err, 'list projects');
    return undefined;
  }
}

/** Account, an organization, or a project. */
export async function pickScope(env: CommandEnv, api: HarnessApi): Promise<Scope | undefined> {
  const level = await pick<'account' | 'org' | 'project'>(
    [
      {
        label: '$(account) Account',
        description: 'visible in every organization and project',
        value: 'account',
      },
      { label: '$(organization) Organization', value: 'org' },
      { label: '$(project) Project', value: 'project' },
    ],
    'Where should it be created?',
  );
  if (level === 'account') return {};
  if (level === 'org') {
    const org = await pickOrg(env, api);
    return org ? { orgIdentifier: org } : undefined;
  }
  if (level === 'project') return pickProject(env, api);
  return undefined;
}
