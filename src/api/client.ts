// createHarnessClient: every HarnessApi member mapped to its Harness endpoint (see
// ../shared/docs/harness-api.md §1.3, §2.1–2.4, §4.1), with responses checked by ./parsers.
import { normalizeBaseUrl } from './baseUrl';
import type { Clock } from './clock';
import type { ProxyOptions, ProxyRoute } from './dispatcher';
import type { Operation } from './errorMapping';
import { type Logger, type QueryValue, type RequestSpec, HttpTransport, parseWith } from './http';
import type { RateBudgets, RateLimitOptions } from './limiter';
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
import type { RetryOptions } from './retry';
import { parseToken, resolveAccountId } from './token';
import type { CallOptions, ConnectorInfo, GitParams, HarnessApi, PageRequest, Scope } from './types';

export interface HarnessClientOptions {
  /** Harness URL; default https://app.harness.io. Normalised by normalizeBaseUrl. */
  baseUrl?: string;
  token: string;
  /** Needed only when the token is not `pat.<account>.…`/`sat.<account>.…`. */
  accountId?: string;
  /** Per-request timeout in ms (default 30 000). */
  timeoutMs?: number;
  proxy?: ProxyOptions;
  logger?: Logger;
  retry?: RetryOptions;
  rateLimit?: RateLimitOptions | false;
  /** Rate budgets shared with the caller's other clients (one bucket per key); else one of its own. */
  rateBudgets?: RateBudgets;
  userAgent?: string;
  /** Injected time source (tests). */
  clock?: Clock;
  /** Environment consulted for HTTPS_PROXY/HTTP_PROXY/NO_PROXY (default process.env). */
  env?: Record<string, string | undefined>;
}

/** The client: the HarnessApi contract plus lifecycle. */
export interface HarnessClient extends HarnessApi {
  /** How requests leave the process: 'direct', 'proxy' (explicit) or 'env' (*_PROXY variables). */
  readonly proxyRoute: ProxyRoute;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

function scopeQuery(scope: Scope | undefined): Record<string, QueryValue> {
  return { orgIdentifier: scope?.orgIdentifier, projectIdentifier: scope?.projectIdentifier };
}

function scopeName(scope: Scope | undefined): string {
  if (scope?.projectIdentifier) return `project ${scope.orgIdentifier ?? '?'}/${scope.projectIdentifier}`;
  if (scope?.orgIdentifier) return `org ${scope.orgIdentifier}`;
  return 'the account';
}

function schemaScope(scope: Scope | undefined): string {
  return scope?.projectIdentifier ? 'project' : scope?.orgIdentifier ? 'org' : 'account';
}

function ngPage(page: PageRequest | undefined): Record<string, QueryValue> {
  return {
    pageIndex: page?.pageIndex ?? 0,
    pageSize: page?.pageSize ?? 50,
    searchTerm: page?.searchTerm || undefined,
  };
}

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

const seg = encodeURIComponent;

export function createHarnessClient(options: HarnessClientOptions): HarnessClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  if (typeof options.token !== 'string' || options.token.trim() === '')
    throw new Error('An API token is required.');
  const token = options.token.trim();
  const accountId = resolveAccountId(token, options.accountId);
  const tokenKind = parseToken(token).kind;
  const http = new HttpTransport({
    baseUrl,
    token,
    accountId,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.proxy ? { proxy: options.proxy } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    ...(options.rateBudgets ? { rateBudgets: options.rateBudgets } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.env ? { env: options.env } : {}),
  });

  async function call<T>(spec: RequestSpec, parse: (x: unknown) => T, opts?: CallOptions): Promise<T> {
    const data = await http.call(spec, opts);
    return parseWith(spec.op, data, parse, http.secretsToRedact());
  }
  const op = (o: string, thing?: string): Operation => (thing ? { op: o, thing } : { op: o });

  const client: HarnessClient = {
    baseUrl,
    accountId,
    get proxyRoute() {
      return http.proxyRoute;
    },
    close: () => http.close(),

    async verifyToken(opts) {
      if (tokenKind === 'sat') {
        await http.call(
          {
            method: 'POST',
            path: '/ng/api/token/validate',
            text: { body: token, contentType: 'text/plain' },
            // Validation changes nothing, so repeating it is safe.
            safe: true,
            op: op(`access account ${accountId}`),
          },
          opts,
        );
        return { kind: 'sat' };
      }
      const user = await call(
        {
          method: 'GET',
          path: '/ng/api/user/currentUser',
          safe: true,
          op: op(`access account ${accountId}`),
        },
        parseCurrentUser,
        opts,
      );
      return { kind: tokenKind, user };
    },

    getAccount: (opts) =>
      call(
        {
          method: 'GET',
          path: `/ng/api/accounts/${seg(accountId)}`,
          safe: true,
          op: op(`read account ${accountId}`, `Account ${accountId}`),
        },
        parseAccount,
        opts,
      ),

    listOrganizations: (page, opts) =>
      call(
        {
          method: 'GET',
          path: '/ng/api/organizations',
          query: ngPage(page),
          safe: true,
          op: op('list organizations'),
        },
        (d) => toPage(d, parseOrganizationResponse),
        opts,
      ),

    getOrganization: (org, opts) =>
      call(
        {
          method: 'GET',
          path: `/ng/api/organizations/${seg(org)}`,
          safe: true,
          op: op(`read org ${org}`, `Organization "${org}"`),
        },
        parseOrganizationResponse,
        opts,
      ),

    createOrganization: (org, opts) =>
      call(
        {
          method: 'POST',
          path: '/ng/api/organizations',
          json: {
            organization: {
              identifier: org.identifier,
              name: org.name,
              description: org.description,
              tags: org.tags,
            },
          },
          safe: false,
          op: op(`create org ${org.identifier}`, `Organization "${org.identifier}"`),
        },
        parseOrganizationResponse,
        opts,
      ),

    listProjects: (orgIdentifier, page, opts) =>
      call(
        {
          method: 'GET',
          path: '/ng/api/projects',
          query: { orgIdentifier, ...ngPage(page) },
          safe: true,
          op: op(`list projects of org ${orgIdentifier}`, `Organization "${orgIdentifier}"`),
        },
        (d) => toPage(d, parseProjectResponse),
        opts,
      ),

    getProject: (scope, opts) =>
      call(
        {
          method: 'GET',
          path: `/ng/api/projects/${seg(scope.projectIdentifier)}`,
          query: { orgIdentifier: scope.orgIdentifier },
          safe: true,
          op: op(`read ${scopeName(scope)}`, `Project "${scope.orgIdentifier}/${scope.projectIdentifier}"`),
        },
        parseProjectResponse,
        opts,
      ),

    createProject: (project, opts) =>
      call(
        {
          method: 'POST',
          path: '/ng/api/projects',
          query: { orgIdentifier: project.orgIdentifier },
          json: { project: projectBody(project) },
          safe: false,
          op: op(
            `create project ${project.orgIdentifier}/${project.identifier}`,
            `Project "${project.orgIdentifier}/${project.identifier}"`,
          ),
        },
        parseProjectResponse,
        opts,
      ),

    updateProject: (project, opts) =>
      call(
        {
          method: 'PUT',
          path: `/ng/api/projects/${seg(project.identifier)}`,
          query: { orgIdentifier: project.orgIdentifier },
          json: { project: projectBody(project) },
          safe: false,
          op: op(
            `update project ${project.orgIdentifier}/${project.identifier}`,
            `Project "${project.orgIdentifier}/${project.identifier}"`,
          ),
        },
        parseProjectResponse,
        opts,
      ),

    deleteProject: (scope, opts) =>
      call(
        {
          method: 'DELETE',
          path: `/ng/api/projects/${seg(scope.projectIdentifier)}`,
          query: { orgIdentifier: scope.orgIdentifier },
          safe: false,
          op: op(`delete ${scopeName(scope)}`, `Project "${scope.orgIdentifier}/${scope.projectIdentifier}"`),
        },
        parseDeleted,
        opts,
      ),

    listConnectors: (scope, page, filter, opts) =>
      call(
        {
          method: 'POST',
          path: '/ng/api/connectors/listV2',
          query: {
            ...scopeQuery(scope),
            ...ngPage(page),
            includeAllConnectorsAvailableAtScope: filter?.includeAllConnectorsAvailableAtScope,
          },
          json: {
            filterType: 'Connector',
            types: filter?.types,
            categories: filter?.categories,
            connectivityStatuses: filter?.connectivityStatuses,
          },
          safe: true,
          op: op(`list connectors of ${scopeName(scope)}`),
        },
        (d) => toPage(d, parseConnectorResponse),
        opts,
      ),

    getConnector: (scope, identifier, opts) =>
      call(
        {
          method: 'GET',
          path: `/ng/api/connectors/${seg(identifier)}`,
          query: scopeQuery(scope),
          safe: true,
          op: op(`read connector ${identifier} of ${scopeName(scope)}`, `Connector "${identifier}"`),
        },
        parseConnectorResponse,
        opts,
      ),

    createConnector: (connector, opts) =>
      call(
        {
          method: 'POST',
          path: '/ng/api/connectors',
          query: scopeQuery(connector),
          json: { connector: connectorBody(connector) },
          safe: false,
          op: op(`create connector ${connector.identifier}`, `Connector "${connector.identifier}"`),
        },
        parseConnectorResponse,
        opts,
      ),

    updateConnector: (connector, opts) =>
      call(
        {
          method: 'PUT',
          path: '/ng/api/connectors',
          query: scopeQuery(connector),
          json: { connector: connectorBody(connector) },
          safe: false,
          op: op(`update connector ${connector.identifier}`, `Connector "${connector.identifier}"`),
        },
        parseConnectorResponse,
        opts,
      ),

    deleteConnector: (scope, identifier, opts) =>
      call(
        {
          method: 'DELETE',
          path: `/ng/api/connectors/${seg(identifier)}`,
          query: scopeQuery(scope),
          safe: false,
          op: op(`delete connector ${identifier}`, `Connector "${identifier}"`),
        },
        parseDeleted,
        opts,
      ),

    testConnector: (scope, identifier, opts) =>
      call(
        {
          method: 'POST',
          path: `/ng/api/connectors/testConnection/${seg(identifier)}`,
          query: scopeQuery(scope),
          json: {},
          safe: false,
          op: op(`test connector ${identifier}`, `Connector "${identifier}"`),
        },
        parseConnectorTestResult,
        opts,
      ),

    listPipelines: (scope, page, opts) =>
      call(
        {
          method: 'POST',
          path: '/pipeline/api/pipelines/list',
          query: { ...scopeQuery(scope), ...springPage(page) },
          json: { filterType: 'PipelineSetup' },
          safe: true,
          op: op(
            `list pipelines of ${scopeName(scope)}`,
            `Project "${scope.orgIdentifier}/${scope.projectIdentifier}"`,
          ),
        },
        (d) => toPage(d, parsePipelineSummary),
        opts,
      ),

    getPipeline: (scope, identifier, git, opts) =>
      call(
        {
          method: 'GET',
          path: `/pipeline/api/pipelines/${seg(identifier)}`,
          query: {
            ...scopeQuery(scope),
            branch: git?.branch,
            repoName: git?.repoName,
            connectorRef: git?.connectorRef,
          },
          safe: true,
          op: op(`read pipeline ${identifier}`, `Pipeline "${identifier}"`),
        },
        parsePipelineDetail,
        opts,
      ),

    createPipeline: (scope, yaml, git, opts) => {
      const id = yamlIdentifier(yaml);
      return call(
        {
          method: 'POST',
          path: '/pipeline/api/pipelines/v2',
          query: { ...scopeQuery(scope), ...gitQuery(git, false) },
          text: { body: yaml, contentType: 'application/yaml' },
          safe: false,
          op: op(
            `create pipeline${id ? ` ${id}` : ''} in ${scopeName(scope)}`,
            id ? `Pipeline "${id}"` : 'The pipeline',
          ),
        },
        parsePipelineSaveResult,
        opts,
      );
    },

    updatePipeline: (scope, identifier, yaml, git, opts) =>
      call(
        {
          method: 'PUT',
          path: `/pipeline/api/pipelines/v2/${seg(identifier)}`,
          query: { ...scopeQuery(scope), ...gitQuery(git, true) },
          text: { body: yaml, contentType: 'application/yaml' },
          safe: false,
          op: op(`update pipeline ${identifier}`, `Pipeline "${identifier}"`),
        },
        parsePipelineSaveResult,
        opts,
      ),

    deletePipeline: (scope, identifier, git, opts) =>
      call(
        {
          method: 'DELETE',
          path: `/pipeline/api/pipelines/${seg(identifier)}`,
          query: {
            ...scopeQuery(scope),
            branch: git?.branch,
            filePath: git?.filePath,
            commitMsg: git?.commitMsg,
            lastObjectId: git?.lastObjectId,
          },
          safe: false,
          op: op(`delete pipeline ${identifier}`, `Pipeline "${identifier}"`),
        },
        parseDeleted,
        opts,
      ),

    getInputSetTemplate: (scope, pipelineIdentifier, branch, opts) =>
      call(
        {
          method: 'POST',
          path: '/pipeline/api/inputSets/template',
          query: { ...scopeQuery(scope), pipelineIdentifier, branch },
          json: {},
          safe: true,
          op: op(
            `read the runtime inputs of pipeline ${pipelineIdentifier}`,
            `Pipeline "${pipelineIdentifier}"`,
          ),
        },
        parseInputSetTemplate,
        opts,
      ),

    executePipeline: (scope, identifier, runtimeInputYaml, opts) =>
      call(
        {
          method: 'POST',
          path: `/pipeline/api/pipeline/execute/${seg(identifier)}`,
          query: {
            ...scopeQuery(scope),
            moduleType: opts?.moduleType,
            branch: opts?.branch,
            pipelineBranchName: opts?.branch,
          },
          // The body must be present even when empty, or the server ignores input sets.
          text: { body: runtimeInputYaml ?? '', contentType: 'application/yaml' },
          safe: false,
          op: op(`run pipeline ${identifier}`, `Pipeline "${identifier}"`),
        },
        parsePlanExecution,
        opts,
      ),

    listExecutions: (scope, pipelineIdentifier, page, opts) =>
      call(
        {
          method: 'POST',
          path: '/pipeline/api/pipelines/execution/summary',
          query: { ...scopeQuery(scope), ...springPage(page), pipelineIdentifier },
          json: { filterType: 'PipelineExecution' },
          safe: true,
          op: op(
            `list executions${pipelineIdentifier ? ` of pipeline ${pipelineIdentifier}` : ` of ${scopeName(scope)}`}`,
          ),
        },
        (d) => toPage(d, parseExecutionSummary),
        opts,
      ),

    getExecution: (scope, planExecutionId, opts) =>
      call(
        {
          method: 'GET',
          path: `/pipeline/api/pipelines/execution/v2/${seg(planExecutionId)}`,
          query: scopeQuery(scope),
          safe: true,
          op: op(`read execution ${planExecutionId}`, `Execution "${planExecutionId}"`),
        },
        parseExecutionDetail,
        opts,
      ),

    getService: (scope, identifier, opts) =>
      call(
        {
          method: 'GET',
          path: `/ng/api/servicesV2/${seg(identifier)}`,
          query: scopeQuery(scope),
          safe: true,
          op: op(`read service ${identifier} of ${scopeName(scope)}`, `Service "${identifier}"`),
        },
        parseServiceResponse,
        opts,
      ),

    listServices: (scope, page, opts) =>
      call(
        {
          method: 'GET',
          path: '/ng/api/servicesV2',
          query: { ...scopeQuery(scope), ...springPage(page) },
          safe: true,
          op: op(`list services of ${scopeName(scope)}`),
        },
        (d) => toPage(d, parseServiceResponse),
        opts,
      ),

    getEnvironment: (scope, identifier, opts) =>
      call(
        {
          method: 'GET',
          path: `/ng/api/environmentsV2/${seg(identifier)}`,
          query: scopeQuery(scope),
          safe: true,
          op: op(`read environment ${identifier} of ${scopeName(scope)}`, `Environment "${identifier}"`),
        },
        parseEnvironmentResponse,
        opts,
      ),

    listEnvironments: (scope, page, opts) =>
      call(
        {
          method: 'GET',
          path: '/ng/api/environmentsV2',
          query: { ...scopeQuery(scope), ...springPage(page) },
          safe: true,
          op: op(`list environments of ${scopeName(scope)}`),
        },
        (d) => toPage(d, parseEnvironmentResponse),
        opts,
      ),

    getTemplate: (scope, identifier, versionLabel, opts) =>
      call(
        {
          method: 'GET',
          path: `/template/api/templates/${seg(identifier)}`,
          query: { ...scopeQuery(scope), versionLabel: versionLabel || undefined },
          safe: true,
          op: op(
            `read template ${identifier}${versionLabel ? ` version ${versionLabel}` : ''} of ${scopeName(scope)}`,
            `Template "${identifier}"`,
          ),
        },
        parseTemplate,
        opts,
      ),

    listTemplates: (scope, page, opts) =>
      call(
        {
          method: 'POST',
          path: '/template/api/templates/list-metadata',
          query: { ...scopeQuery(scope), templateListType: 'All', ...springPage(page) },
          json: { filterType: 'Template' },
          // A list POST changes nothing, so it is retried like a GET.
          safe: true,
          op: op(`list templates of ${scopeName(scope)}`),
        },
        (d) => toPage(d, parseTemplate),
        opts,
      ),

    getPipelineSchema: (scope, opts) =>
      call(
        {
          method: 'GET',
          path: '/pipeline/api/yaml-schema',
          query: { entityType: 'Pipelines', scope: schemaScope(scope), ...scopeQuery(scope) },
          safe: true,
          op: op('download the pipeline YAML schema'),
        },
        parseSchema,
        opts,
      ),

    getConnectorSchema: (scope, opts) =>
      call(
        {
          method: 'GET',
          path: '/ng/api/yaml-schema',
          query: { entityType: 'Connectors', scope: schemaScope(scope), ...scopeQuery(scope) },
          safe: true,
          op: op('download the connector YAML schema'),
        },
        parseSchema,
        opts,
      ),
  };
  return client;
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
