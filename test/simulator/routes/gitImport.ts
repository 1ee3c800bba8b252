// Import a pipeline from a file in (simulated) Git: `POST /pipeline/api/pipelines/import` with the
// Git location in the query (connectorRef, repoName, branch, filePath, isForceImport,
// isHarnessCodeRepo) and {pipelineName, pipelineDescription} as JSON (harness/mcp-server
// src/registry/toolsets/pipelines.ts, the pipeline `import` action); the answer is a
// PipelineSaveResponse {identifier, governanceMetadata} like create's.
// Assumptions (no public source shows the answers): a missing file is 400 INVALID_REQUEST; an
// identifier that exists is refused like a duplicate create unless isForceImport; a pipelineName
// that differs from the file's name is refused (the file is the pipeline, the body only confirms it).
import { governanceDefault } from '../../contract/bodies';
import { boolQuery, type RequestContext } from '../context';
import { ok, pmsErrorDto as errorDto, type Reply } from '../envelope';
import { readGitFile } from '../git-repos';
import type { SimPipeline } from '../model';
import { isObj } from '../pipeline-meta';
import type { Router } from '../router';
import { applyYaml, parsePipelineText, projectScope, remoteParams } from './pipelines';

function importBody(ctx: RequestContext): { pipelineName: string; pipelineDescription: string } {
  let body: unknown = {};
  if (ctx.body.trim() !== '') {
    try {
      body = JSON.parse(ctx.body);
    } catch {
      throw errorDto(400, 'INVALID_REQUEST', 'Unable to process JSON', ctx.correlationId);
    }
  }
  const o = isObj(body) ? body : {};
  return {
    pipelineName: typeof o.pipelineName === 'string' ? o.pipelineName : '',
    pipelineDescription: typeof o.pipelineDescription === 'string' ? o.pipelineDescription : '',
  };
}

function importPipeline(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_edit');
  const git = remoteParams(ctx);
  const request = importBody(ctx);
  const file = readGitFile(ctx.state, git.repoName, git.branch, git.filePath);
  if (!file) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `File [${git.filePath}] not found in branch [${git.branch}] of repo [${git.repoName}]`,
      ctx.correlationId,
    );
  }
  const parsed = parsePipelineText(ctx, file.content, org, project);
  if (request.pipelineName && request.pipelineName !== parsed.name) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `The pipeline name [${request.pipelineName}] does not match the name in the file [${parsed.name}]`,
      ctx.correlationId,
    );
  }
  const existing = ctx.state.pipelines.find(
    (p) => p.orgIdentifier === org && p.projectIdentifier === project && p.identifier === parsed.identifier,
  );
  if (existing && !boolQuery(ctx, 'isForceImport')) {
    throw errorDto(
      400,
      'DUPLICATE_FIELD',
      `Pipeline [${parsed.identifier}] under Project[${project}], Organization [${org}] already exists or has been deleted.`,
      ctx.correlationId,
    );
  }
  const p: SimPipeline = existing ?? {
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
    storeType: 'REMOTE',
    valid: true,
    modules: [],
    stageNames: [],
    executionSummaryInfo: {},
  };
  applyYaml(p, parsed, file.content, ctx.now);
  if (request.pipelineDescription) p.description = request.pipelineDescription;
  p.storeType = 'REMOTE';
  p.git = { ...git, objectId: file.objectId, commitId: file.commitId };
  if (!existing) ctx.state.pipelines.push(p);
  return ok({ identifier: p.identifier, governanceMetadata: governanceDefault() }, ctx.correlationId);
}

export function registerGitImportRoutes(router: Router): void {
  router.add('POST', '/pipeline/api/pipelines/import', importPipeline);
}
