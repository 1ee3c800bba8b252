// Input sets of a pipeline: list (NG page), get, create (YAML body, `inputSet:` root) and merge
// (several input sets into one runtime-input YAML, later ones winning). Shapes: harness-go-sdk
// InputSetSummaryResponse, InputSetResponse, MergeInputSetRequest/Response (test/contract/runLoop.ts).
// The merge is the simulator's: objects key by key, lists of named entries (variables by `name`,
// stages and steps by `identifier`) entry by entry, anything else replaced.
import { parse, stringify } from 'yaml';
import { intQuery, jsonBody, q, requireQuery, stringRecord, type RequestContext } from '../context';
import { ok, pmsErrorDto as errorDto, ngPage, type Reply } from '../envelope';
import type { SimInputSet } from '../model';
import { isObj } from '../pipeline-meta';
import type { Router } from '../router';
import { pipelineNode } from './executions';
import { findPipeline, projectScope } from './pipelines';

type Obj = Record<string, unknown>;

function listOf(ctx: RequestContext, org: string, project: string, pipeline: string): SimInputSet[] {
  return ctx.state.inputSets.filter(
    (s) => s.orgIdentifier === org && s.projectIdentifier === project && s.pipelineIdentifier === pipeline,
  );
}

function findInputSet(
  ctx: RequestContext,
  org: string,
  project: string,
  pipeline: string,
  id: string,
): SimInputSet {
  const set = listOf(ctx, org, project, pipeline).find((s) => s.identifier === id);
  if (!set) {
    throw errorDto(
      404,
      'ENTITY_NOT_FOUND',
      `InputSet with the given ID: ${id} does not exist or has been deleted`,
      ctx.correlationId,
    );
  }
  return set;
}

function summary(s: SimInputSet): Obj {
  return {
    identifier: s.identifier,
    name: s.name,
    pipelineIdentifier: s.pipelineIdentifier,
    description: s.description,
    inputSetType: s.type,
    tags: s.tags,
    version: s.version,
    gitDetails: { objectId: null, branch: null, repoIdentifier: null, rootFolder: null, filePath: null },
    createdAt: s.createdAt,
    lastUpdatedAt: s.lastUpdatedAt,
    isOutdated: false,
    inputSetErrorDetails: null,
    overlaySetErrorDetails: null,
    entityValidityDetails: { valid: true, invalidYaml: null },
    modules: [],
  };
}

function response(ctx: RequestContext, s: SimInputSet): Obj {
  return {
    accountId: ctx.state.account.identifier,
    orgIdentifier: s.orgIdentifier,
    projectIdentifier: s.projectIdentifier,
    pipelineIdentifier: s.pipelineIdentifier,
    identifier: s.identifier,
    inputSetYaml: s.yaml,
    name: s.name,
    description: s.description,
    tags: s.tags,
    inputSetErrorWrapper: null,
    isOutdated: false,
    version: s.version,
    gitDetails: { objectId: null, branch: null, repoIdentifier: null, rootFolder: null, filePath: null },
    entityValidityDetails: { valid: true, invalidYaml: null },
    storeType: 'INLINE',
    isErrorResponse: false,
  };
}

function list(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_view');
  const pipeline = requireQuery(ctx, 'pipelineIdentifier');
  findPipeline(ctx, org, project, pipeline);
  const type = q(ctx, 'inputSetType') ?? 'ALL';
  const term = q(ctx, 'searchTerm')?.toLowerCase();
  const all = listOf(ctx, org, project, pipeline)
    .filter((s) => type === 'ALL' || s.type === type)
    .filter((s) => !term || s.name.toLowerCase().includes(term) || s.identifier.toLowerCase().includes(term))
    .sort((a, b) => b.lastUpdatedAt - a.lastUpdatedAt);
  const pageIndex = intQuery(ctx, 'pageIndex', 0);
  const pageSize = intQuery(ctx, 'pageSize', 100, 1, 1000);
  return ok(ngPage(all.map(summary), pageIndex, pageSize), ctx.correlationId);
}

function get(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_view');
  const pipeline = requireQuery(ctx, 'pipelineIdentifier');
  findPipeline(ctx, org, project, pipeline);
  return ok(response(ctx, findInputSet(ctx, org, project, pipeline, ctx.params.id)), ctx.correlationId);
}

function create(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_edit');
  const pipeline = requireQuery(ctx, 'pipelineIdentifier');
  findPipeline(ctx, org, project, pipeline);
  let root: unknown;
  try {
    root = parse(ctx.body);
  } catch (e) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `Invalid input set yaml: ${(e as Error).message}`,
      ctx.correlationId,
    );
  }
  const set = isObj(root) && isObj(root.inputSet) ? root.inputSet : undefined;
  const identifier = set && typeof set.identifier === 'string' ? set.identifier : '';
  if (!set || !/^[a-zA-Z_][0-9a-zA-Z_]{0,127}$/.test(identifier) || !isObj(set.pipeline)) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      'Input set YAML needs inputSet: with an identifier, a name and the pipeline: runtime inputs',
      ctx.correlationId,
    );
  }
  const pipelineRef = set.pipeline.identifier;
  if (pipelineRef !== undefined && pipelineRef !== pipeline) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `Pipeline identifier in the input set (${String(pipelineRef)}) is not ${pipeline}`,
      ctx.correlationId,
    );
  }
  if (listOf(ctx, org, project, pipeline).some((s) => s.identifier === identifier)) {
    throw errorDto(
      400,
      'DUPLICATE_FIELD',
      `Input set [${identifier}] under Project[${project}], Organization [${org}] already exists`,
      ctx.correlationId,
    );
  }
  const stored: SimInputSet = {
    identifier,
    name: typeof set.name === 'string' && set.name !== '' ? set.name : identifier,
    orgIdentifier: org,
    projectIdentifier: project,
    pipelineIdentifier: pipeline,
    description: typeof set.description === 'string' ? set.description : '',
    tags: stringRecord(set.tags),
    type: 'INPUT_SET',
    yaml: ctx.body,
    references: [],
    version: 0,
    createdAt: ctx.now,
    lastUpdatedAt: ctx.now,
  };
  ctx.state.inputSets.push(stored);
  return ok(response(ctx, stored), ctx.correlationId);
}

/** The key a list entry is matched by in a merge: `name` (variables) or an `identifier`. */
function entryKey(v: unknown): string | undefined {
  if (!isObj(v)) return undefined;
  if (typeof v.identifier === 'string') return `id:${v.identifier}`;
  if (typeof v.name === 'string') return `name:${v.name}`;
  for (const key of ['stage', 'step', 'stepGroup']) {
    const inner = v[key];
    if (isObj(inner) && typeof inner.identifier === 'string') return `${key}:${inner.identifier}`;
  }
  return undefined;
}

export function mergeInputs(base: unknown, over: unknown): unknown {
  if (isObj(base) && isObj(over)) {
    const out: Obj = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeInputs(base[k], v) : v;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(over) && over.every((v) => entryKey(v) !== undefined)) {
    const out = [...base];
    for (const v of over) {
      const at = out.findIndex((b) => entryKey(b) === entryKey(v));
      if (at >= 0) out[at] = mergeInputs(out[at], v);
      else out.push(v);
    }
    return out;
  }
  return over;
}

function pipelineInputs(s: SimInputSet): unknown {
  try {
    const root: unknown = parse(s.yaml);
    return isObj(root) && isObj(root.inputSet) ? root.inputSet.pipeline : undefined;
  } catch {
    return undefined;
  }
}

function merge(ctx: RequestContext): Reply {
  const { org, project } = projectScope(ctx, 'core_pipeline_view');
  const pipeline = requireQuery(ctx, 'pipelineIdentifier');
  const p = findPipeline(ctx, org, project, pipeline);
  const body = jsonBody(ctx);
  const refs = Array.isArray(body.inputSetReferences)
    ? body.inputSetReferences.filter((r): r is string => typeof r === 'string')
    : [];
  if (refs.length === 0) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      'inputSetReferences must name at least one input set',
      ctx.correlationId,
    );
  }
  const sets = refs.flatMap((r) => {
    const s = findInputSet(ctx, org, project, pipeline, r);
    return s.type === 'OVERLAY_INPUT_SET'
      ? s.references.map((x) => findInputSet(ctx, org, project, pipeline, x))
      : [s];
  });
  let merged: unknown = {};
  for (const s of sets) merged = mergeInputs(merged, pipelineInputs(s) ?? {});
  const yaml = stringify({ pipeline: merged });
  return ok(
    {
      pipelineYaml: yaml,
      completePipelineYaml:
        body.withMergedPipelineYaml === true
          ? stringify({ pipeline: mergeInputs(pipelineNode(ctx, p), merged) })
          : null,
      isErrorResponse: false,
      inputSetErrorWrapper: null,
    },
    ctx.correlationId,
  );
}

export function registerInputSetRoutes(router: Router): void {
  router
    .add('GET', '/pipeline/api/inputSets', list)
    .add('POST', '/pipeline/api/inputSets', create)
    .add('POST', '/pipeline/api/inputSets/merge', merge)
    .add('GET', '/pipeline/api/inputSets/:id', get);
}
