// Running pipelines: runtime-input template, execute, execution list (Spring page) and detail.
// The execute answer's planExecution.status is the engine's upper-case name (RUNNING), as
// PlanExecution serialises it; summaries use the PascalCase names (test/contract/enums.ts).
import { parse, parseDocument } from 'yaml';
import { intQuery, q, qAll, requireFilterType, requireQuery, type RequestContext } from '../context';
import { ok, pmsErrorDto as errorDto, springPage, type Reply } from '../envelope';
import { executionGraph, executionSummary } from '../executions';
import { planExecutionId } from '../ids';
import type { SimExecution, SimPipeline } from '../model';
import { executionStepsOf, isObj } from '../pipeline-meta';
import { checkRuntimeInputs, inputSetTemplateYaml } from '../runtime-inputs';
import type { Router } from '../router';
import { findPipeline, projectScope } from './pipelines';

/** The stored YAML's `pipeline:` node; a pipeline whose YAML no longer parses cannot be used. */
function pipelineNode(ctx: RequestContext, p: SimPipeline): Record<string, unknown> {
  let root: unknown;
  try {
    root = p.valid ? parse(p.yaml) : undefined;
  } catch {
    root = undefined;
  }
  if (!isObj(root) || !isObj(root.pipeline)) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `Pipeline [${p.identifier}] has invalid YAML; fix the YAML before using it`,
      ctx.correlationId,
    );
  }
  return root.pipeline;
}

function inputSetTemplate(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_view');
  const p = findPipeline(ctx, org, project, requireQuery(ctx, 'pipelineIdentifier'));
  const template = inputSetTemplateYaml(pipelineNode(ctx, p));
  return ok(
    {
      inputSetTemplateYaml: template,
      hasInputSets: false,
      modules: p.modules,
      replacedExpressions: [],
      hasCodebaseInputs: template.includes('codebase:'),
    },
    ctx.correlationId,
  );
}

function execute(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_execute');
  const p = findPipeline(ctx, org, project, ctx.params.id);
  const node = pipelineNode(ctx, p);
  const doc = parseDocument(ctx.body);
  if (doc.errors.length > 0) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `Invalid runtime input yaml: ${doc.errors[0].message}`,
      ctx.correlationId,
    );
  }
  const problems = checkRuntimeInputs(node, doc.toJS());
  if (problems.length > 0) throw errorDto(400, 'INVALID_REQUEST', problems.join('; '), ctx.correlationId);
  const steps = executionStepsOf(node);
  const failing = steps.findIndex((s) => s.fails);
  const runSequence =
    ctx.state.executions
      .filter(
        (e) =>
          e.orgIdentifier === org && e.projectIdentifier === project && e.pipelineIdentifier === p.identifier,
      )
      .reduce((max, e) => Math.max(max, e.runSequence), 0) + 1;
  const who = ctx.principal;
  const e: SimExecution = {
    planExecutionId: planExecutionId(),
    orgIdentifier: org,
    projectIdentifier: project,
    pipelineIdentifier: p.identifier,
    name: p.name,
    runSequence,
    status: 'Running',
    startTs: ctx.now,
    createdAt: ctx.now,
    stepMs: ctx.executionStepMs,
    steps,
    outcome: failing >= 0 ? 'Failed' : 'Success',
    endStep: failing >= 0 ? failing : steps.length - 1,
    modules: p.modules,
    triggeredBy: { uuid: who.id, identifier: who.name, email: who.email },
    inputYaml: ctx.body,
  };
  ctx.state.executions.push(e);
  p.executionSummaryInfo = {
    lastExecutionTs: e.startTs,
    lastExecutionStatus: 'Running',
    lastExecutionId: e.planExecutionId,
  };
  return ok(
    {
      planExecution: {
        uuid: e.planExecutionId,
        status: 'RUNNING',
        startTs: e.startTs,
        createdAt: e.createdAt,
        lastUpdatedAt: e.createdAt,
        setupAbstractions: {
          accountId: ctx.state.account.identifier,
          orgIdentifier: org,
          projectIdentifier: project,
        },
        metadata: {
          runSequence,
          pipelineIdentifier: p.identifier,
          executionUuid: e.planExecutionId,
          moduleType: q(ctx, 'moduleType') ?? p.modules.find((m) => m !== 'pms') ?? 'pms',
          triggerInfo: {
            triggerType: 'MANUAL',
            triggeredBy: { uuid: who.id, identifier: who.name, extraInfo: { email: who.email ?? '' } },
          },
        },
      },
      gitDetails: p.git
        ? {
            branch: p.git.branch,
            repoName: p.git.repoName,
            filePath: p.git.filePath,
            objectId: p.git.objectId,
            commitId: p.git.commitId,
          }
        : null,
    },
    ctx.correlationId,
  );
}

function pipelineOf(ctx: RequestContext, e: SimExecution): SimPipeline | undefined {
  return ctx.state.pipelines.find(
    (p) =>
      p.orgIdentifier === e.orgIdentifier &&
      p.projectIdentifier === e.projectIdentifier &&
      p.identifier === e.pipelineIdentifier,
  );
}

function listExecutions(ctx: RequestContext): Reply {
  requireFilterType(ctx, 'PipelineExecution');
  const { org, project } = projectScope(ctx, 'core_pipeline_view');
  const pipelineId = q(ctx, 'pipelineIdentifier');
  const statuses = qAll(ctx, 'status');
  const term = q(ctx, 'searchTerm')?.toLowerCase();
  const page = intQuery(ctx, 'page', 0);
  const size = intQuery(ctx, 'size', 20, 1, 1000);
  const list = ctx.state.executions
    .filter(
      (e) =>
        e.orgIdentifier === org &&
        e.projectIdentifier === project &&
        (!pipelineId || e.pipelineIdentifier === pipelineId) &&
        (statuses.length === 0 || statuses.includes(e.status)) &&
        (!term || e.name.toLowerCase().includes(term) || e.pipelineIdentifier.toLowerCase().includes(term)),
    )
    .sort((a, b) => b.startTs - a.startTs || b.runSequence - a.runSequence);
  // Only the requested page is rendered: summaries of long histories are not free.
  const pageItems = list
    .slice(page * size, page * size + size)
    .map((e) => executionSummary(e, pipelineOf(ctx, e), ctx.now));
  const shaped = springPage(list, page, size, true);
  return ok({ ...shaped, content: pageItems }, ctx.correlationId);
}

function getExecution(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_view');
  const e = ctx.state.executions.find(
    (x) => x.planExecutionId === ctx.params.id && x.orgIdentifier === org && x.projectIdentifier === project,
  );
  if (!e) {
    throw errorDto(
      404,
      'ENTITY_NOT_FOUND',
      `Plan Execution Summary does not exist or has been deleted for planExecutionId: ${ctx.params.id}`,
      ctx.correlationId,
    );
  }
  return ok(
    {
      pipelineExecutionSummary: executionSummary(e, pipelineOf(ctx, e), ctx.now),
      executionGraph: executionGraph(e, ctx.now),
      childGraph: null,
    },
    ctx.correlationId,
  );
}

export function registerExecutionRoutes(router: Router): void {
  router
    .add('POST', '/pipeline/api/inputSets/template', inputSetTemplate)
    .add('POST', '/pipeline/api/pipeline/execute/:id', execute)
    .add('POST', '/pipeline/api/pipelines/execution/summary', listExecutions)
    .add('GET', '/pipeline/api/pipelines/execution/v2/:id', getExecution);
}
