// Running pipelines: runtime-input template, execute, execution list (Spring page) and detail.
// The execute answer's planExecution.status is the engine's upper-case name (RUNNING), as
// PlanExecution serialises it; summaries use the PascalCase names (test/contract/enums.ts).
import { parse, parseDocument } from 'yaml';
import {
  boolQuery,
  intQuery,
  q,
  qAll,
  requireFilterType,
  requireQuery,
  type RequestContext,
} from '../context';
import { ok, pmsErrorDto as errorDto, springPage, type Reply } from '../envelope';
import {
  currentStage,
  executionGraph,
  executionSummary,
  isTerminal,
  refreshExecutions,
  stageLayoutId,
} from '../executions';
import { planExecutionId, sha1 } from '../ids';
import type { SimExecution, SimPipeline } from '../model';
import { executionStepsOf, isObj } from '../pipeline-meta';
import { checkRuntimeInputs, inputSetTemplateYaml } from '../runtime-inputs';
import type { Router } from '../router';
import { findPipeline, projectScope } from './pipelines';

function interruptId(): string {
  return sha1(planExecutionId()).slice(0, 22);
}

/** The stored YAML's `pipeline:` node; a pipeline whose YAML no longer parses cannot be used. */
export function pipelineNode(ctx: RequestContext, p: SimPipeline): Record<string, unknown> {
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

/** Starts a run of `p` with these inputs; `from` limits it to the stages from a retry on. */
function startRun(
  ctx: RequestContext,
  org: string,
  project: string,
  p: SimPipeline,
  inputYaml: string,
  how: { rerunOf?: string; retryOf?: SimExecution; retryStages?: string[] } = {},
): SimExecution {
  const node = pipelineNode(ctx, p);
  const doc = parseDocument(inputYaml);
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
  let steps = executionStepsOf(node);
  if (how.retryStages) {
    const first = steps.findIndex((st) => how.retryStages?.includes(st.stageIdentifier));
    steps = first >= 0 ? steps.slice(first) : steps;
  }
  const failing = steps.findIndex((st) => st.fails);
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
    inputYaml,
    ...(how.rerunOf ? { rerunOf: how.rerunOf } : {}),
    ...(how.retryOf ? { retryOf: how.retryOf.planExecutionId } : {}),
  };
  if (how.retryOf) how.retryOf.retriedBy = e.planExecutionId;
  ctx.state.executions.push(e);
  p.executionSummaryInfo = {
    lastExecutionTs: e.startTs,
    lastExecutionStatus: 'Running',
    lastExecutionId: e.planExecutionId,
  };
  return e;
}

/** PlanExecutionResponseDto of a started run. */
function started(ctx: RequestContext, p: SimPipeline, e: SimExecution): Reply {
  const who = ctx.principal;
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
          orgIdentifier: e.orgIdentifier,
          projectIdentifier: e.projectIdentifier,
        },
        metadata: {
          runSequence: e.runSequence,
          pipelineIdentifier: p.identifier,
          executionUuid: e.planExecutionId,
          moduleType: q(ctx, 'moduleType') ?? p.modules.find((m) => m !== 'pms') ?? 'pms',
          triggerInfo: {
            triggerType: 'MANUAL',
            triggeredBy: { uuid: who.id, identifier: who.name, extraInfo: { email: who.email ?? '' } },
            isRerun: e.rerunOf !== undefined,
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

function execute(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_execute');
  const p = findPipeline(ctx, org, project, ctx.params.id);
  return started(ctx, p, startRun(ctx, org, project, p, ctx.body));
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

function findExecution(ctx: RequestContext, org: string, project: string, id: string): SimExecution {
  const e = ctx.state.executions.find(
    (x) => x.planExecutionId === id && x.orgIdentifier === org && x.projectIdentifier === project,
  );
  if (!e) {
    throw errorDto(
      404,
      'ENTITY_NOT_FOUND',
      `Plan Execution Summary does not exist or has been deleted for planExecutionId: ${id}`,
      ctx.correlationId,
    );
  }
  return e;
}

function getExecution(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_view');
  const e = findExecution(ctx, org, project, ctx.params.id);
  // renderFullBottomGraph: every stage's steps; stageNodeId: that stage's; else the current one.
  const stageNodeId = q(ctx, 'stageNodeId');
  const stages = [...new Set(e.steps.map((st) => st.stageIdentifier))];
  const current = currentStage(e, ctx.now);
  const shown = boolQuery(ctx, 'renderFullBottomGraph')
    ? stages
    : stageNodeId
      ? stages.filter((st) => stageLayoutId(e, st) === stageNodeId)
      : current
        ? [current]
        : [];
  return ok(
    {
      pipelineExecutionSummary: executionSummary(e, pipelineOf(ctx, e), ctx.now),
      executionGraph: executionGraph(e, ctx.now, ctx.state.account.identifier, shown),
      childGraph: null,
    },
    ctx.correlationId,
  );
}

/** PUT …/execute/interrupt/{id}?interruptType=AbortAll: the run ends Aborted at the current step. */
function interrupt(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_abort');
  const type = requireQuery(ctx, 'interruptType');
  const e = findExecution(ctx, org, project, ctx.params.id);
  if (type !== 'AbortAll') {
    throw errorDto(400, 'INVALID_REQUEST', `Interrupt type ${type} is not supported here`, ctx.correlationId);
  }
  if (e.endTs !== undefined || isTerminal(e.status)) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `Execution ${e.planExecutionId} has already finished (${e.status}): it cannot be aborted`,
      ctx.correlationId,
    );
  }
  const at = Math.max(0, Math.min(e.steps.length - 1, Math.floor((ctx.now - e.startTs) / e.stepMs)));
  e.stuck = false;
  e.outcome = 'Aborted';
  e.endStep = at;
  e.status = 'Aborted';
  e.endTs = ctx.now;
  refreshExecutions(ctx.state, ctx.now);
  const p = pipelineOf(ctx, e);
  if (p && p.executionSummaryInfo.lastExecutionId === e.planExecutionId)
    p.executionSummaryInfo.lastExecutionStatus = 'Aborted';
  return ok({ id: interruptId(), type: 'AbortAll', planExecutionId: e.planExecutionId }, ctx.correlationId);
}

/** Stages of a run grouped as it ran them (a stage-level parallel block is one group). */
function stageGroups(e: SimExecution, now: number): { identifier: string; name: string; status: string }[][] {
  const summary = executionSummary(e, undefined, now);
  const layout = summary.layoutNodeMap as Record<
    string,
    {
      nodeIdentifier: string;
      name: string;
      status: string;
      edgeLayoutList: { currentNodeChildren: string[]; nextIds: string[] };
      nodeType: string;
    }
  >;
  const groups: { identifier: string; name: string; status: string }[][] = [];
  let id = summary.startingNodeId as string | null;
  const seen = new Set<string>();
  while (id && !seen.has(id)) {
    seen.add(id);
    const n = layout[id];
    const members =
      n.nodeType === 'parallel' ? n.edgeLayoutList.currentNodeChildren.map((c) => layout[c]) : [n];
    groups.push(members.map((m) => ({ identifier: m.nodeIdentifier, name: m.name, status: m.status })));
    id = n.edgeLayoutList.nextIds[0] ?? null;
  }
  return groups;
}

const RETRYABLE = new Set(['Failed', 'Errored', 'Aborted', 'Expired', 'ApprovalRejected', 'AbortedByFreeze']);

function retryStages(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_view');
  const e = findExecution(ctx, org, project, ctx.params.id);
  const why = e.retriedBy
    ? 'This execution has been retried already: retry its latest retry instead'
    : !RETRYABLE.has(e.status)
      ? `Only a failed, aborted or expired execution can be retried (this one is ${e.status})`
      : undefined;
  return ok(
    {
      isResumable: why === undefined,
      errorMessage: why ?? null,
      groups: why
        ? null
        : stageGroups(e, ctx.now).map((g) => ({
            info: g.map((st) => ({ ...st, createdAt: e.createdAt, parentId: null, nextId: null })),
          })),
    },
    ctx.correlationId,
  );
}

/**
 * POST …/execute/retry/{pipeline}?planExecutionId&retryStages: a new run from the first of those
 * stages, with the pipeline's current YAML (so a fixed step now passes) and the same inputs.
 */
function retry(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_execute');
  const p = findPipeline(ctx, org, project, ctx.params.id);
  const e = findExecution(ctx, org, project, requireQuery(ctx, 'planExecutionId'));
  const wanted = qAll(ctx, 'retryStages');
  if (e.retriedBy || !RETRYABLE.has(e.status)) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `Retry is not allowed for execution ${e.planExecutionId} (${e.status})`,
      ctx.correlationId,
    );
  }
  const stages = new Set(e.steps.map((st) => st.stageIdentifier));
  const unknown = wanted.filter((st) => !stages.has(st));
  if (wanted.length === 0 || unknown.length > 0) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `retryStages must name stages of the execution${unknown.length ? `: ${unknown.join(', ')}` : ''}`,
      ctx.correlationId,
    );
  }
  const inputs = ctx.body.trim() === '' ? e.inputYaml : ctx.body;
  return started(ctx, p, startRun(ctx, org, project, p, inputs, { retryOf: e, retryStages: wanted }));
}

/** POST …/execute/rerun/{original}/{pipeline}: the whole pipeline again with these inputs. */
function rerun(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_execute');
  const p = findPipeline(ctx, org, project, ctx.params.id);
  const original = findExecution(ctx, org, project, ctx.params.original);
  return started(ctx, p, startRun(ctx, org, project, p, ctx.body, { rerunOf: original.planExecutionId }));
}

/** GET …/execution/{id}/inputsetV2: the inputs a run was started with. */
function executionInputs(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_view');
  const e = findExecution(ctx, org, project, ctx.params.id);
  const p = pipelineOf(ctx, e);
  const template = p ? inputSetTemplateYaml(pipelineNode(ctx, p)) : '';
  return ok(
    {
      inputSetTemplateYaml: template,
      inputSetYaml: e.inputYaml,
      latestTemplateYaml: template,
      expressionValues: {},
    },
    ctx.correlationId,
  );
}

export function registerExecutionRoutes(router: Router): void {
  router
    .add('POST', '/pipeline/api/inputSets/template', inputSetTemplate)
    .add('POST', '/pipeline/api/pipeline/execute/:id', execute)
    .add('POST', '/pipeline/api/pipelines/execution/summary', listExecutions)
    .add('GET', '/pipeline/api/pipelines/execution/v2/:id', getExecution)
    .add('GET', '/pipeline/api/pipelines/execution/:id/inputsetV2', executionInputs)
    .add('PUT', '/pipeline/api/pipeline/execute/interrupt/:id', interrupt)
    .add('GET', '/pipeline/api/pipeline/execute/:id/retryStages', retryStages)
    .add('POST', '/pipeline/api/pipeline/execute/retry/:id', retry)
    .add('POST', '/pipeline/api/pipeline/execute/rerun/:original/:id', rerun);
}
