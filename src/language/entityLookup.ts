// Answers the server's questions about related entities: the pipeline an input set targets and
// the input sets a pipeline has. The workspace is searched first (Harness files kept in Git),
// then the signed-in account. No `vscode` import: the workspace is injected (workspaceFiles.ts).
import { isHarnessApiError } from '../api/errors';
import type {
  FindPipelineParams,
  FindPipelineResult,
  ListInputSetsParams,
  ListInputSetsResult,
} from '../../shared/protocol';
import type { AccountProvider } from './references';

/** Harness YAML files of the workspace, with their text and a path to show. */
export interface WorkspaceFiles {
  harnessFiles(): Promise<{ path: string; text: string }[]>;
}

/** The entity at the root of a Harness file: its kind and the keys that identify it. */
export interface FileIdentity {
  kind: string;
  identifier?: string;
  orgIdentifier?: string;
  projectIdentifier?: string;
  /** For an input set: the pipeline it targets. */
  pipelineIdentifier?: string;
}

const scalar = (line: string | undefined): string | undefined => {
  const m = line === undefined ? null : /^\s*[\w]+\s*:\s*(?:"([^"]*)"|'([^']*)'|([^\s#]+))/.exec(line);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};

/**
 * Kind and identifiers of a Harness file read from its text without a YAML parse: the root key
 * and the first-level keys under it (two-space or any consistent indent), and for an input set
 * the identifier under its `pipeline:`.
 */
export function fileIdentity(text: string): FileIdentity | undefined {
  const lines = text.split(/\r?\n/);
  const rootAt = lines.findIndex((l) => /^[A-Za-z]\w*\s*:\s*$/.test(l));
  if (rootAt < 0) return undefined;
  const kind = lines[rootAt].replace(/\s*:\s*$/, '');
  const out: FileIdentity = { kind };
  let indent: number | undefined;
  let inPipeline = false;
  for (let i = rootAt + 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const depth = line.length - line.trimStart().length;
    if (depth === 0) break;
    indent ??= depth;
    const key = /^\s*([\w]+)\s*:/.exec(line)?.[1];
    if (depth === indent) {
      inPipeline = key === 'pipeline';
      if (key === 'identifier') out.identifier = scalar(line);
      else if (key === 'orgIdentifier') out.orgIdentifier = scalar(line);
      else if (key === 'projectIdentifier') out.projectIdentifier = scalar(line);
      else if (key === 'pipelineIdentifier') out.pipelineIdentifier = scalar(line);
    } else if (
      inPipeline &&
      key === 'identifier' &&
      out.pipelineIdentifier === undefined &&
      depth === indent * 2
    )
      out.pipelineIdentifier = scalar(line);
  }
  return out;
}

/** Same scope, where both sides say: a file without org/project matches any. */
const sameScope = (f: FileIdentity, p: { orgIdentifier?: string; projectIdentifier?: string }): boolean =>
  (!f.orgIdentifier || !p.orgIdentifier || f.orgIdentifier === p.orgIdentifier) &&
  (!f.projectIdentifier || !p.projectIdentifier || f.projectIdentifier === p.projectIdentifier);

const CALL = { timeoutMs: 10_000 };
/** Pages of 100 input sets read for one overlay check; a pipeline with more is left unchecked. */
const MAX_INPUT_SET_PAGES = 5;

export class EntityLookup {
  constructor(
    private readonly workspace: WorkspaceFiles,
    private readonly account: AccountProvider,
  ) {}

  async findPipeline(p: FindPipelineParams): Promise<FindPipelineResult> {
    for (const file of await this.workspace.harnessFiles()) {
      const id = fileIdentity(file.text);
      if (id?.kind === 'pipeline' && id.identifier === p.identifier && sameScope(id, p))
        return { text: file.text, from: file.path };
    }
    const acct = this.account();
    if (!acct || !p.orgIdentifier || !p.projectIdentifier) return {};
    try {
      const detail = await acct.api.getPipeline(
        { orgIdentifier: p.orgIdentifier, projectIdentifier: p.projectIdentifier },
        p.identifier,
        undefined,
        CALL,
      );
      return { text: detail.yamlPipeline, from: acct.label ? `the account ${acct.label}` : 'the account' };
    } catch (err) {
      // Not found, not signed in, offline: nothing to check against (never a false problem).
      if (isHarnessApiError(err)) return {};
      throw err;
    }
  }

  /**
   * Input sets of a pipeline: the workspace's, and with an account (live references on) the
   * account's, every page of them. Complete only when the account answered in full: only then
   * does the server report a reference missing from the list.
   */
  async listInputSets(p: ListInputSetsParams): Promise<ListInputSetsResult> {
    const identifiers: string[] = [];
    for (const file of await this.workspace.harnessFiles()) {
      const id = fileIdentity(file.text);
      if (
        (id?.kind === 'inputSet' || id?.kind === 'overlayInputSet') &&
        id.identifier &&
        (id.pipelineIdentifier ?? '') === p.pipelineIdentifier &&
        sameScope(id, p)
      )
        identifiers.push(id.identifier);
    }
    const acct = this.account();
    if (!acct || !p.orgIdentifier || !p.projectIdentifier)
      return { identifiers, complete: false, from: 'the workspace' };
    const scope = { orgIdentifier: p.orgIdentifier, projectIdentifier: p.projectIdentifier };
    try {
      for (let pageIndex = 0; pageIndex < MAX_INPUT_SET_PAGES; pageIndex++) {
        const page = await acct.api.listInputSets(
          scope,
          p.pipelineIdentifier,
          { pageIndex, pageSize: 100 },
          CALL,
        );
        for (const s of page.items) if (!identifiers.includes(s.identifier)) identifiers.push(s.identifier);
        if (!page.hasMore) {
          const from = acct.label ? `the account ${acct.label}` : 'the account';
          return { identifiers, complete: true, from };
        }
      }
    } catch (err) {
      // Offline, not signed in, no permission: what the workspace holds, never a false problem.
      if (!isHarnessApiError(err)) throw err;
    }
    return { identifiers, complete: false, from: 'the workspace' };
  }
}
