// Every HarnessApi member as data: method, path, query, body, how it may be retried, what it is
// called in messages, and the parser of its answer (see ../shared/docs/harness-api.md §1.3,
// §2.1–2.4, §4.1). client.ts runs these through one small executor; nothing here does I/O.
import type { Operation } from './errorMapping';
import type { QueryValue } from './http';
import { toPage } from './paging';
import {
  parseAccount,
  parseConnectorResponse,
  parseConnectorTestResult,
  parseCurrentUser,
  parseDeleted,
  parseEnvironmentResponse,
  parseExecutionDetail,
  parseExecutionSummary,
  parseInputSetTemplate,
  parseOrganizationResponse,
  parsePipelineDetail,
  parsePipelineSaveResult,
  parsePipelineSummary,
  parsePlanExecution,
  parseProjectResponse,
  parseSchema,
  parseServiceResponse,
  parseTemplate,
} from './parsers';
import {
  parseExecutionDetailGraph,
  parseExecutionInputs,
  parseInputSet,
  parseInputSetSummary,
  parseInterrupt,
  parseMergedInputSets,
  parseRetryInfo,
} from './executionParsers';
import { DEFAULT_LOG_BYTES, parseLogBlob } from './logs';
import type {
  CallOptions,
  ConnectorInfo,
  CurrentUser,
  GitParams,
  HarnessApi,
  PageRequest,
  Scope,
} from './types';

/** What is sent: JSON (nulls stripped), YAML (`application/yaml`) or plain text. */
export type Body = { json: unknown } | { yaml: string } | { text: string };

/**
 * `read`: changes nothing, so it is retried on 429/502/503/504, resets and timeouts (GETs and
 * list/lookup POSTs). `write`: creates, updates, deletes, runs or tests something: never retried.
 */
export type RetryClass = 'read' | 'write';

/**
 * The HarnessApi members that are one request each (verifyToken picks one of two; streamStepLog
 * reads a stream: see client.ts).
 */
export type Member = Exclude<keyof HarnessApi, 'baseUrl' | 'accountId' | 'verifyToken' | 'streamStepLog'>;
export type Args<K extends Member> = Parameters<HarnessApi[K]>;
export type Result<K extends Member> = Awaited<ReturnType<HarnessApi[K]>>;
/** Position of the trailing CallOptions argument (checked against HarnessApi by the compiler). */
type OptsAt<K extends Member> =
  Required<Args<K>> extends [...infer Before, unknown] ? Before['length'] : never;

export interface Endpoint<A extends unknown[], R, At extends number = number> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below the base URL; identifiers in it are path segments, encoded with `seg`. */
  path: string | ((...args: A) => string);
  query?: (...args: A) => Record<string, QueryValue>;
  body?: (...args: A) => Body;
  retry: RetryClass;
  /** What the call does, and the entity it concerns, for messages ("read pipeline p", `Pipeline "p"`). */
  op: (...args: A) => Operation;
  parse: (data: unknown) => R;
  /** Index of the CallOptions argument (signal, timeout; executePipeline also reads it for its query). */
  optsAt: At;
  /** The answer is text read up to a cap (the log service), not a JSON envelope: see RequestSpec.raw. */
  raw?: (...args: A) => { maxBytes: number };
}

export type EndpointTable = { [K in Member]: Endpoint<Args<K>, Result<K>, OptsAt<K>> };

export const seg = encodeURIComponent;

const op = (o: string, thing?: string): Operation => (thing ? { op: o, thing } : { op: o });

function scopeQuery(scope: Scope | undefined): Record<string, QueryValue> {
  return { orgIdentifier: scope?.orgIdentifier, projectIdentifier: scope?.projectIdentifier };
}

function scopeName(scope: Scope | undefined): string {
  if (scope?.projectIdentifier) return `project ${scope.orgIdentifier ?? '?'}/${scope.projectIdentifier}`;
  if (scope?.orgIdentifier) return `org ${scope.orgIdentifier}`;
  return 'the account';
}

function projectThing(scope: { orgIdentifier: string; projectIdentifier: string }): string {
  return `Project "${scope.orgIdentifier}/${scope.projectIdentifier}"`;
}

function schemaScope(scope: Scope | undefined): string {
  return scope?.projectIdentifier ? 'project' : scope?.orgIdentifier ? 'org' : 'account';
}

/** A raw read's data (RequestSpec.raw): its text and whether the cap cut it. */
export function rawAnswer(d: unknown): { text: string; truncated: boolean } {
  if (typeof d === 'object' && d !== null && typeof (d as { text?: unknown }).text === 'string') {
    const a = d as { text: string; truncated?: unknown };
    return { text: a.text, truncated: a.truncated === true };
  }
  // An empty 2xx body: an empty log.
  return { text: '', truncated: false };
}

/** NG (`/ng/api`) paging. */
function ngPage(page: PageRequest | undefined): Record<string, QueryValue> {
  return {
    pageIndex: page?.pageIndex ?? 0,
    pageSize: page?.pageSize ?? 50,
    searchTerm: page?.searchTerm || undefined,
  };
}

/** Spring paging (pipeline, template and CD services). */
function springPage(page: PageRequest | undefined): Record<string, QueryValue> {
  return {
    page: page?.pageIndex ?? 0,
    size: page?.pageSize ?? 50,
    searchTerm: page?.searchTerm || undefined,
  };
}

/** Git Experience query parameters; REMOTE when a repository or file path is given. */
function gitQuery(git: GitParams | undefined, update: boolean): Record<string, QueryValue> {
  if (!git) return {};
  const remote = Boolean(git.repoName || git.filePath);
  return {
    storeType: remote ? 'REMOTE' : undefined,
    connectorRef: git.connectorRef,
    repoName: git.repoName,
    branch: git.branch,
    filePath: git.filePath,
    commitMsg: git.commitMsg,
    isNewBranch: git.isNewBranch,
    baseBranch: git.baseBranch,
    lastObjectId: update ? git.lastObjectId : undefined,
    lastCommitId: update ? git.lastCommitId : undefined,
  };
}

/** The pipeline identifier inside YAML, for messages only (the server decides what it is). */
function yamlIdentifier(yaml: string): string | undefined {
  return /^ {2}identifier:\s*["']?([A-Za-z0-9_$]+)/m.exec(yaml)?.[1];
}

type ProjectInput = Parameters<HarnessApi['createProject']>[0];

function projectBody(p: ProjectInput): Record<string, unknown> {
  return {
    orgIdentifier: p.orgIdentifier,
    identifier: p.identifier,
    name: p.name,
    color: p.color,
    modules: p.modules,
    description: p.description,
    tags: p.tags,
  };
}

function connectorBody(c: ConnectorInfo): Record<string, unknown> {
  return {
    name: c.name,
    identifier: c.identifier,
    description: c.description,
    orgIdentifier: c.orgIdentifier,
    projectIdentifier: c.projectIdentifier,
    tags: c.tags,
    type: c.type,
    spec: c.spec,
  };
}

/**
 * verifyToken's two requests: a SAT is validated by `token/validate` (text/plain token, changes
 * nothing, so retried like a read), any other token by `currentUser`.
 */
export function tokenEndpoints(
  accountId: string,
  token: string,
): {
  validateSat: Endpoint<[opts?: CallOptions], undefined, 0>;
  currentUser: Endpoint<[opts?: CallOptions], CurrentUser, 0>;
} {
  return {
    validateSat: {
      method: 'POST',
      path: '/ng/api/token/validate',
      body: () => ({ text: token }),
      retry: 'read',
      op: () => op(`access account ${accountId}`),
      parse: () => undefined,
      optsAt: 0,
    },
    currentUser: {
      method: 'GET',
      path: '/ng/api/user/currentUser',
      retry: 'read',
      op: () => op(`access account ${accountId}`),
      parse: parseCurrentUser,
      optsAt: 0,
    },
  };
}

/** The endpoint of every single-request HarnessApi member, for the account `accountId`. */
export function endpoints(accountId: string): EndpointTable {
  return {
    getAccount: {
      method: 'GET',
      path: `/ng/api/accounts/${seg(accountId)}`,
      retry: 'read',
      op: () => op(`read account ${accountId}`, `Account ${accountId}`),
      parse: parseAccount,
      optsAt: 0,
    },

    listOrganizations: {
      method: 'GET',
      path: '/ng/api/organizations',
      query: (page) => ngPage(page),
      retry: 'read',
      op: () => op('list organizations'),
      parse: (d) => toPage(d, parseOrganizationResponse),
      optsAt: 1,
    },
    getOrganization: {
      method: 'GET',
      path: (org) => `/ng/api/organizations/${seg(org)}`,
      retry: 'read',
      op: (org) => op(`read org ${org}`, `Organization "${org}"`),
      parse: parseOrganizationResponse,
      optsAt: 1,
    },
    createOrganization: {
      method: 'POST',
      path: '/ng/api/organizations',
      body: (org) => ({
        json: {
          organization: {
            identifier: org.identifier,
            name: org.name,
            description: org.description,
            tags: org.tags,
          },
        },
      }),
      retry: 'write',
      op: (org) => op(`create org ${org.identifier}`, `Organization "${org.identifier}"`),
      parse: parseOrganizationResponse,
      optsAt: 1,
    },

    listProjects: {
      method: 'GET',
      path: '/ng/api/projects',
      query: (orgIdentifier, page) => ({ orgIdentifier, ...ngPage(page) }),
      retry: 'read',
      op: (org) => op(`list projects of org ${org}`, `Organization "${org}"`),
      parse: (d) => toPage(d, parseProjectResponse),
      optsAt: 2,
    },
    getProject: {
      method: 'GET',
      path: (scope) => `/ng/api/projects/${seg(scope.projectIdentifier)}`,
      query: (scope) => ({ orgIdentifier: scope.orgIdentifier }),
      retry: 'read',
      op: (scope) => op(`read ${scopeName(scope)}`, projectThing(scope)),
      parse: parseProjectResponse,
      optsAt: 1,
    },
    createProject: {
      method: 'POST',
      path: '/ng/api/projects',
      query: (project) => ({ orgIdentifier: project.orgIdentifier }),
      body: (project) => ({ json: { project: projectBody(project) } }),
      retry: 'write',
      op: (p) =>
        op(
          `create project ${p.orgIdentifier}/${p.identifier}`,
          `Project "${p.orgIdentifier}/${p.identifier}"`,
        ),
      parse: parseProjectResponse,
      optsAt: 1,
    },
    updateProject: {
      method: 'PUT',
      path: (project) => `/ng/api/projects/${seg(project.identifier)}`,
      query: (project) => ({ orgIdentifier: project.orgIdentifier }),
      body: (project) => ({ json: { project: projectBody(project) } }),
      retry: 'write',
      op: (p) =>
        op(
          `update project ${p.orgIdentifier}/${p.identifier}`,
          `Project "${p.orgIdentifier}/${p.identifier}"`,
        ),
      parse: parseProjectResponse,
      optsAt: 1,
    },
    deleteProject: {
      method: 'DELETE',
      path: (scope) => `/ng/api/projects/${seg(scope.projectIdentifier)}`,
      query: (scope) => ({ orgIdentifier: scope.orgIdentifier }),
      retry: 'write',
      op: (scope) => op(`delete ${scopeName(scope)}`, projectThing(scope)),
      parse: parseDeleted,
      optsAt: 1,
    },

    listConnectors: {
      method: 'POST',
      path: '/ng/api/connectors/listV2',
      query: (scope, page, filter) => ({
        ...scopeQuery(scope),
        ...ngPage(page),
        includeAllConnectorsAvailableAtScope: filter?.includeAllConnectorsAvailableAtScope,
      }),
      body: (_scope, _page, filter) => ({
        json: {
          filterType: 'Connector',
          types: filter?.types,
          categories: filter?.categories,
          connectivityStatuses: filter?.connectivityStatuses,
        },
      }),
      // A list POST changes nothing, so it is retried like a GET.
      retry: 'read',
      op: (scope) => op(`list connectors of ${scopeName(scope)}`),
      parse: (d) => toPage(d, parseConnectorResponse),
      optsAt: 3,
    },
    getConnector: {
      method: 'GET',
      path: (_scope, id) => `/ng/api/connectors/${seg(id)}`,
      query: (scope) => scopeQuery(scope),
      retry: 'read',
      op: (scope, id) => op(`read connector ${id} of ${scopeName(scope)}`, `Connector "${id}"`),
      parse: parseConnectorResponse,
      optsAt: 2,
    },
    createConnector: {
      method: 'POST',
      path: '/ng/api/connectors',
      query: (connector) => scopeQuery(connector),
      body: (connector) => ({ json: { connector: connectorBody(connector) } }),
      retry: 'write',
      op: (c) => op(`create connector ${c.identifier}`, `Connector "${c.identifier}"`),
      parse: parseConnectorResponse,
      optsAt: 1,
    },
    updateConnector: {
      method: 'PUT',
      path: '/ng/api/connectors',
      query: (connector) => scopeQuery(connector),
      body: (connector) => ({ json: { connector: connectorBody(connector) } }),
      retry: 'write',
      op: (c) => op(`update connector ${c.identifier}`, `Connector "${c.identifier}"`),
      parse: parseConnectorResponse,
      optsAt: 1,
    },
    deleteConnector: {
      method: 'DELETE',
      path: (_scope, id) => `/ng/api/connectors/${seg(id)}`,
      query: (scope) => scopeQuery(scope),
      retry: 'write',
      op: (_scope, id) => op(`delete connector ${id}`, `Connector "${id}"`),
      parse: parseDeleted,
      optsAt: 2,
    },
    testConnector: {
      method: 'POST',
      path: (_scope, id) => `/ng/api/connectors/testConnection/${seg(id)}`,
      query: (scope) => scopeQuery(scope),
      body: () => ({ json: {} }),
      retry: 'write',
      op: (_scope, id) => op(`test connector ${id}`, `Connector "${id}"`),
      parse: parseConnectorTestResult,
      optsAt: 2,
    },

    listPipelines: {
      method: 'POST',
      path: '/pipeline/api/pipelines/list',
      query: (scope, page) => ({ ...scopeQuery(scope), ...springPage(page) }),
      body: () => ({ json: { filterType: 'PipelineSetup' } }),
      retry: 'read',
      op: (scope) => op(`list pipelines of ${scopeName(scope)}`, projectThing(scope)),
      parse: (d) => toPage(d, parsePipelineSummary),
      optsAt: 2,
    },
    getPipeline: {
      method: 'GET',
      path: (_scope, id) => `/pipeline/api/pipelines/${seg(id)}`,
      query: (scope, _id, git) => ({
        ...scopeQuery(scope),
        branch: git?.branch,
        repoName: git?.repoName,
        connectorRef: git?.connectorRef,
      }),
      retry: 'read',
      op: (_scope, id) => op(`read pipeline ${id}`, `Pipeline "${id}"`),
      parse: parsePipelineDetail,
      optsAt: 3,
    },
    createPipeline: {
      method: 'POST',
      path: '/pipeline/api/pipelines/v2',
      query: (scope, _yaml, git) => ({ ...scopeQuery(scope), ...gitQuery(git, false) }),
      body: (_scope, yaml) => ({ yaml }),
      retry: 'write',
      op: (scope, yaml) => {
        const id = yamlIdentifier(yaml);
        return op(
          `create pipeline${id ? ` ${id}` : ''} in ${scopeName(scope)}`,
          id ? `Pipeline "${id}"` : 'The pipeline',
        );
      },
      parse: parsePipelineSaveResult,
      optsAt: 3,
    },
    updatePipeline: {
      method: 'PUT',
      path: (_scope, id) => `/pipeline/api/pipelines/v2/${seg(id)}`,
      query: (scope, _id, _yaml, git) => ({ ...scopeQuery(scope), ...gitQuery(git, true) }),
      body: (_scope, _id, yaml) => ({ yaml }),
      retry: 'write',
      op: (_scope, id) => op(`update pipeline ${id}`, `Pipeline "${id}"`),
      parse: parsePipelineSaveResult,
      optsAt: 4,
    },
    deletePipeline: {
      method: 'DELETE',
      path: (_scope, id) => `/pipeline/api/pipelines/${seg(id)}`,
      query: (scope, _id, git) => ({
        ...scopeQuery(scope),
        branch: git?.branch,
        filePath: git?.filePath,
        commitMsg: git?.commitMsg,
        lastObjectId: git?.lastObjectId,
      }),
      retry: 'write',
      op: (_scope, id) => op(`delete pipeline ${id}`, `Pipeline "${id}"`),
      parse: parseDeleted,
      optsAt: 3,
    },
    importPipeline: {
      // harness/mcp-server src/registry/toolsets/pipelines.ts (pipeline `import` action): the Git
      // location in the query, {pipelineName, pipelineDescription} as JSON; the answer is a
      // PipelineSaveResponse like create's.
      method: 'POST',
      path: '/pipeline/api/pipelines/import',
      query: (scope, r) => ({
        ...scopeQuery(scope),
        connectorRef: r.connectorRef,
        repoName: r.repoName,
        branch: r.branch,
        filePath: r.filePath,
        isForceImport: r.isForceImport,
        isHarnessCodeRepo: r.isHarnessCodeRepo,
      }),
      body: (_scope, r) => ({
        json: { pipelineName: r.pipelineName ?? '', pipelineDescription: r.pipelineDescription ?? '' },
      }),
      retry: 'write',
      op: (scope, r) =>
        op(
          `import pipeline from ${r.repoName}:${r.filePath} into ${scopeName(scope)}`,
          `File "${r.filePath}"`,
        ),
      parse: parsePipelineSaveResult,
      optsAt: 2,
    },
    getInputSetTemplate: {
      method: 'POST',
      path: '/pipeline/api/inputSets/template',
      query: (scope, pipelineIdentifier, branch) => ({ ...scopeQuery(scope), pipelineIdentifier, branch }),
      body: () => ({ json: {} }),
      retry: 'read',
      op: (_scope, id) => op(`read the runtime inputs of pipeline ${id}`, `Pipeline "${id}"`),
      parse: parseInputSetTemplate,
      optsAt: 3,
    },
    executePipeline: {
      method: 'POST',
      path: (_scope, id) => `/pipeline/api/pipeline/execute/${seg(id)}`,
      query: (scope, _id, _yaml, opts) => ({
        ...scopeQuery(scope),
        moduleType: opts?.moduleType,
        branch: opts?.branch,
        pipelineBranchName: opts?.branch,
      }),
      // The body must be present even when empty, or the server ignores input sets.
      body: (_scope, _id, runtimeInputYaml) => ({ yaml: runtimeInputYaml ?? '' }),
      retry: 'write',
      op: (_scope, id) => op(`run pipeline ${id}`, `Pipeline "${id}"`),
      parse: parsePlanExecution,
      optsAt: 3,
    },
    listExecutions: {
      method: 'POST',
      path: '/pipeline/api/pipelines/execution/summary',
      query: (scope, pipelineIdentifier, page) => ({
        ...scopeQuery(scope),
        ...springPage(page),
        pipelineIdentifier,
      }),
      body: () => ({ json: { filterType: 'PipelineExecution' } }),
      retry: 'read',
      op: (scope, id) => op(`list executions${id ? ` of pipeline ${id}` : ` of ${scopeName(scope)}`}`),
      parse: (d) => toPage(d, parseExecutionSummary),
      optsAt: 3,
    },
    getExecution: {
      method: 'GET',
      path: (_scope, id) => `/pipeline/api/pipelines/execution/v2/${seg(id)}`,
      query: (scope) => scopeQuery(scope),
      retry: 'read',
      op: (_scope, id) => op(`read execution ${id}`, `Execution "${id}"`),
      parse: parseExecutionDetail,
      optsAt: 2,
    },

    getExecutionDetail: {
      method: 'GET',
      path: (_scope, id) => `/pipeline/api/pipelines/execution/v2/${seg(id)}`,
      query: (scope, _id, options) => ({
        ...scopeQuery(scope),
        stageNodeId: options?.stageNodeId || undefined,
        renderFullBottomGraph: options?.fullGraph ? true : undefined,
      }),
      retry: 'read',
      op: (_scope, id) => op(`read execution ${id}`, `Execution "${id}"`),
      parse: parseExecutionDetailGraph,
      optsAt: 3,
    },
    abortExecution: {
      method: 'PUT',
      path: (_scope, id) => `/pipeline/api/pipeline/execute/interrupt/${seg(id)}`,
      query: (scope) => ({ ...scopeQuery(scope), interruptType: 'AbortAll' }),
      retry: 'write',
      op: (_scope, id) => op(`abort execution ${id}`, `Execution "${id}"`),
      parse: parseInterrupt,
      optsAt: 2,
    },
    getRetryStages: {
      method: 'GET',
      path: (_scope, _pipeline, id) => `/pipeline/api/pipeline/execute/${seg(id)}/retryStages`,
      query: (scope, pipelineIdentifier) => ({ ...scopeQuery(scope), pipelineIdentifier }),
      retry: 'read',
      op: (_scope, _pipeline, id) => op(`read the retry stages of execution ${id}`, `Execution "${id}"`),
      parse: parseRetryInfo,
      optsAt: 3,
    },
    retryExecution: {
      method: 'POST',
      path: (_scope, pipeline) => `/pipeline/api/pipeline/execute/retry/${seg(pipeline)}`,
      query: (scope, _pipeline, id, retry) => ({
        ...scopeQuery(scope),
        planExecutionId: id,
        retryStages: retry.retryStages,
        runAllStages: retry.runAllStages,
        moduleType: retry.moduleType,
      }),
      body: (_scope, _pipeline, _id, retry) => ({ yaml: retry.runtimeInputYaml ?? '' }),
      retry: 'write',
      op: (_scope, pipeline, id) => op(`retry execution ${id} of pipeline ${pipeline}`, `Execution "${id}"`),
      parse: parsePlanExecution,
      optsAt: 4,
    },
    rerunExecution: {
      method: 'POST',
      path: (_scope, pipeline, original) =>
        `/pipeline/api/pipeline/execute/rerun/${seg(original)}/${seg(pipeline)}`,
      query: (scope, _pipeline, _original, _yaml, opts) => ({
        ...scopeQuery(scope),
        moduleType: opts?.moduleType,
      }),
      // As for executePipeline: the body is sent even when empty.
      body: (_scope, _pipeline, _original, yaml) => ({ yaml: yaml ?? '' }),
      retry: 'write',
      op: (_scope, pipeline, original) =>
        op(`run pipeline ${pipeline} again (as execution ${original})`, `Execution "${original}"`),
      parse: parsePlanExecution,
      optsAt: 4,
    },
    getExecutionInputs: {
      method: 'GET',
      path: (_scope, id) => `/pipeline/api/pipelines/execution/${seg(id)}/inputsetV2`,
      query: (scope) => scopeQuery(scope),
      retry: 'read',
      op: (_scope, id) => op(`read the inputs of execution ${id}`, `Execution "${id}"`),
      parse: parseExecutionInputs,
      optsAt: 2,
    },

    listInputSets: {
      method: 'GET',
      path: '/pipeline/api/inputSets',
      query: (scope, pipelineIdentifier, page) => ({
        ...scopeQuery(scope),
        pipelineIdentifier,
        inputSetType: 'ALL',
        ...ngPage(page),
      }),
      retry: 'read',
      op: (_scope, pipeline) => op(`list the input sets of pipeline ${pipeline}`, `Pipeline "${pipeline}"`),
      parse: (d) => toPage(d, parseInputSetSummary),
      optsAt: 3,
    },
    getInputSet: {
      method: 'GET',
      path: (_scope, _pipeline, id) => `/pipeline/api/inputSets/${seg(id)}`,
      query: (scope, pipelineIdentifier) => ({ ...scopeQuery(scope), pipelineIdentifier }),
      retry: 'read',
      op: (_scope, pipeline, id) => op(`read input set ${id} of pipeline ${pipeline}`, `Input set "${id}"`),
      parse: parseInputSet,
      optsAt: 3,
    },
    createInputSet: {
      method: 'POST',
      path: '/pipeline/api/inputSets',
      query: (scope, pipelineIdentifier) => ({ ...scopeQuery(scope), pipelineIdentifier }),
      body: (_scope, _pipeline, yaml) => ({ yaml }),
      retry: 'write',
      op: (_scope, pipeline, yaml) => {
        const id = /^ {2}identifier:\s*["']?([A-Za-z0-9_$]+)/m.exec(yaml)?.[1];
        return op(
          `create input set${id ? ` ${id}` : ''} for pipeline ${pipeline}`,
          id ? `Input set "${id}"` : 'The input set',
        );
      },
      parse: parseInputSet,
      optsAt: 3,
    },
    mergeInputSets: {
      method: 'POST',
      path: '/pipeline/api/inputSets/merge',
      query: (scope, pipelineIdentifier) => ({ ...scopeQuery(scope), pipelineIdentifier }),
      body: (_scope, _pipeline, refs, withMergedPipelineYaml) => ({
        json: { inputSetReferences: refs, withMergedPipelineYaml: withMergedPipelineYaml ?? false },
      }),
      // A merge stores nothing: retried like a read.
      retry: 'read',
      op: (_scope, pipeline, refs) =>
        op(`merge input sets ${refs.join(', ')} of pipeline ${pipeline}`, `Pipeline "${pipeline}"`),
      parse: parseMergedInputSets,
      optsAt: 4,
    },

    getStepLog: {
      method: 'GET',
      path: '/gateway/log-service/blob',
      // The log service reads `accountID` (capital ID) and `key` (log-service handler/helper.go).
      query: (key) => ({ accountID: accountId, key }),
      retry: 'read',
      op: () => op('read the step log'),
      parse: (d) => {
        const answer = rawAnswer(d);
        return parseLogBlob(answer.text, answer.truncated);
      },
      optsAt: 1,
      raw: (_key, opts) => ({ maxBytes: opts?.maxBytes ?? DEFAULT_LOG_BYTES }),
    },

    getService: {
      method: 'GET',
      path: (_scope, id) => `/ng/api/servicesV2/${seg(id)}`,
      query: (scope) => scopeQuery(scope),
      retry: 'read',
      op: (scope, id) => op(`read service ${id} of ${scopeName(scope)}`, `Service "${id}"`),
      parse: parseServiceResponse,
      optsAt: 2,
    },
    listServices: {
      method: 'GET',
      path: '/ng/api/servicesV2',
      query: (scope, page) => ({ ...scopeQuery(scope), ...springPage(page) }),
      retry: 'read',
      op: (scope) => op(`list services of ${scopeName(scope)}`),
      parse: (d) => toPage(d, parseServiceResponse),
      optsAt: 2,
    },
    getEnvironment: {
      method: 'GET',
      path: (_scope, id) => `/ng/api/environmentsV2/${seg(id)}`,
      query: (scope) => scopeQuery(scope),
      retry: 'read',
      op: (scope, id) => op(`read environment ${id} of ${scopeName(scope)}`, `Environment "${id}"`),
      parse: parseEnvironmentResponse,
      optsAt: 2,
    },
    listEnvironments: {
      method: 'GET',
      path: '/ng/api/environmentsV2',
      query: (scope, page) => ({ ...scopeQuery(scope), ...springPage(page) }),
      retry: 'read',
      op: (scope) => op(`list environments of ${scopeName(scope)}`),
      parse: (d) => toPage(d, parseEnvironmentResponse),
      optsAt: 2,
    },
    getTemplate: {
      method: 'GET',
      path: (_scope, id) => `/template/api/templates/${seg(id)}`,
      query: (scope, _id, versionLabel) => ({
        ...scopeQuery(scope),
        versionLabel: versionLabel || undefined,
      }),
      retry: 'read',
      op: (scope, id, version) =>
        op(
          `read template ${id}${version ? ` version ${version}` : ''} of ${scopeName(scope)}`,
          `Template "${id}"`,
        ),
      parse: parseTemplate,
      optsAt: 3,
    },
    listTemplates: {
      method: 'POST',
      path: '/template/api/templates/list-metadata',
      query: (scope, page) => ({ ...scopeQuery(scope), templateListType: 'All', ...springPage(page) }),
      body: () => ({ json: { filterType: 'Template' } }),
      // A list POST changes nothing, so it is retried like a GET.
      retry: 'read',
      op: (scope) => op(`list templates of ${scopeName(scope)}`),
      parse: (d) => toPage(d, parseTemplate),
      optsAt: 2,
    },

    getPipelineSchema: {
      method: 'GET',
      path: '/pipeline/api/yaml-schema',
      query: (scope) => ({ entityType: 'Pipelines', scope: schemaScope(scope), ...scopeQuery(scope) }),
      retry: 'read',
      op: () => op('download the pipeline YAML schema'),
      parse: parseSchema,
      optsAt: 1,
    },
    getConnectorSchema: {
      method: 'GET',
      path: '/ng/api/yaml-schema',
      query: (scope) => ({ entityType: 'Connectors', scope: schemaScope(scope), ...scopeQuery(scope) }),
      retry: 'read',
      op: () => op('download the connector YAML schema'),
      parse: parseSchema,
      optsAt: 1,
    },
  };
}
