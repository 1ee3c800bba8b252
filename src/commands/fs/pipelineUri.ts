// The `harness:` URI of a remote pipeline:
//   harness:/account:<account>/<org>/<project>/pipelines/<id>.yaml
// with Git parameters of remote pipelines in the query. The `account:` segment makes these paths
// recognisable by a glob (package.json `languages[].filenamePatterns`), so VS Code gives the
// document the `harness-yaml` language before the editor exists, and with it the language default
// `files.autoSave: off` (an auto-save must never look like a push). Plain strings (no vscode) so
// the mapping is unit-tested; the provider wraps it with vscode.Uri.
export const HARNESS_SCHEME = 'harness';
/** The language of `harness:` documents (package.json `contributes.languages`). */
export const HARNESS_YAML_LANGUAGE = 'harness-yaml';
/** The glob in package.json that gives `harness:` documents their language (matched on the lower-cased path). */
export const HARNESS_DOCUMENT_GLOB = '/account:*/*/*/pipelines/*.yaml';

export interface PipelineLocation {
  accountId: string;
  orgIdentifier: string;
  projectIdentifier: string;
  identifier: string;
  branch?: string;
  repoName?: string;
  connectorRef?: string;
}

const enc = encodeURIComponent;

export function pipelinePath(loc: PipelineLocation): string {
  return `/account:${enc(loc.accountId)}/${enc(loc.orgIdentifier)}/${enc(loc.projectIdentifier)}/pipelines/${enc(loc.identifier)}.yaml`;
}

export function pipelineQuery(loc: PipelineLocation): string {
  const q = new URLSearchParams();
  if (loc.branch) q.set('branch', loc.branch);
  if (loc.repoName) q.set('repoName', loc.repoName);
  if (loc.connectorRef) q.set('connectorRef', loc.connectorRef);
  return q.toString();
}

/**
 * Parses a path (already decoded, as vscode.Uri.path is) and query; undefined if it is not a
 * pipeline. Paths without the `account:` marker (written by versions before 0.2, e.g. restored
 * tabs) are still read.
 */
export function parsePipelineUri(path: string, query = ''): PipelineLocation | undefined {
  const m = /^\/(?:account:)?([^/]+)\/([^/]+)\/([^/]+)\/pipelines\/([^/]+)\.ya?ml$/.exec(path);
  if (!m) return undefined;
  const q = new URLSearchParams(query);
  const loc: PipelineLocation = {
    accountId: m[1],
    orgIdentifier: m[2],
    projectIdentifier: m[3],
    identifier: m[4],
  };
  for (const key of ['branch', 'repoName', 'connectorRef'] as const) {
    const v = q.get(key);
    if (v) loc[key] = v;
  }
  return loc;
}

/** A stable key for caches: the path plus the branch (two branches are two documents). */
export function locationKey(loc: PipelineLocation): string {
  return `${pipelinePath(loc)}?${loc.branch ?? ''}`;
}
