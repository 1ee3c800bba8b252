// The link between a local pipeline file and the pipeline it was pushed to or imported as: account,
// project, identifier and, for a pipeline stored in Git, where its YAML is. Push uses it as the
// default target of the file, Run as the pipeline to run (and the branch). Kept per workspace in a
// key-value store (VS Code's workspaceState, injected); what is read back is checked, never trusted.
// No `vscode` here: unit-tested in Node.

export interface PipelineLink {
  accountId: string;
  orgIdentifier: string;
  projectIdentifier: string;
  identifier: string;
  storeType: 'INLINE' | 'REMOTE';
  connectorRef?: string;
  repoName?: string;
  branch?: string;
  filePath?: string;
}

/** Answers for the Git prompts, remembered per workspace folder as the next push's defaults. */
export interface GitDefaults {
  connectorRef?: string;
  repoName?: string;
  branch?: string;
}

/** The part of vscode.Memento used here. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const LINKS_KEY = 'harness.pipelineLinks';
const DEFAULTS_KEY = 'harness.gitDefaults';

const optText = (o: Record<string, unknown>, k: string): string | undefined =>
  typeof o[k] === 'string' && o[k] !== '' ? o[k] : undefined;

/** A stored link, or undefined when the value is not one (an older or damaged entry). */
export function parseLink(value: unknown): PipelineLink | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Record<string, unknown>;
  const accountId = optText(o, 'accountId');
  const orgIdentifier = optText(o, 'orgIdentifier');
  const projectIdentifier = optText(o, 'projectIdentifier');
  const identifier = optText(o, 'identifier');
  const storeType = o.storeType === 'REMOTE' ? 'REMOTE' : o.storeType === 'INLINE' ? 'INLINE' : undefined;
  if (!accountId || !orgIdentifier || !projectIdentifier || !identifier || !storeType) return undefined;
  const git: Partial<PipelineLink> = {};
  for (const k of ['connectorRef', 'repoName', 'branch', 'filePath'] as const) {
    const v = optText(o, k);
    if (v) git[k] = v;
  }
  return { accountId, orgIdentifier, projectIdentifier, identifier, storeType, ...git };
}

function parseDefaults(value: unknown): GitDefaults {
  if (typeof value !== 'object' || value === null) return {};
  const o = value as Record<string, unknown>;
  const out: GitDefaults = {};
  for (const k of ['connectorRef', 'repoName', 'branch'] as const) {
    const v = optText(o, k);
    if (v) out[k] = v;
  }
  return out;
}

/** Links by file URI (string) and Git defaults by workspace folder URI. */
export class PipelineLinkStore {
  /** `changed`: called after a link is set or deleted (the status bar item follows). */
  constructor(
    private readonly store: KeyValueStore,
    private readonly changed: () => void = () => undefined,
  ) {}

  private map(key: string): Record<string, unknown> {
    const m = this.store.get<unknown>(key);
    return typeof m === 'object' && m !== null && !Array.isArray(m) ? (m as Record<string, unknown>) : {};
  }

  get(fileUri: string): PipelineLink | undefined {
    return parseLink(this.map(LINKS_KEY)[fileUri]);
  }

  async set(fileUri: string, link: PipelineLink): Promise<void> {
    await this.store.update(LINKS_KEY, { ...this.map(LINKS_KEY), [fileUri]: link });
    this.changed();
  }

  async delete(fileUri: string): Promise<void> {
    const { [fileUri]: _gone, ...rest } = this.map(LINKS_KEY);
    await this.store.update(LINKS_KEY, rest);
    this.changed();
  }

  gitDefaults(folderUri: string): GitDefaults {
    return parseDefaults(this.map(DEFAULTS_KEY)[folderUri]);
  }

  async setGitDefaults(folderUri: string, defaults: GitDefaults): Promise<void> {
    await this.store.update(DEFAULTS_KEY, { ...this.map(DEFAULTS_KEY), [folderUri]: defaults });
  }
}

/** How a link reads in messages: `default/web · deploy (Git: app@main:.harness/deploy.yaml)`. */
export function describeLink(link: PipelineLink): string {
  const where = `${link.orgIdentifier}/${link.projectIdentifier} · ${link.identifier}`;
  if (link.storeType !== 'REMOTE') return where;
  return `${where} (Git: ${link.repoName ?? '?'}@${link.branch ?? '?'}:${link.filePath ?? '?'})`;
}

/** The status bar text of a linked file: the pipeline, and where its YAML is kept. */
export function linkStatusText(link: PipelineLink): string {
  const where =
    link.storeType === 'REMOTE' ? `$(source-control) ${link.branch ?? '?'}` : '$(database) inline';
  return `$(link) ${link.identifier} · ${where}`;
}

/**
 * The branch to run a linked Git pipeline on: the workspace's current branch when the file is in
 * a checkout of the pipeline's repository, else the branch the link remembers (the pipeline's).
 */
export function runBranch(
  link: PipelineLink,
  workspace: { repoName?: string; branch?: string } | undefined,
): string | undefined {
  if (link.storeType !== 'REMOTE') return undefined;
  if (workspace?.branch && workspace.repoName && workspace.repoName === link.repoName)
    return workspace.branch;
  return link.branch;
}

/**
 * The defaults of the Git questions for a file: the connector and repository last answered in its
 * workspace folder (else the checkout's repository), the checked-out branch (else the last one).
 */
export function gitDefaultsFor(
  saved: GitDefaults,
  checkout: { repoName?: string; branch?: string } | undefined,
): GitDefaults {
  const repoName = saved.repoName ?? checkout?.repoName;
  // The current branch first: the file is pushed from it.
  const branch = checkout?.branch ?? saved.branch;
  return {
    ...(saved.connectorRef ? { connectorRef: saved.connectorRef } : {}),
    ...(repoName ? { repoName } : {}),
    ...(branch ? { branch } : {}),
  };
}
