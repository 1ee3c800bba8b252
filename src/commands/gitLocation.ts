// Where a pipeline's YAML lives in Git (Git Experience), as plain logic: the repository name from a
// remote URL, the default file path of a workspace file, the path rule Harness documents (YAML under
// `.harness/`, shared/docs/harness-api.md §5.12) and the options of Import Pipeline from Git.
// No `vscode` here: unit-tested in Node.
import type { PipelineImportRequest, ProjectScope } from '../api/types';

/**
 * The repository name in a Git remote URL: `git@github.com:acme/app.git`, `https://github.com/acme/app`,
 * `ssh://git@host:22/acme/app.git`, `https://dev.azure.com/o/p/_git/app` → `app`. Undefined when
 * the URL has no path.
 */
export function repoNameFromRemoteUrl(url: string): string | undefined {
  let rest = url.trim();
  if (rest === '') return undefined;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(rest);
  if (scheme) {
    rest = rest.slice(scheme[0].length);
    const slash = rest.indexOf('/');
    rest = slash < 0 ? '' : rest.slice(slash + 1);
  } else {
    // scp-like `user@host:path`
    const colon = rest.indexOf(':');
    if (colon > 0) rest = rest.slice(colon + 1);
  }
  const segments = rest
    .split(/[/\\]/)
    .map((s) => s.split(/[?#]/)[0])
    .filter((s) => s !== '');
  const last = segments.at(-1)?.replace(/\.git$/i, '');
  return last ? last : undefined;
}

/** Why `filePath` cannot hold a pipeline in Git, or undefined when it can. */
export function gitFilePathProblem(filePath: string): string | undefined {
  if (!filePath.startsWith('.harness/')) return 'The file path must start with .harness/';
  if (!/\.ya?ml$/.test(filePath)) return 'The file path must end in .yaml or .yml';
  if (filePath.split('/').some((s) => s === '..' || s === ''))
    return 'The file path has an empty or .. segment';
  return undefined;
}

/**
 * The default path in the repository of a workspace file: its own path when it is under
 * `.harness/`, else `.harness/<file name>`. `relativePath` is relative to the repository root.
 */
export function defaultGitFilePath(relativePath: string, identifier: string): string {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.?\//, '');
  if (path.startsWith('.harness/') && gitFilePathProblem(path) === undefined) return path;
  const name = path.split('/').at(-1) ?? '';
  return /\.ya?ml$/.test(name) ? `.harness/${name}` : `.harness/${identifier}.yaml`;
}

export function createCommitMessage(identifier: string): string {
  return `Create pipeline ${identifier} from VS Code`;
}

export interface ImportTarget {
  scope: ProjectScope;
  request: PipelineImportRequest;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/**
 * The options of `harness.importPipelineFromGit` (org, project, connectorRef, repoName, branch,
 * filePath, pipelineName, pipelineDescription, force, harnessCode): the request, or why not.
 */
export function parseImportOptions(options: Record<string, unknown>): ImportTarget | { error: string } {
  const org = text(options.org);
  const project = text(options.project);
  const repoName = text(options.repoName);
  const branch = text(options.branch);
  const filePath = text(options.filePath);
  const connectorRef = text(options.connectorRef);
  const harnessCode = options.harnessCode === true;
  const missing = [
    ['org', org],
    ['project', project],
    ['repoName', repoName],
    ['branch', branch],
    ['filePath', filePath],
    ...(harnessCode ? [] : [['connectorRef', connectorRef]]),
  ]
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  if (missing.length > 0) return { error: `pass ${missing.join(', ')}` };
  const problem = gitFilePathProblem(filePath!);
  if (problem) return { error: problem };
  const pipelineName = text(options.pipelineName);
  const pipelineDescription = text(options.pipelineDescription);
  return {
    scope: { orgIdentifier: org!, projectIdentifier: project! },
    request: {
      repoName: repoName!,
      branch: branch!,
      filePath: filePath!,
      ...(connectorRef && !harnessCode ? { connectorRef } : {}),
      ...(harnessCode ? { isHarnessCodeRepo: true } : {}),
      ...(options.force === true ? { isForceImport: true } : {}),
      ...(pipelineName ? { pipelineName } : {}),
      ...(pipelineDescription ? { pipelineDescription } : {}),
    },
  };
}
