// Pipelines (`/pipeline/api/pipelines`): list (Spring page), get YAML, create/update via `/v2`
// with application/yaml bodies (inline or remote/Git), delete.
//
// Governance (OPA) trigger, documented for tests: a pipeline tagged `opa: deny` is refused by
// policy: the save answers 200 with only `governanceMetadata` {deny: true, status: 'error',
// message: ''} and no identifier, and nothing is stored (PipelineResourceImpl on a deny).
// `opa: warn` saves and answers status 'warning'. The metadata has the recorded shape of
// test/contract (protobuf JSON: every field, int64 as strings, reasons in the policy sets).
import { parseDocument } from 'yaml';
import {
  PIPELINE_IDENTIFIER,
  boolQuery,
  findProject,
  intQuery,
  q,
  requireFilterType,
  requireQuery,
  type RequestContext,
} from '../context';
import { governanceDefault, governanceMetadata } from '../../contract/bodies';
import { failureDto, ok, pmsErrorDto as errorDto, springPage, type Reply } from '../envelope';
import { writeGitFile } from '../git-repos';
import { gitObjectId, sha1 } from '../ids';
import type { SimPipeline } from '../model';
import { isObj, modulesOf, stageNamesOf, tagsOf } from '../pipeline-meta';
import type { Router } from '../router';

const NAME_PATTERN = /^[a-zA-Z_0-9-.][-0-9a-zA-Z_\s.]{0,127}$/;
const MAX_PAGE_SIZE = 200;

export function projectScope(ctx: RequestContext, permission: string): { org: string; project: string } {
  const org = requireQuery(ctx, 'orgIdentifier');
  const project = requireQuery(ctx, 'projectIdentifier');
  findProject(ctx, org, project, permission);
  return { org, project };
}

export function findPipeline(
  ctx: RequestContext,
  org: string,
  project: string,
  identifier: string,
): SimPipeline {
  const p = ctx.state.pipelines.find(
    (x) => x.orgIdentifier === org && x.projectIdentifier === project && x.identifier === identifier,
  );
  if (!p) {
    throw errorDto(
      404,
      'ENTITY_NOT_FOUND',
      `Pipeline with the given ID: ${identifier} does not exist or has been deleted`,
      ctx.correlationId,
    );
  }
  return p;
}

function gitDetails(p: SimPipeline): Record<string, unknown> | undefined {
  if (!p.git) return undefined;
  const repoUrl = `https://github.com/acme/${p.git.repoName}`;
  return {
    objectId: p.git.objectId,
    branch: p.git.branch,
    repoIdentifier: null,
    rootFolder: null,
    filePath: p.git.filePath,
    repoName: p.git.repoName,
    commitId: p.git.commitId,
    fileUrl: `${repoUrl}/blob/${p.git.branch}/${p.git.filePath}`,
    repoUrl,
  };
}

function validity(p: SimPipeline): Record<string, unknown> {
  return { valid: p.valid, invalidYaml: p.valid ? null : p.yaml };
}

export function pipelineSummary(p: SimPipeline): Record<string, unknown> {
  return {
    name: p.name,
    identifier: p.identifier,
    description: p.description,
    tags: p.tags,
    version: p.version,
    numOfStages: p.stageNames.length,
    createdAt: p.createdAt,
    lastUpdatedAt: p.lastUpdatedAt,
    modules: p.modules,
    executionSummaryInfo: { numOfErrors: [], deployments: [], ...p.executionSummaryInfo },
    filters: {},
    stageNames: p.stageNames,
    storeType: p.storeType,
    ...(p.git ? { connectorRef: p.git.connectorRef, gitDetails: gitDetails(p) } : {}),
    entityValidityDetails: validity(p),
    isDraft: false,
    yamlVersion: '0',
  };
}

/** `sort=field,DIR` (repeatable); default lastUpdatedAt descending. */
function comparator(ctx: RequestContext): (a: SimPipeline, b: SimPipeline) => number {
  const [field, dir] = (ctx.query.getAll('sort')[0] ?? 'lastUpdatedAt,DESC').split(',');
  const sign = (dir ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
  const key = (p: SimPipeline): string | number =>
    field === 'name'
      ? p.name.toLowerCase()
      : field === 'identifier'
        ? p.identifier
        : field === 'createdAt'
          ? p.createdAt
          : p.lastUpdatedAt;
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign || a.identifier.localeCompare(b.identifier);
  };
}

function listPipelines(ctx: RequestContext): Reply {
  const body = requireFilterType(ctx, 'PipelineSetup');
  const { org, project } = projectScope(ctx, 'core_pipeline_view');
  const page = intQuery(ctx, 'page', 0);
  const size = intQuery(ctx, 'size', 25, 1, MAX_PAGE_SIZE);
  const term = q(ctx, 'searchTerm')?.toLowerCase();
  const module = q(ctx, 'module')?.toLowerCase();
  const ids = Array.isArray(body.pipelineIdentifiers) ? body.pipelineIdentifiers.map(String) : [];
  const list = ctx.state.pipelines
    .filter(
      (p) =>
        p.orgIdentifier === org &&
        p.projectIdentifier === project &&
        (ids.length === 0 || ids.includes(p.identifier)) &&
        (!module || p.modules.includes(module)) &&
        (!term ||
          p.name.toLowerCase().includes(term) ||
          p.identifier.toLowerCase().includes(term) ||
          Object.entries(p.tags).some(
            ([k, v]) => k.toLowerCase().includes(term) || v.toLowerCase().includes(term),
          )),
    )
    .sort(comparator(ctx));
  return ok(springPage(list.map(pipelineSummary), page, size, true), ctx.correlationId);
}

function getPipeline(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_view');
  const p = findPipeline(ctx, org, project, ctx.params.id);
  const branch = q(ctx, 'branch');
  if (p.git && branch && branch !== p.git.branch) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `Failed to fetch file [${p.git.filePath}] from branch [${branch}] of repo [${p.git.repoName}]: file not found`,
      ctx.correlationId,
    );
  }
  return ok(
    {
      yamlPipeline: p.yaml,
      resolvedTemplatesPipelineYaml: p.yaml,
      version: p.version,
      gitDetails: gitDetails(p) ?? null,
      entityValidityDetails: validity(p),
      modules: p.modules,
      storeType: p.storeType,
      connectorRef: p.git?.connectorRef ?? null,
      allowDynamicExecutions: false,
      ...(p.git
        ? {
            cacheResponse: {
              cacheState: 'VALID_CACHE',
              ttlLeft: 3_600_000,
              lastUpdatedAt: p.lastUpdatedAt,
              isSyncEnabled: false,
            },
          }
        : {}),
    },
    ctx.correlationId,
  );
}

export interface ParsedPipeline {
  node: Record<string, unknown>;
  identifier: string;
  name: string;
}

/** Parses and checks the YAML body of create/update. */
function parsePipelineYaml(ctx: RequestContext, org: string, project: string): ParsedPipeline {
  const type = String(ctx.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (!['application/yaml', 'application/x-yaml', 'text/yaml'].includes(type)) {
    throw errorDto(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `HTTP 415 Unsupported Media Type: expected application/yaml, got ${type || 'none'}`,
      ctx.correlationId,
    );
  }
  return parsePipelineText(ctx, ctx.body, org, project);
}

/** Parses and checks pipeline YAML (a request body, or a file read from the simulated Git). */
export function parsePipelineText(
  ctx: RequestContext,
  text: string,
  org: string,
  project: string,
): ParsedPipeline {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw errorDto(400, 'INVALID_REQUEST', `Invalid yaml: ${doc.errors[0].message}`, ctx.correlationId);
  }
  const root: unknown = doc.toJS();
  if (!isObj(root) || !isObj(root.pipeline)) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      'Invalid yaml: the root of a pipeline YAML must be `pipeline:`',
      ctx.correlationId,
    );
  }
  const node = root.pipeline;
  const errors: { fieldId: string; error: string }[] = [];
  if (typeof node.identifier !== 'string' || node.identifier === '') {
    errors.push({ fieldId: 'pipeline.identifier', error: 'cannot be empty' });
  } else if (!PIPELINE_IDENTIFIER.test(node.identifier)) {
    errors.push({
      fieldId: 'pipeline.identifier',
      error:
        'can be 128 characters long and can only contain alphanumeric and underscore characters, and not start with a number',
    });
  }
  if (typeof node.name !== 'string' || node.name.trim() === '') {
    errors.push({ fieldId: 'pipeline.name', error: 'cannot be empty' });
  } else if (!NAME_PATTERN.test(node.name)) {
    errors.push({
      fieldId: 'pipeline.name',
      error:
        'can be 128 characters long and can only contain alphanumeric, hyphen, underscore, space and dot characters',
    });
  }
  if (errors.length > 0) {
    throw failureDto(errors.map((e) => `${e.fieldId}: ${e.error}`).join('; '), errors, ctx.correlationId);
  }
  for (const [key, expected] of [
    ['orgIdentifier', org],
    ['projectIdentifier', project],
  ] as const) {
    if (node[key] !== undefined && node[key] !== expected) {
      throw errorDto(
        400,
        'INVALID_REQUEST',
        `${key} in YAML [${String(node[key])}] does not match ${key} [${expected}] in the query`,
        ctx.correlationId,
      );
    }
  }
  return { node, identifier: node.identifier as string, name: node.name as string };
}

export function governance(
  ctx: RequestContext,
  node: Record<string, unknown>,
  org: string,
  project: string,
): Record<string, unknown> {
  const verdict = tagsOf(node).opa;
  if (verdict !== 'deny' && verdict !== 'warn') return governanceDefault();
  const status = verdict === 'deny' ? 'error' : 'warning';
  const identifier = typeof node.identifier === 'string' ? node.identifier : '';
  return governanceMetadata({
    status,
    id: sha1(`opa:${ctx.correlationId}`).slice(0, 7),
    now: ctx.now,
    orgId: org,
    projectId: project,
    entity: encodeURIComponent(
      `accountIdentifier:${ctx.state.account.identifier}/orgIdentifier:${org}/projectIdentifier:${project}/pipelineIdentifier:${identifier}`,
    ),
    sets: [
      {
        name: 'Simulator rules',
        status,
        policies: [
          {
            name: verdict === 'deny' ? 'No opa deny tag' : 'Review opa warn tag',
            status,
            denyMessages: [
              verdict === 'deny'
                ? `pipeline '${identifier}' is tagged opa=deny, which may not be saved`
                : `pipeline '${identifier}' is tagged opa=warn and needs review`,
            ],
          },
          { name: 'Pipelines have a name', status: 'pass' },
        ],
      },
    ],
  });
}

export function applyYaml(p: SimPipeline, parsed: ParsedPipeline, yaml: string, now: number): void {
  p.name = parsed.name;
  p.description = typeof parsed.node.description === 'string' ? parsed.node.description : '';
  p.tags = tagsOf(parsed.node);
  p.yaml = yaml;
  p.valid = true;
  p.modules = modulesOf(parsed.node);
  p.stageNames = stageNamesOf(parsed.node);
  p.lastUpdatedAt = now;
}

export function remoteParams(ctx: RequestContext): {
  connectorRef: string;
  repoName: string;
  branch: string;
  filePath: string;
} {
  const missing = ['repoName', 'branch', 'filePath'].filter((k) => !q(ctx, k));
  const harnessCode = boolQuery(ctx, 'isHarnessCodeRepo');
  if (!harnessCode && !q(ctx, 'connectorRef')) missing.unshift('connectorRef');
  if (missing.length > 0) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `Missing Git parameters for a remote pipeline: ${missing.join(', ')}`,
      ctx.correlationId,
    );
  }
  const filePath = q(ctx, 'filePath') as string;
  if (!filePath.startsWith('.harness/') || !/\.ya?ml$/.test(filePath)) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `File path [${filePath}] must start with .harness/ and end in .yaml or .yml`,
      ctx.correlationId,
    );
  }
  return {
    connectorRef: q(ctx, 'connectorRef') ?? 'harness_code',
    repoName: q(ctx, 'repoName') as string,
    branch: q(ctx, 'branch') as string,
    filePath,
  };
}

function createPipeline(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_edit');
  const parsed = parsePipelineYaml(ctx, org, project);
  const remote = q(ctx, 'storeType') === 'REMOTE';
  const git = remote ? remoteParams(ctx) : undefined;
  if (
    ctx.state.pipelines.some(
      (p) => p.orgIdentifier === org && p.projectIdentifier === project && p.identifier === parsed.identifier,
    )
  ) {
    throw errorDto(
      400,
      'DUPLICATE_FIELD',
      `Pipeline [${parsed.identifier}] under Project[${project}], Organization [${org}] already exists or has been deleted.`,
      ctx.correlationId,
    );
  }
  if (
    git &&
    ctx.state.pipelines.some(
      (p) =>
        p.git?.repoName === git.repoName && p.git.branch === git.branch && p.git.filePath === git.filePath,
    )
  ) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `A file already exists at [${git.filePath}] in branch [${git.branch}] of repo [${git.repoName}]`,
      ctx.correlationId,
    );
  }
  const governanceMetadata = governance(ctx, parsed.node, org, project);
  // A deny answers only the evaluation: no identifier, nothing stored.
  if (governanceMetadata.deny) return ok({ governanceMetadata }, ctx.correlationId);
  const p: SimPipeline = {
    orgIdentifier: org,
    projectIdentifier: project,
    identifier: parsed.identifier,
    name: parsed.name,
    description: '',
    tags: {},
    yaml: '',
    version: 1,
    createdAt: ctx.now,
    lastUpdatedAt: ctx.now,
    storeType: git ? 'REMOTE' : 'INLINE',
    valid: true,
    modules: [],
    stageNames: [],
    executionSummaryInfo: {},
  };
  applyYaml(p, parsed, ctx.body, ctx.now);
  if (git) {
    p.git = {
      ...git,
      objectId: gitObjectId(ctx.body),
      commitId: sha1(`commit:${git.repoName}:${git.filePath}:${ctx.now}:1`),
    };
    writeGitFile(ctx.state, p.git, ctx.body);
  }
  ctx.state.pipelines.push(p);
  return ok({ identifier: p.identifier, governanceMetadata }, ctx.correlationId);
}

function updatePipeline(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_edit');
  const p = findPipeline(ctx, org, project, ctx.params.id);
  const parsed = parsePipelineYaml(ctx, org, project);
  if (parsed.identifier !== ctx.params.id) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `Pipeline identifier in YAML [${parsed.identifier}] does not match the identifier in the URL [${ctx.params.id}]`,
      ctx.correlationId,
    );
  }
  const branch = q(ctx, 'branch');
  const newBranch = boolQuery(ctx, 'isNewBranch');
  if (p.git) {
    const lastObjectId = q(ctx, 'lastObjectId');
    const lastCommitId = q(ctx, 'lastCommitId');
    if (
      (lastObjectId && lastObjectId !== p.git.objectId) ||
      (lastCommitId && lastCommitId !== p.git.commitId)
    ) {
      // Conflict detection of Git Experience; HTTP 409 is our choice (the real status is unconfirmed).
      throw errorDto(
        409,
        'SCM_CONFLICT_ERROR',
        `The file [${p.git.filePath}] in branch [${p.git.branch}] has changed in Git since it was read: fetch the latest version and retry`,
        ctx.correlationId,
      );
    }
    if (branch && branch !== p.git.branch && !newBranch) {
      throw errorDto(
        400,
        'INVALID_REQUEST',
        `Branch [${branch}] does not contain the file [${p.git.filePath}]; pass isNewBranch=true to create it`,
        ctx.correlationId,
      );
    }
  }
  const governanceMetadata = governance(ctx, parsed.node, org, project);
  if (governanceMetadata.deny) return ok({ governanceMetadata }, ctx.correlationId);
  applyYaml(p, parsed, ctx.body, ctx.now);
  p.version += 1;
  if (p.git) {
    p.git = {
      ...p.git,
      branch: newBranch && branch ? branch : p.git.branch,
      objectId: gitObjectId(ctx.body),
      commitId: sha1(`${p.git.commitId}:${p.version}`),
    };
    writeGitFile(ctx.state, p.git, ctx.body);
  }
  return ok({ identifier: p.identifier, governanceMetadata }, ctx.correlationId);
}

function deletePipeline(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_delete');
  const p = findPipeline(ctx, org, project, ctx.params.id);
  ctx.state.pipelines = ctx.state.pipelines.filter((x) => x !== p);
  return ok(true, ctx.correlationId);
}

export function registerPipelineRoutes(router: Router): void {
  router
    .add('POST', '/pipeline/api/pipelines/list', listPipelines)
    .add('POST', '/pipeline/api/pipelines/v2', createPipeline)
    .add('PUT', '/pipeline/api/pipelines/v2/:id', updatePipeline)
    .add('GET', '/pipeline/api/pipelines/:id', getPipeline)
    .add('DELETE', '/pipeline/api/pipelines/:id', deletePipeline);
}
