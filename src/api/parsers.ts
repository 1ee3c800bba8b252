// Per-entity parsers: wire JSON → the types of ./types.ts. Required fields are checked, the rest
// copied when well-typed.
import {
  CONNECTIVITY_STATUSES,
  executionStatusInfo,
  type AccountInfo,
  type Connector,
  type ConnectorInfo,
  type ConnectorStatus,
  type ConnectorTestResult,
  type ConnectivityStatus,
  type CurrentUser,
  type Environment,
  type ExecutionSummary,
  type ExecutionTrigger,
  type GitDetails,
  type GovernanceMetadata,
  type GovernancePolicySet,
  type InputSetTemplate,
  type ModuleType,
  type Organization,
  type PipelineDetail,
  type PipelineSaveResult,
  type PipelineSummary,
  type PlanExecution,
  type Project,
  type Service,
  type StoreType,
  type Template,
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

/** What a value looked like on the wire, for `rawStatus` (never fails). */
function rawText(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * A connectivity status. A value outside Harness's enum (or none) is UNKNOWN, with what was sent
 * in `rawStatus`: one connector with a new status must not fail a whole page.
 */
function connectivity(o: Record<string, unknown>): { status: ConnectivityStatus; rawStatus?: string } {
  const v = o.status;
  const known = typeof v === 'string' ? CONNECTIVITY_STATUSES.find((c) => c === v.toUpperCase()) : undefined;
  if (known !== undefined) return known === v ? { status: known } : { status: known, rawStatus: v as string };
  const raw = rawText(v);
  return raw === undefined ? { status: 'UNKNOWN' } : { status: 'UNKNOWN', rawStatus: raw };
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
        ...connectivity(s),
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
    ...connectivity(o),
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
          lastExecutionStatus: lastExecutionStatus(e),
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

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

function policySets(g: Record<string, unknown>): GovernancePolicySet[] | undefined {
  if (!Array.isArray(g.details)) return undefined;
  return g.details.filter(isRecord).map((d) =>
    defined({
      name: optStr(d, 'policySetName') || undefined,
      identifier: optStr(d, 'identifier') || undefined,
      status: optStr(d, 'status') || undefined,
      deny: optBool(d, 'deny') ?? false,
      policies: (Array.isArray(d.policyMetadata) ? d.policyMetadata.filter(isRecord) : []).map((p) =>
        defined({
          name: optStr(p, 'policyName') || undefined,
          identifier: optStr(p, 'identifier') || undefined,
          status: optStr(p, 'status') || undefined,
          denyMessages: strings(p.denyMessages),
          error: optStr(p, 'error') || undefined,
        }),
      ),
    }),
  );
}

/** "Policy set "X": policy "Y": deny message; …" for the sets that failed (deny) or warned. */
function policySummary(sets: GovernancePolicySet[], deny: boolean): string | undefined {
  const failing = (status: string | undefined, denied: boolean): boolean =>
    deny ? denied || status === 'error' : status === 'error' || status === 'warning';
  const parts: string[] = [];
  for (const set of sets.filter((s) => failing(s.status, s.deny))) {
    const policies = set.policies
      .filter((p) => failing(p.status, false) || p.denyMessages.length > 0 || p.error)
      .map((p) => {
        const why = [...p.denyMessages, ...(p.error ? [p.error] : [])].join('; ');
        const name = p.name ?? p.identifier;
        return name ? `policy "${name}"${why ? `: ${why}` : ''}` : why;
      })
      .filter((text) => text !== '');
    const setName = set.name ?? set.identifier;
    const head = setName ? `Policy set "${setName}"` : 'A policy set';
    parts.push(policies.length > 0 ? `${head}: ${policies.join('; ')}` : head);
  }
  return parts.length > 0 ? parts.join(' | ') : undefined;
}

/** OPA `governanceMetadata` (protobuf JSON: int64 as strings, every default present). */
export function parseGovernanceMetadata(x: unknown): GovernanceMetadata | undefined {
  if (!isRecord(x)) return undefined;
  const deny = optBool(x, 'deny') ?? false;
  const sets = policySets(x);
  const serverMessage = optStr(x, 'message')?.trim();
  return defined({
    deny,
    status: optStr(x, 'status'),
    message: serverMessage || (sets ? policySummary(sets, deny) : undefined),
    policySets: sets && sets.length > 0 ? sets : undefined,
    id: optStr(x, 'id') || undefined,
  });
}

/**
 * `{identifier, governanceMetadata}`. On an OPA deny Harness answers with only
 * `governanceMetadata` (no identifier): that is a result (nothing was saved), not a bad response.
 */
export function parsePipelineSaveResult(x: unknown): PipelineSaveResult {
  const o = record(x, 'pipeline save result');
  const governanceMetadata = parseGovernanceMetadata(o.governanceMetadata);
  const identifier = optStr(o, 'identifier') || undefined;
  if (identifier === undefined && governanceMetadata?.deny !== true)
    throw new ResponseShapeError('pipeline save result.identifier is not a string');
  return defined({ identifier, governanceMetadata });
}

export function parseInputSetTemplate(x: unknown): InputSetTemplate {
  const o = record(x, 'input set template');
  return defined({
    inputSetTemplateYaml: optStr(o, 'inputSetTemplateYaml'),
    hasInputSets: optBool(o, 'hasInputSets'),
  });
}

/**
 * An execution status in any of Harness's spellings, normalised (`RUNNING` → `Running`). A value
 * Harness has not documented is kept as sent; a missing or null one (the server serialises its
 * legacy NOT_STARTED/INTERVENTION_WAITING/… values as null) becomes `Unknown`.
 */
export function executionStatus(
  o: Record<string, unknown>,
  key: string,
): { status: string; rawStatus?: string } {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '')
    return { status: 'Unknown', rawStatus: v === undefined ? 'missing' : (rawText(v) ?? 'missing') };
  const { status } = executionStatusInfo(v);
  return status === v ? { status } : { status, rawStatus: v };
}

function lastExecutionStatus(e: Record<string, unknown>): string | undefined {
  const v = optStr(e, 'lastExecutionStatus');
  return v ? executionStatusInfo(v).status : undefined;
}

export function parsePlanExecution(x: unknown): PlanExecution {
  const o = record(x, 'execute response');
  const pe = record(o.planExecution, 'execute response.planExecution');
  return defined({
    uuid: str(pe, 'uuid', 'planExecution'),
    ...executionStatus(pe, 'status'),
    startTs: optNum(pe, 'startTs'),
    createdAt: optNum(pe, 'createdAt'),
  });
}

export function parseExecutionSummary(x: unknown): ExecutionSummary {
  const e = record(x, 'execution summary');
  const info = optRecord(e, 'executionErrorInfo');
  const git = optRecord(e, 'gitDetails');
  const moduleInfo = optRecord(e, 'moduleInfo');
  const ci = moduleInfo ? optRecord(moduleInfo, 'ci') : undefined;
  return defined({
    pipelineIdentifier: str(e, 'pipelineIdentifier', 'execution'),
    planExecutionId: str(e, 'planExecutionId', 'execution'),
    name: optStr(e, 'name'),
    ...executionStatus(e, 'status'),
    runSequence: optNum(e, 'runSequence'),
    startTs: optNum(e, 'startTs'),
    endTs: optNum(e, 'endTs'),
    createdAt: optNum(e, 'createdAt'),
    successfulStagesCount: optNum(e, 'successfulStagesCount'),
    failedStagesCount: optNum(e, 'failedStagesCount'),
    runningStagesCount: optNum(e, 'runningStagesCount'),
    totalStagesCount: optNum(e, 'totalStagesCount'),
    executionErrorInfo: info ? defined({ message: optStr(info, 'message') }) : undefined,
    trigger: executionTrigger(e),
    branch: optStr(git ?? {}, 'branch') || undefined,
    repoName: optStr(git ?? {}, 'repoName') || undefined,
    ciBranch: optStr(ci ?? {}, 'branch') || undefined,
    canRetry: optBool(e, 'canRetry'),
    modules: optStrArray(e, 'modules'),
  });
}

/** `executionTriggerInfo`: {triggerType, triggeredBy: {uuid, identifier, extraInfo: {email}}, isRerun}. */
function executionTrigger(e: Record<string, unknown>): ExecutionTrigger | undefined {
  const t = optRecord(e, 'executionTriggerInfo');
  if (!t) return undefined;
  const by = optRecord(t, 'triggeredBy');
  const extra = by ? optRecord(by, 'extraInfo') : undefined;
  const who = by
    ? defined({
        identifier: optStr(by, 'identifier') || undefined,
        uuid: optStr(by, 'uuid') || undefined,
        email: (extra && optStr(extra, 'email')) || undefined,
      })
    : undefined;
  return defined({
    type: optStr(t, 'triggerType') || undefined,
    by: who && Object.keys(who).length > 0 ? who : undefined,
    isRerun: optBool(t, 'isRerun'),
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
