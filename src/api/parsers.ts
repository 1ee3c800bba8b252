// Per-entity parsers: wire JSON → the types of ./types.ts. Required fields are checked, the rest
// copied when well-typed.
import type {
  AccountInfo,
  Connector,
  ConnectorInfo,
  ConnectorStatus,
  ConnectorTestResult,
  ConnectivityStatus,
  CurrentUser,
  Environment,
  ExecutionSummary,
  GitDetails,
  InputSetTemplate,
  ModuleType,
  Organization,
  PipelineDetail,
  PipelineSaveResult,
  PipelineSummary,
  PlanExecution,
  Project,
  Service,
  StoreType,
  Template,
} from './types';
import {
  ResponseShapeError,
  defined,
  isRecord,
  optBool,
  optNum,
  optRecord,
  optStr,
  optStrArray,
  optTags,
  record,
  str,
} from './validate';

const MODULES: readonly string[] = [
  'CD',
  'CI',
  'CV',
  'CF',
  'CE',
  'STO',
  'CHAOS',
  'SRM',
  'IACM',
  'CET',
  'CODE',
  'IDP',
  'SSCA',
  'SEI',
];
const CONNECTIVITY: readonly string[] = ['SUCCESS', 'FAILURE', 'PARTIAL', 'UNKNOWN'];

function storeType(o: Record<string, unknown>): StoreType | undefined {
  const v = o.storeType;
  return v === 'INLINE' || v === 'REMOTE' ? v : undefined;
}

function validity(o: Record<string, unknown>): { valid: boolean; invalidYaml?: string } | undefined {
  const v = optRecord(o, 'entityValidityDetails');
  const valid = v && optBool(v, 'valid');
  return v && valid !== undefined ? defined({ valid, invalidYaml: optStr(v, 'invalidYaml') }) : undefined;
}

export function parseOrganizationResponse(x: unknown): Organization {
  const o = record(x, 'organization response');
  const org = record(o.organization, 'organization response.organization');
  return defined({
    identifier: str(org, 'identifier', 'organization'),
    name: str(org, 'name', 'organization'),
    description: optStr(org, 'description'),
    tags: optTags(org, 'tags'),
    createdAt: optNum(o, 'createdAt'),
    lastModifiedAt: optNum(o, 'lastModifiedAt'),
    harnessManaged: optBool(o, 'harnessManaged'),
  });
}

export function parseProjectResponse(x: unknown): Project {
  const o = record(x, 'project response');
  const p = record(o.project, 'project response.project');
  const modules = optStrArray(p, 'modules')?.filter((m): m is ModuleType => MODULES.includes(m));
  return defined({
    orgIdentifier: str(p, 'orgIdentifier', 'project'),
    identifier: str(p, 'identifier', 'project'),
    name: str(p, 'name', 'project'),
    color: optStr(p, 'color'),
    modules,
    description: optStr(p, 'description'),
    tags: optTags(p, 'tags'),
    createdAt: optNum(o, 'createdAt'),
    lastModifiedAt: optNum(o, 'lastModifiedAt'),
    isFavorite: optBool(o, 'isFavorite'),
  });
}

function connectivity(o: Record<string, unknown>, where: string): ConnectivityStatus {
  const s = str(o, 'status', where);
  if (!CONNECTIVITY.includes(s))
    throw new ResponseShapeError(`${where}.status "${s}" is not a connectivity status`);
  return s as ConnectivityStatus;
}

function connectorErrors(o: Record<string, unknown>): ConnectorStatus['errors'] {
  const v = o.errors;
  if (!Array.isArray(v)) return undefined;
  return v
    .filter(isRecord)
    .map((e) =>
      defined({ reason: optStr(e, 'reason'), message: optStr(e, 'message'), code: optNum(e, 'code') }),
    );
}

export function parseConnectorInfo(x: unknown): ConnectorInfo {
  const c = record(x, 'connector');
  return defined({
    name: str(c, 'name', 'connector'),
    identifier: str(c, 'identifier', 'connector'),
    description: optStr(c, 'description'),
    orgIdentifier: optStr(c, 'orgIdentifier'),
    projectIdentifier: optStr(c, 'projectIdentifier'),
    tags: optTags(c, 'tags'),
    type: str(c, 'type', 'connector'),
    spec: optRecord(c, 'spec') ?? {},
  });
}

export function parseConnectorResponse(x: unknown): Connector {
  const o = record(x, 'connector response');
  const s = optRecord(o, 'status');
  const status: ConnectorStatus | undefined = s
    ? defined({
        status: connectivity(s, 'connector.status'),
        errorSummary: optStr(s, 'errorSummary'),
        errors: connectorErrors(s),
        testedAt: optNum(s, 'testedAt'),
        lastTestedAt: optNum(s, 'lastTestedAt'),
        lastConnectedAt: optNum(s, 'lastConnectedAt'),
      })
    : undefined;
  return defined({
    connector: parseConnectorInfo(o.connector),
    status,
    createdAt: optNum(o, 'createdAt'),
    lastModifiedAt: optNum(o, 'lastModifiedAt'),
    harnessManaged: optBool(o, 'harnessManaged'),
  });
}

export function parseConnectorTestResult(x: unknown): ConnectorTestResult {
  const o = record(x, 'connector test result');
  return defined({
    status: connectivity(o, 'connector test result'),
    errorSummary: optStr(o, 'errorSummary'),
    errors: connectorErrors(o),
    testedAt: optNum(o, 'testedAt'),
    delegateId: optStr(o, 'delegateId'),
  });
}

function gitDetails(o: Record<string, unknown>): GitDetails | undefined {
  const g = optRecord(o, 'gitDetails');
  if (!g) return undefined;
  const out = defined({
    objectId: optStr(g, 'objectId'),
    commitId: optStr(g, 'commitId'),
    branch: optStr(g, 'branch'),
    repoIdentifier: optStr(g, 'repoIdentifier'),
    repoName: optStr(g, 'repoName'),
    filePath: optStr(g, 'filePath'),
    rootFolder: optStr(g, 'rootFolder'),
    fileUrl: optStr(g, 'fileUrl'),
    repoUrl: optStr(g, 'repoUrl'),
  });
  return Object.keys(out).length > 0 ? out : undefined;
}

export function parsePipelineSummary(x: unknown): PipelineSummary {
  const p = record(x, 'pipeline summary');
  const e = optRecord(p, 'executionSummaryInfo');
  return defined({
    identifier: str(p, 'identifier', 'pipeline'),
    name: str(p, 'name', 'pipeline'),
    description: optStr(p, 'description'),
    tags: optTags(p, 'tags'),
    version: optNum(p, 'version'),
    numOfStages: optNum(p, 'numOfStages'),
    createdAt: optNum(p, 'createdAt'),
    lastUpdatedAt: optNum(p, 'lastUpdatedAt'),
    modules: optStrArray(p, 'modules'),
    storeType: storeType(p),
    connectorRef: optStr(p, 'connectorRef'),
    gitDetails: gitDetails(p),
    executionSummaryInfo: e
      ? defined({
          lastExecutionTs: optNum(e, 'lastExecutionTs'),
          lastExecutionStatus: optStr(e, 'lastExecutionStatus'),
          lastExecutionId: optStr(e, 'lastExecutionId'),
        })
      : undefined,
    entityValidityDetails: validity(p),
  });
}

export function parsePipelineDetail(x: unknown): PipelineDetail {
  const p = record(x, 'pipeline');
  return defined({
    yamlPipeline: str(p, 'yamlPipeline', 'pipeline'),
    version: optNum(p, 'version'),
    storeType: storeType(p),
    connectorRef: optStr(p, 'connectorRef'),
    gitDetails: gitDetails(p),
    modules: optStrArray(p, 'modules'),
    entityValidityDetails: validity(p),
  });
}

export function parsePipelineSaveResult(x: unknown): PipelineSaveResult {
  const o = record(x, 'pipeline save result');
  return defined({
    identifier: str(o, 'identifier', 'pipeline save result'),
    governanceMetadata: optRecord(o, 'governanceMetadata'),
  });
}

export function parseInputSetTemplate(x: unknown): InputSetTemplate {
  const o = record(x, 'input set template');
  return defined({
    inputSetTemplateYaml: optStr(o, 'inputSetTemplateYaml'),
    hasInputSets: optBool(o, 'hasInputSets'),
  });
}

export function parsePlanExecution(x: unknown): PlanExecution {
  const o = record(x, 'execute response');
  const pe = record(o.planExecution, 'execute response.planExecution');
  return defined({
    uuid: str(pe, 'uuid', 'planExecution'),
    status: str(pe, 'status', 'planExecution'),
    startTs: optNum(pe, 'startTs'),
    createdAt: optNum(pe, 'createdAt'),
  });
}

export function parseExecutionSummary(x: unknown): ExecutionSummary {
  const e = record(x, 'execution summary');
  const info = optRecord(e, 'executionErrorInfo');
  return defined({
    pipelineIdentifier: str(e, 'pipelineIdentifier', 'execution'),
    planExecutionId: str(e, 'planExecutionId', 'execution'),
    name: optStr(e, 'name'),
    status: str(e, 'status', 'execution'),
    runSequence: optNum(e, 'runSequence'),
    startTs: optNum(e, 'startTs'),
    endTs: optNum(e, 'endTs'),
    createdAt: optNum(e, 'createdAt'),
    successfulStagesCount: optNum(e, 'successfulStagesCount'),
    failedStagesCount: optNum(e, 'failedStagesCount'),
    runningStagesCount: optNum(e, 'runningStagesCount'),
    totalStagesCount: optNum(e, 'totalStagesCount'),
    executionErrorInfo: info ? defined({ message: optStr(info, 'message') }) : undefined,
  });
}

export function parseExecutionDetail(x: unknown): ExecutionSummary {
  const o = record(x, 'execution detail');
  return parseExecutionSummary(o.pipelineExecutionSummary);
}

/** `{service: {...}, createdAt, lastModifiedAt}`: a servicesV2 item, single or in a list. */
export function parseServiceResponse(x: unknown): Service {
  const o = record(x, 'service response');
  const sv = record(o.service, 'service response.service');
  return defined({
    identifier: str(sv, 'identifier', 'service'),
    name: str(sv, 'name', 'service'),
    description: optStr(sv, 'description'),
    orgIdentifier: optStr(sv, 'orgIdentifier'),
    projectIdentifier: optStr(sv, 'projectIdentifier'),
    tags: optTags(sv, 'tags'),
    yaml: optStr(sv, 'yaml'),
    createdAt: optNum(o, 'createdAt'),
    lastModifiedAt: optNum(o, 'lastModifiedAt'),
  });
}

/** `{environment: {...}, createdAt, lastModifiedAt}`: an environmentsV2 item. */
export function parseEnvironmentResponse(x: unknown): Environment {
  const o = record(x, 'environment response');
  const e = record(o.environment, 'environment response.environment');
  const type = optStr(e, 'type');
  return defined({
    identifier: str(e, 'identifier', 'environment'),
    name: str(e, 'name', 'environment'),
    description: optStr(e, 'description'),
    orgIdentifier: optStr(e, 'orgIdentifier'),
    projectIdentifier: optStr(e, 'projectIdentifier'),
    type: type === 'Production' || type === 'PreProduction' ? type : undefined,
    tags: optTags(e, 'tags'),
    yaml: optStr(e, 'yaml'),
    createdAt: optNum(o, 'createdAt'),
    lastModifiedAt: optNum(o, 'lastModifiedAt'),
  });
}

/** A template (single read) or template metadata (list item): both are flat. */
export function parseTemplate(x: unknown): Template {
  const t = record(x, 'template');
  return defined({
    identifier: str(t, 'identifier', 'template'),
    name: str(t, 'name', 'template'),
    versionLabel: str(t, 'versionLabel', 'template'),
    templateEntityType: str(t, 'templateEntityType', 'template'),
    orgIdentifier: optStr(t, 'orgIdentifier'),
    projectIdentifier: optStr(t, 'projectIdentifier'),
    stableTemplate: optBool(t, 'stableTemplate'),
    description: optStr(t, 'description'),
    tags: optTags(t, 'tags'),
    yaml: optStr(t, 'yaml'),
    lastUpdatedAt: optNum(t, 'lastUpdatedAt'),
  });
}

export function parseCurrentUser(x: unknown): CurrentUser {
  const u = record(x, 'current user');
  return defined({
    uuid: str(u, 'uuid', 'current user'),
    name: optStr(u, 'name'),
    email: optStr(u, 'email'),
    defaultAccountId: optStr(u, 'defaultAccountId'),
  });
}

export function parseAccount(x: unknown): AccountInfo {
  const a = record(x, 'account');
  return defined({
    identifier: str(a, 'identifier', 'account'),
    name: optStr(a, 'name'),
    companyName: optStr(a, 'companyName'),
    cluster: optStr(a, 'cluster'),
  });
}

/** A JSON Schema document: must at least be an object. */
export function parseSchema(x: unknown): Record<string, unknown> {
  return record(x, 'YAML schema');
}

/** Delete endpoints answer `data: true`; anything else but an empty body is suspicious. */
export function parseDeleted(x: unknown): void {
  if (x !== true && x !== undefined) throw new ResponseShapeError('delete response is not true');
}
