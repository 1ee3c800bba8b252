// The contract: for every endpoint the client calls, example answers in the shapes Harness's
// published sources show (sources.ts), and what the user must get from each: the parsed value,
// or the error kind, HTTP status, code and the server's words in the message.
// Facts and expectations only: nothing here imports src/api (test/unit/contract runs them).
import {
  ACCOUNT,
  GOVERNANCE_SOURCES,
  accessDenied,
  failure,
  governanceDefault,
  governanceMetadata,
  ngError,
  ngPage,
  pmsError,
  resourceNotFound,
  springPage,
  success,
} from './bodies';
import { CONNECTIVITY_STATUSES, ENGINE_STATUSES, EXECUTION_SUMMARY_STATUSES } from './enums';
import { RUN_LOOP_ENDPOINTS } from './runLoop';
import { S, type Source } from './sources';

/** In an expected value: this key must be absent (or undefined) in the parsed result. */
export const ABSENT = '<absent>';

export interface ExpectedError {
  /** HarnessApiError.kind */
  kind: string;
  status: number;
  code?: string;
  /** Each must appear in the error's message or details. */
  message: string[];
}

export type Expect = { value: unknown } | { error: ExpectedError };

export interface ContractExample {
  name: string;
  source: Source[];
  /**
   * recorded-shape: a response captured in the source, reproduced with our own values;
   * composed: built from the DTOs, enums and exception mappers the source shows;
   * status-only: the source documents the status code, not the body.
   */
  basis: 'recorded-shape' | 'composed' | 'status-only';
  status: number;
  /** JSON body (serialised as application/json). */
  body?: unknown;
  /** Raw body instead of JSON. */
  text?: string;
  contentType?: string;
  expect: Expect;
}

export interface EndpointContract {
  /** The HarnessApi method. */
  call: string;
  /** Its arguments (plain data). */
  args: unknown[];
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path the client must request for these args. */
  path: string;
  /** Where the endpoint itself is documented. */
  source: Source[];
  examples: ContractExample[];
  /** Do not add SHARED_ERRORS (none today). */
  noSharedErrors?: boolean;
}

const ORG = 'default';
const PROJECT = 'web';
const SCOPE = { orgIdentifier: ORG, projectIdentifier: PROJECT };
const T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

const ok = (value: unknown): Expect => ({ value });
const err = (kind: string, status: number, code: string | undefined, ...message: string[]): Expect => ({
  error: { kind, status, ...(code ? { code } : {}), message },
});

// ---- shared errors: what any endpoint can answer -----------------------------------------------

/** Applied to every endpoint (the user-visible kind does not depend on the endpoint). */
export const SHARED_ERRORS: ContractExample[] = [
  {
    name: 'rejected token: 401 INVALID_TOKEN',
    source: [S.authFilter, S.errorCodes, S.responseMessages, S.wingsMapperNg],
    basis: 'composed',
    status: 401,
    body: ngError('INVALID_TOKEN', 'Token is not valid.'),
    expect: err('unauthorized', 401, 'INVALID_TOKEN'),
  },
  {
    name: 'missing permission: 403 NG_ACCESS_DENIED (AccessDeniedErrorDTO)',
    source: [S.accessDenied, S.accessDeniedMessage, S.errorCodes],
    basis: 'composed',
    status: 403,
    body: accessDenied({
      principal: 'u1AbC',
      permission: 'core_pipeline_view',
      resourceType: 'PIPELINE',
      scope: { accountIdentifier: ACCOUNT, orgIdentifier: ORG, projectIdentifier: PROJECT },
    }),
    expect: err('forbidden', 403, 'NG_ACCESS_DENIED'),
  },
  {
    name: 'bad request: 400 INVALID_REQUEST with responseMessages',
    source: [S.mcpErrors, S.errorDto, S.responseMessages],
    basis: 'recorded-shape',
    status: 400,
    body: ngError(
      'INVALID_REQUEST',
      'Invalid request: Delegate selector cannot be empty for this credential type',
    ),
    expect: err('invalid', 400, 'INVALID_REQUEST', 'Delegate selector cannot be empty'),
  },
  {
    name: 'bean validation: 400 FailureDTO with field errors',
    source: [S.violationMapper, S.failureDto],
    basis: 'composed',
    status: 400,
    body: failure('INVALID_REQUEST', 'identifier: must match "^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$"', [
      { fieldId: 'identifier', error: 'must match "^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$"' },
    ]),
    expect: err('invalid', 400, 'INVALID_REQUEST', 'identifier: must match'),
  },
  {
    name: 'JSON layer: {"code":400,"message":"Unable to process JSON","details":…}',
    source: [S.mcpErrors],
    basis: 'recorded-shape',
    status: 400,
    body: { code: 400, message: 'Unable to process JSON', details: 'Unrecognized field "colour"' },
    expect: err('invalid', 400, '400', 'Unable to process JSON', 'Unrecognized field'),
  },
  {
    name: 'route this Harness does not have: 400 RESOURCE_NOT_FOUND_EXCEPTION "HTTP 404 Not Found"',
    source: [S.notFoundMapper],
    basis: 'composed',
    ...resourceNotFound('HTTP 404 Not Found'),
    expect: err('notFound', 400, 'RESOURCE_NOT_FOUND_EXCEPTION', 'HTTP 404 Not Found'),
  },
  {
    name: 'server bug: 500 UNKNOWN_ERROR',
    source: [S.genericMapper],
    basis: 'composed',
    status: 500,
    body: {
      status: 'ERROR',
      code: 'UNKNOWN_ERROR',
      message: 'Oops, something went wrong on our end. Please contact Harness Support.',
      correlationId: null,
      detailedMessage: null,
      responseMessages: [],
      metadata: null,
    },
    expect: err('server', 500, 'UNKNOWN_ERROR', 'Oops, something went wrong'),
  },
  {
    name: 'rate limited: 429 (body not documented)',
    source: [S.apiQuickstart],
    basis: 'status-only',
    status: 429,
    text: '',
    expect: err('rateLimited', 429, undefined),
  },
];

// ---- entities ------------------------------------------------------------------------------------

const orgResponse = (identifier: string, name: string) => ({
  organization: { identifier, name, description: '', tags: {} },
  createdAt: T0 - 9_000_000,
  lastModifiedAt: T0 - 8_000_000,
  harnessManaged: identifier === 'default',
});

const projectResponse = (identifier: string, name: string, modules: string[] = ['CD', 'CI']) => ({
  project: {
    orgIdentifier: ORG,
    identifier,
    name,
    color: '#0063F7',
    modules,
    description: '',
    tags: { team: 'web' },
  },
  createdAt: T0 - 5_000_000,
  lastModifiedAt: T0 - 4_000_000,
  isFavorite: false,
});

interface ConnectorStatusInput {
  status: unknown;
  errorSummary?: string;
  errors?: unknown[];
}

const connectorResponse = (identifier: string, type: string, status: ConnectorStatusInput | null) => ({
  connector: {
    name: identifier.replace(/_/g, ' '),
    identifier,
    description: '',
    orgIdentifier: ORG,
    projectIdentifier: PROJECT,
    tags: {},
    type,
    spec:
      type === 'DockerRegistry'
        ? {
            dockerRegistryUrl: 'https://index.docker.io/v2/',
            providerType: 'DockerHub',
            auth: { type: 'Anonymous' },
            executeOnDelegate: false,
          }
        : { url: 'https://github.com/acme', type: 'Account', executeOnDelegate: true },
  },
  createdAt: T0 - 3_000_000,
  lastModifiedAt: T0 - 2_000_000,
  status:
    status === null
      ? null
      : {
          status: status.status,
          ...(status.errorSummary ? { errorSummary: status.errorSummary } : {}),
          errors: status.errors ?? [],
          testedAt: T0 - 60_000,
          lastTestedAt: 0,
          lastConnectedAt: status.status === 'SUCCESS' ? T0 - 60_000 : 0,
          lastAlertSent: 0,
        },
  activityDetails: { lastActivityTime: T0 - 60_000 },
  harnessManaged: false,
  gitDetails: { objectId: null, branch: null, repoIdentifier: null, rootFolder: null, filePath: null },
  entityValidityDetails: null,
  governanceMetadata: null,
  isFavorite: false,
});

const FAILED_TEST = {
  errorSummary: 'Error Encountered (Delegate could not reach https://github.com/acme within 30 s)',
  errors: [
    {
      reason: 'Unexpected Error',
      message: 'Delegate could not reach https://github.com/acme within 30 s',
      code: 450,
    },
  ],
};

const pipelineSummary = (identifier: string, lastExecutionStatus?: string) => ({
  name: identifier.replace(/_/g, ' '),
  identifier,
  description: '',
  tags: {},
  version: 3,
  numOfStages: 2,
  createdAt: T0 - 7_000_000,
  lastUpdatedAt: T0 - 6_000_000,
  modules: ['cd', 'pms'],
  executionSummaryInfo: {
    numOfErrors: [],
    deployments: [0, 1, 0],
    ...(lastExecutionStatus
      ? { lastExecutionTs: T0 - 100_000, lastExecutionStatus, lastExecutionId: 'Xq9Lb2TmR0aYk3NcVw8EzA' }
      : {}),
  },
  filters: { cd: { deploymentTypes: ['Kubernetes'] } },
  stageNames: ['Build', 'Deploy'],
  storeType: 'INLINE',
  entityValidityDetails: { valid: true, invalidYaml: null },
  isDraft: false,
  yamlVersion: '0',
});

const PIPELINE_YAML = [
  'pipeline:',
  '  name: deploy web',
  '  identifier: deploy_web',
  `  projectIdentifier: ${PROJECT}`,
  `  orgIdentifier: ${ORG}`,
  '  stages: []',
  '',
].join('\n');

const executionSummary = (status: unknown, planExecutionId = 'Xq9Lb2TmR0aYk3NcVw8EzA') => ({
  pipelineIdentifier: 'deploy_web',
  orgIdentifier: ORG,
  projectIdentifier: PROJECT,
  planExecutionId,
  name: 'deploy web',
  status,
  tags: [],
  executionTriggerInfo: {
    triggerType: 'MANUAL',
    triggeredBy: { uuid: 'u1AbC', identifier: 'Dana', extraInfo: {} },
  },
  governanceMetadata: null,
  moduleInfo: {},
  layoutNodeMap: {},
  modules: ['cd'],
  startingNodeId: 'n1',
  startTs: T0 - 50_000,
  createdAt: T0 - 50_000,
  canRetry: false,
  showRetryHistory: false,
  runSequence: 12,
  successfulStagesCount: 1,
  runningStagesCount: 1,
  failedStagesCount: 0,
  totalStagesCount: 2,
  storeType: 'INLINE',
});

const serviceResponse = (identifier: string) => ({
  service: {
    accountId: ACCOUNT,
    identifier,
    orgIdentifier: ORG,
    projectIdentifier: PROJECT,
    name: identifier,
    description: null,
    deleted: false,
    tags: {},
    yaml: `service:\n  name: ${identifier}\n  identifier: ${identifier}\n  tags: {}\n`,
  },
  createdAt: T0 - 1_000_000,
  lastModifiedAt: T0 - 900_000,
});

const environmentResponse = (identifier: string, type: unknown) => ({
  environment: {
    accountId: ACCOUNT,
    orgIdentifier: ORG,
    projectIdentifier: PROJECT,
    identifier,
    name: identifier,
    description: null,
    color: '#0063F7',
    type,
    deleted: false,
    tags: {},
    yaml: `environment:\n  name: ${identifier}\n  identifier: ${identifier}\n  type: ${String(type)}\n`,
  },
  createdAt: T0 - 800_000,
  lastModifiedAt: T0 - 700_000,
});

const template = (versionLabel: string, stable: boolean, withYaml: boolean, entityType = 'Stage') => ({
  accountId: ACCOUNT,
  orgIdentifier: ORG,
  projectIdentifier: PROJECT,
  identifier: 'canary_stage',
  name: 'canary stage',
  description: '',
  tags: {},
  ...(withYaml
    ? {
        yaml: `template:\n  name: canary stage\n  identifier: canary_stage\n  versionLabel: ${versionLabel}\n`,
      }
    : {}),
  versionLabel,
  templateEntityType: entityType,
  childType: 'Deployment',
  templateScope: 'project',
  version: 2,
  lastUpdatedAt: T0 - 500_000,
  stableTemplate: stable,
  storeType: 'INLINE',
  yamlVersion: '0',
});

// ---- the endpoints -------------------------------------------------------------------------------

const notFound = (code: string, status: number, text: string, ...source: Source[]): ContractExample => ({
  name: `not found: ${status} ${code}`,
  source,
  basis: 'composed',
  status,
  body:
    code === 'RESOURCE_NOT_FOUND_EXCEPTION'
      ? failure(code, text)
      : status === 404 && source.includes(S.wingsMapperPms)
        ? pmsError(code, text)
        : ngError(code, text),
  expect: err('notFound', status, code, text),
});

const duplicate = (text: string, pms: boolean, ...source: Source[]): ContractExample => ({
  name: 'duplicate identifier: 400 DUPLICATE_FIELD',
  source: [...source, S.errorCodes],
  basis: 'composed',
  status: 400,
  body: pms ? pmsError('DUPLICATE_FIELD', text) : ngError('DUPLICATE_FIELD', text),
  expect: err('duplicate', 400, 'DUPLICATE_FIELD', text),
});

const deleted = (source: Source[]): ContractExample[] => [
  {
    name: 'deleted: data true',
    source,
    basis: 'composed',
    status: 200,
    body: success(true),
    expect: ok(undefined),
  },
];

function connectorStatusExamples(): ContractExample[] {
  return CONNECTIVITY_STATUSES.values.map((status) => ({
    name: `status ${status}`,
    source: CONNECTIVITY_STATUSES.source,
    basis: 'composed',
    status: 200,
    body: success(
      connectorResponse('github_acme', 'Github', { status, ...(status === 'FAILURE' ? FAILED_TEST : {}) }),
    ),
    expect: ok({
      connector: { identifier: 'github_acme', type: 'Github' },
      status: { status, rawStatus: ABSENT },
    }),
  }));
}

const UNKNOWN_CONNECTIVITY: ContractExample = {
  name: 'a status this client does not know yet ("DEGRADED"): UNKNOWN, raw value kept',
  source: [S.connectivityStatus],
  basis: 'composed',
  status: 200,
  body: success(connectorResponse('github_acme', 'Github', { status: 'DEGRADED' })),
  expect: ok({
    connector: { identifier: 'github_acme' },
    status: { status: 'UNKNOWN', rawStatus: 'DEGRADED' },
  }),
};

function testConnectionExamples(): ContractExample[] {
  const result = (status: unknown, extra: Record<string, unknown> = {}) =>
    success({
      status,
      errors: [],
      errorSummary: null,
      testedAt: T0,
      delegateId: 'dlg-7f3a',
      taskId: 'tsk-91',
      ...extra,
    });
  return [
    ...CONNECTIVITY_STATUSES.values.map((status): ContractExample => ({
      name: `result ${status}`,
      source: [...CONNECTIVITY_STATUSES.source, S.connectorValidationResult],
      basis: 'composed',
      status: 200,
      body: result(status, status === 'FAILURE' ? FAILED_TEST : {}),
      expect: ok({
        status,
        rawStatus: ABSENT,
        ...(status === 'FAILURE' ? { errorSummary: FAILED_TEST.errorSummary, errors: [{ code: 450 }] } : {}),
      }),
    })),
    {
      name: 'a result this client does not know yet: UNKNOWN, raw value kept',
      source: [S.connectivityStatus],
      basis: 'composed',
      status: 200,
      body: result('THROTTLED'),
      expect: ok({ status: 'UNKNOWN', rawStatus: 'THROTTLED' }),
    },
  ];
}

function summaryStatusExamples(
  wrap: (status: unknown) => unknown,
  at: (v: unknown) => unknown,
): ContractExample[] {
  const known = EXECUTION_SUMMARY_STATUSES.map((fact): ContractExample => ({
    name: `status ${fact.value}`,
    source: fact.source,
    basis: 'composed',
    status: 200,
    body: success(wrap(fact.value)),
    expect: ok(at({ status: fact.name, rawStatus: fact.name === fact.value ? ABSENT : fact.value })),
  }));
  return [
    ...known,
    {
      name: 'status null (legacy values whose display name is null)',
      source: [S.executionStatus],
      basis: 'composed',
      status: 200,
      body: success(wrap(null)),
      expect: ok(at({ status: 'Unknown', rawStatus: 'null' })),
    },
    {
      name: 'a status this client does not know yet: kept as sent',
      source: [S.executionStatus],
      basis: 'composed',
      status: 200,
      body: success(wrap('QueuedPlanCreation')),
      expect: ok(at({ status: 'QueuedPlanCreation', rawStatus: ABSENT })),
    },
  ];
}

const saveBodies = {
  created: success({ identifier: 'deploy_web', governanceMetadata: governanceDefault() }),
  quickstart: success({ identifier: 'deploy_web', governanceMetadata: {} }, {}),
  warned: success({
    identifier: 'deploy_web',
    governanceMetadata: governanceMetadata({
      status: 'warning',
      sets: [
        {
          name: 'Deployment hygiene',
          status: 'warning',
          policies: [
            {
              name: 'No shell scripts',
              status: 'warning',
              denyMessages: ["stage 'deploy' uses step 'sh_1' of type 'ShellScript'"],
            },
          ],
        },
        { name: 'Approvals', status: 'pass', policies: [{ name: 'Approval before prod', status: 'pass' }] },
      ],
    }),
    publicAccessResponse: { errorMessage: null, public: false },
  }),
  denied: success({
    governanceMetadata: governanceMetadata({
      status: 'error',
      sets: [
        {
          name: 'Production safety',
          status: 'error',
          policies: [
            {
              name: 'Require approval',
              status: 'error',
              denyMessages: ["pipeline 'deploy_web' deploys to production without an approval stage"],
            },
            { name: 'Pinned images', status: 'pass' },
          ],
        },
        { name: 'Naming', status: 'pass', policies: [{ name: 'Snake case ids', status: 'pass' }] },
      ],
    }),
  }),
  deniedNullId: success({
    identifier: null,
    governanceMetadata: governanceMetadata({
      status: 'error',
      sets: [
        {
          name: 'Production safety',
          status: 'error',
          policies: [{ name: 'Require approval', status: 'error', denyMessages: ['no approval stage'] }],
        },
      ],
    }),
  }),
  deniedNoContext: success({
    governanceMetadata: {
      ...governanceDefault('Could not create OPA context: [unexpected end of YAML]'),
      deny: true,
    },
  }),
};

function saveExamples(): ContractExample[] {
  return [
    {
      name: 'saved, no policies ran (default governanceMetadata)',
      source: [S.pipelineResource, ...GOVERNANCE_SOURCES],
      basis: 'composed',
      status: 200,
      body: saveBodies.created,
      expect: ok({
        identifier: 'deploy_web',
        governanceMetadata: { deny: false, status: '', message: ABSENT },
      }),
    },
    {
      name: 'saved (the API quickstart sample: governanceMetadata {})',
      source: [S.apiQuickstart],
      basis: 'recorded-shape',
      status: 200,
      body: saveBodies.quickstart,
      expect: ok({ identifier: 'deploy_web', governanceMetadata: { deny: false } }),
    },
    {
      name: 'saved with a policy warning (message "" — the reason is in the policy sets)',
      source: [S.governanceWarnMock, ...GOVERNANCE_SOURCES],
      basis: 'recorded-shape',
      status: 200,
      body: saveBodies.warned,
      expect: ok({
        identifier: 'deploy_web',
        governanceMetadata: {
          deny: false,
          status: 'warning',
          message: `Policy set "Deployment hygiene": policy "No shell scripts": stage 'deploy' uses step 'sh_1' of type 'ShellScript'`,
        },
      }),
    },
    {
      name: 'denied by a policy: only governanceMetadata, no identifier; the policy and its message reach the user',
      source: [
        S.pipelineResource,
        S.pipelineSaveResponse,
        S.pipelineSaveSdk,
        S.governanceDenyMock,
        ...GOVERNANCE_SOURCES,
      ],
      basis: 'recorded-shape',
      status: 200,
      body: saveBodies.denied,
      expect: ok({
        identifier: ABSENT,
        governanceMetadata: {
          deny: true,
          status: 'error',
          message: `Policy set "Production safety": policy "Require approval": pipeline 'deploy_web' deploys to production without an approval stage`,
          policySets: [
            { name: 'Production safety', deny: true },
            { name: 'Naming', deny: false },
          ],
        },
      }),
    },
    {
      name: 'denied, identifier serialised as null',
      source: [S.pipelineResource, S.pipelineSaveResponse],
      basis: 'composed',
      status: 200,
      body: saveBodies.deniedNullId,
      expect: ok({
        identifier: ABSENT,
        governanceMetadata: {
          deny: true,
          message: 'Policy set "Production safety": policy "Require approval": no approval stage',
        },
      }),
    },
    {
      name: 'denied because the OPA context could not be built: the server message is kept',
      source: [S.governanceMapping],
      basis: 'composed',
      status: 200,
      body: saveBodies.deniedNoContext,
      expect: ok({
        identifier: ABSENT,
        governanceMetadata: { deny: true, message: 'Could not create OPA context: [unexpected end of YAML]' },
      }),
    },
    {
      name: 'neither identifier nor a deny: not a save result',
      source: [S.pipelineSaveResponse],
      basis: 'composed',
      status: 200,
      body: success({ governanceMetadata: governanceDefault() }),
      expect: err('badResponse', 200, undefined, 'identifier'),
    },
  ];
}

const TOKEN_DTO = {
  identifier: 'vscode',
  name: 'vscode',
  validFrom: T0 - 1_000_000,
  validTo: T0 + 1_000_000,
  scheduledExpireTime: 0,
  valid: true,
  accountIdentifier: ACCOUNT,
  apiKeyIdentifier: 'ci_key',
  parentIdentifier: 'ci_bot',
  apiKeyType: 'SERVICE_ACCOUNT',
  tags: {},
};

export const ENDPOINTS: EndpointContract[] = [
  {
    call: 'verifyToken',
    args: [],
    method: 'GET',
    path: '/ng/api/user/currentUser',
    source: [S.userInfo],
    examples: [
      {
        name: 'current user',
        source: [S.userInfo, S.responseDto],
        basis: 'composed',
        status: 200,
        body: success({
          uuid: 'u1AbC',
          name: 'Dana Developer',
          email: 'dana@example.com',
          token: null,
          defaultAccountId: ACCOUNT,
          intent: null,
          accounts: [
            {
              uuid: ACCOUNT,
              accountName: 'Acme',
              companyName: 'Acme',
              defaultExperience: 'NG',
              nextGenEnabled: true,
            },
          ],
          admin: false,
          twoFactorAuthenticationEnabled: false,
          emailVerified: true,
          locked: false,
          disabled: false,
          signupAction: null,
          edition: null,
          billingFrequency: null,
          utmInfo: null,
          externallyManaged: false,
        }),
        expect: ok({
          kind: 'pat',
          user: { uuid: 'u1AbC', email: 'dana@example.com', defaultAccountId: ACCOUNT },
        }),
      },
    ],
  },
  {
    call: 'verifyToken#sat',
    args: [],
    method: 'POST',
    path: '/ng/api/token/validate',
    source: [S.tokenValidate],
    examples: [
      {
        name: 'service account token valid',
        source: [S.tokenValidate],
        basis: 'composed',
        status: 200,
        body: success(TOKEN_DTO),
        expect: ok({ kind: 'sat' }),
      },
    ],
  },
  {
    call: 'getAccount',
    args: [],
    method: 'GET',
    path: `/ng/api/accounts/${ACCOUNT}`,
    source: [S.accountDto],
    examples: [
      {
        name: 'account',
        source: [S.accountDto],
        basis: 'composed',
        status: 200,
        body: success({
          identifier: ACCOUNT,
          name: 'Acme',
          companyName: 'Acme Corp',
          cluster: 'prod2',
          defaultExperience: 'NG',
          authenticationMechanism: 'USER_PASSWORD',
          serviceAccountConfig: { apiKeyLimit: 5, tokenLimit: 5 },
          nextGenEnabled: true,
          productLed: false,
          twoFactorAdminEnforced: false,
          ringName: 'ring3',
          sessionTimeoutInMinutes: 1440,
          publicAccessEnabled: false,
          createdAt: T0 - 99_000_000,
        }),
        expect: ok({ identifier: ACCOUNT, name: 'Acme', companyName: 'Acme Corp', cluster: 'prod2' }),
      },
    ],
  },
  {
    call: 'listOrganizations',
    args: [],
    method: 'GET',
    path: '/ng/api/organizations',
    source: [S.orgResponse, S.ngPage],
    examples: [
      {
        name: 'NG page of organizations',
        source: [S.orgResponse, S.ngPage],
        basis: 'composed',
        status: 200,
        body: success(
          ngPage([orgResponse('default', 'Default'), orgResponse('payments', 'Payments')], 0, 50, 2),
        ),
        expect: ok({
          items: [
            { identifier: 'default', harnessManaged: true },
            { identifier: 'payments', name: 'Payments' },
          ],
          pageIndex: 0,
          totalItems: 2,
          hasMore: false,
        }),
      },
      {
        name: 'NG page, more pages to come',
        source: [S.ngPage],
        basis: 'composed',
        status: 200,
        body: success(ngPage([orgResponse('default', 'Default')], 0, 1, 3)),
        expect: ok({ totalItems: 3, totalPages: 3, hasMore: true }),
      },
    ],
  },
  {
    call: 'getOrganization',
    args: ['payments'],
    method: 'GET',
    path: '/ng/api/organizations/payments',
    source: [S.orgResponse],
    examples: [
      {
        name: 'organization',
        source: [S.orgResponse],
        basis: 'composed',
        status: 200,
        body: success(orgResponse('payments', 'Payments')),
        expect: ok({ identifier: 'payments', name: 'Payments', harnessManaged: false }),
      },
      notFound(
        'RESOURCE_NOT_FOUND_EXCEPTION',
        400,
        'Organization with identifier [payments] not found',
        S.orgNotFound,
        S.notFoundMapper,
      ),
    ],
  },
  {
    call: 'createOrganization',
    args: [{ identifier: 'payments', name: 'Payments' }],
    method: 'POST',
    path: '/ng/api/organizations',
    source: [S.orgResponse],
    examples: [
      {
        name: 'created',
        source: [S.orgResponse],
        basis: 'composed',
        status: 200,
        body: success(orgResponse('payments', 'Payments')),
        expect: ok({ identifier: 'payments' }),
      },
      duplicate('An organization with identifier [payments] is already present', false, S.orgDuplicate),
    ],
  },
  {
    call: 'listProjects',
    args: [ORG],
    method: 'GET',
    path: '/ng/api/projects',
    source: [S.projectResponse, S.ngPage],
    examples: [
      {
        name: 'NG page of projects (a module this client does not know is dropped, not fatal)',
        source: [S.projectResponse, S.ngPage],
        basis: 'composed',
        status: 200,
        body: success(
          ngPage([projectResponse('web', 'Web'), projectResponse('ml', 'ML', ['CD', 'TEMPLATESERVICE'])]),
        ),
        expect: ok({
          items: [
            { identifier: 'web', modules: ['CD', 'CI'] },
            { identifier: 'ml', modules: ['CD'] },
          ],
          hasMore: false,
        }),
      },
    ],
  },
  {
    call: 'getProject',
    args: [SCOPE],
    method: 'GET',
    path: `/ng/api/projects/${PROJECT}`,
    source: [S.projectResponse],
    examples: [
      {
        name: 'project',
        source: [S.projectResponse],
        basis: 'composed',
        status: 200,
        body: success(projectResponse('web', 'Web')),
        expect: ok({ orgIdentifier: ORG, identifier: 'web', color: '#0063F7', isFavorite: false }),
      },
      notFound(
        'ENTITY_NOT_FOUND',
        404,
        `Project with orgIdentifier [${ORG}] and identifier [${PROJECT}] not found`,
        S.projectNotFound,
        S.wingsMapperNg,
      ),
    ],
  },
  {
    call: 'createProject',
    args: [{ orgIdentifier: ORG, identifier: 'apisample', name: 'APISample', color: '#0063F7', modules: [] }],
    method: 'POST',
    path: '/ng/api/projects',
    source: [S.apiQuickstart, S.projectResponse],
    examples: [
      {
        name: 'created (API quickstart sample shape)',
        source: [S.apiQuickstart, S.projectResponse],
        basis: 'recorded-shape',
        status: 200,
        body: success(
          {
            project: {
              orgIdentifier: ORG,
              identifier: 'apisample',
              name: 'APISample',
              color: '#0063F7',
              modules: [],
              description: '',
              tags: {},
            },
            createdAt: T0,
            lastModifiedAt: T0,
            isFavorite: true,
          },
          {},
        ),
        expect: ok({ identifier: 'apisample', name: 'APISample', isFavorite: true }),
      },
      duplicate(
        `A project with identifier [apisample] and orgIdentifier [${ORG}] is already present`,
        false,
        S.projectDuplicate,
      ),
    ],
  },
  {
    call: 'updateProject',
    args: [{ orgIdentifier: ORG, identifier: 'web', name: 'Web shop' }],
    method: 'PUT',
    path: '/ng/api/projects/web',
    source: [S.projectResponse],
    examples: [
      {
        name: 'updated',
        source: [S.projectResponse],
        basis: 'composed',
        status: 200,
        body: success(projectResponse('web', 'Web shop')),
        expect: ok({ identifier: 'web', name: 'Web shop' }),
      },
      notFound(
        'ENTITY_NOT_FOUND',
        404,
        `Project with orgIdentifier [${ORG}] and identifier [web] not found`,
        S.projectNotFound,
        S.wingsMapperNg,
      ),
    ],
  },
  {
    call: 'deleteProject',
    args: [SCOPE],
    method: 'DELETE',
    path: `/ng/api/projects/${PROJECT}`,
    source: [S.projectResponse],
    examples: deleted([S.responseDto]),
  },
  {
    call: 'listConnectors',
    args: [SCOPE],
    method: 'POST',
    path: '/ng/api/connectors/listV2',
    source: [S.connectorResponseUi, S.ngPage],
    examples: [
      {
        name: 'NG page with every connectivity status, a connector without status, and one status this client does not know',
        source: [S.connectorListMock, S.connectivityStatus, S.connectorResponseUi, S.ngPage],
        basis: 'recorded-shape',
        status: 200,
        body: success(
          ngPage([
            ...CONNECTIVITY_STATUSES.values.map((s) =>
              connectorResponse(`c_${s.toLowerCase()}`, 'Github', {
                status: s,
                ...(s === 'FAILURE' ? FAILED_TEST : {}),
              }),
            ),
            connectorResponse('c_never_tested', 'DockerRegistry', null),
            connectorResponse('c_new_status', 'Github', { status: 'DEGRADED' }),
          ]),
        ),
        expect: ok({
          items: [
            ...CONNECTIVITY_STATUSES.values.map((s) => ({
              connector: { identifier: `c_${s.toLowerCase()}` },
              status: { status: s, rawStatus: ABSENT },
            })),
            { connector: { identifier: 'c_never_tested' }, status: ABSENT },
            {
              connector: { identifier: 'c_new_status' },
              status: { status: 'UNKNOWN', rawStatus: 'DEGRADED' },
            },
          ],
          totalItems: 7,
          hasMore: false,
        }),
      },
      {
        name: 'one PENDING (never tested) connector does not fail the page',
        source: [S.connectivityStatus, S.connectorResponseUi, S.connectorPending],
        basis: 'composed',
        status: 200,
        body: success(ngPage([connectorResponse('k8s_pending', 'K8sCluster', { status: 'PENDING' })])),
        expect: ok({ items: [{ connector: { identifier: 'k8s_pending' }, status: { status: 'PENDING' } }] }),
      },
    ],
  },
  {
    call: 'getConnector',
    args: [SCOPE, 'github_acme'],
    method: 'GET',
    path: '/ng/api/connectors/github_acme',
    source: [S.connectorResponseUi],
    examples: [
      ...connectorStatusExamples(),
      UNKNOWN_CONNECTIVITY,
      notFound(
        'RESOURCE_NOT_FOUND_EXCEPTION',
        400,
        `Connector with identifier [github_acme] not found in project [${PROJECT}] and org [${ORG}].`,
        S.connectorResource,
        S.notFoundMapper,
      ),
    ],
  },
  {
    call: 'createConnector',
    args: [
      {
        name: 'dockerhub',
        identifier: 'dockerhub',
        orgIdentifier: ORG,
        projectIdentifier: PROJECT,
        type: 'DockerRegistry',
        spec: {
          dockerRegistryUrl: 'https://index.docker.io/v2/',
          providerType: 'DockerHub',
          auth: { type: 'Anonymous' },
        },
      },
    ],
    method: 'POST',
    path: '/ng/api/connectors',
    source: [S.apiQuickstart, S.connectorResponseUi],
    examples: [
      {
        name: 'created (API quickstart sample shape); never tested, so PENDING',
        source: [S.apiQuickstart, S.connectorResponseUi, S.connectorPending],
        basis: 'recorded-shape',
        status: 200,
        body: success(connectorResponse('dockerhub', 'DockerRegistry', { status: 'PENDING' }), {}),
        expect: ok({
          connector: { identifier: 'dockerhub', type: 'DockerRegistry' },
          status: { status: 'PENDING' },
        }),
      },
      duplicate('Connector [dockerhub] already exists', false, S.connectorDuplicate),
    ],
  },
  {
    call: 'updateConnector',
    args: [
      {
        name: 'github acme',
        identifier: 'github_acme',
        orgIdentifier: ORG,
        projectIdentifier: PROJECT,
        type: 'Github',
        spec: { url: 'https://github.com/acme', type: 'Account' },
      },
    ],
    method: 'PUT',
    path: '/ng/api/connectors',
    source: [S.connectorResponseUi],
    examples: [
      {
        name: 'updated',
        source: [S.connectorResponseUi],
        basis: 'composed',
        status: 200,
        body: success(connectorResponse('github_acme', 'Github', { status: 'SUCCESS' })),
        expect: ok({ connector: { identifier: 'github_acme' }, status: { status: 'SUCCESS' } }),
      },
      {
        name: 'missing connector: 400 INVALID_REQUEST',
        source: [S.connectorDeleteMissing, S.responseMessages, S.wingsMapperNg],
        basis: 'composed',
        status: 400,
        body: ngError(
          'INVALID_REQUEST',
          'Invalid request: No connector exists with the  Identifier github_acme',
        ),
        expect: err(
          'invalid',
          400,
          'INVALID_REQUEST',
          'No connector exists with the Identifier github_acme', // the client collapses runs of whitespace
        ),
      },
    ],
  },
  {
    call: 'deleteConnector',
    args: [SCOPE, 'github_acme'],
    method: 'DELETE',
    path: '/ng/api/connectors/github_acme',
    source: [S.connectorResource],
    examples: [
      ...deleted([S.connectorResource]),
      {
        name: 'missing connector: 400 INVALID_REQUEST (the connector service says so in words only)',
        source: [S.connectorDeleteMissing, S.connectorNotFoundMessage, S.responseMessages, S.wingsMapperNg],
        basis: 'composed',
        status: 400,
        body: ngError(
          'INVALID_REQUEST',
          `Invalid request: No connector exists with the identifier github_acme in account ${ACCOUNT}, organisation ${ORG}, project ${PROJECT}`,
        ),
        expect: err('invalid', 400, 'INVALID_REQUEST', 'No connector exists with the identifier github_acme'),
      },
    ],
  },
  {
    call: 'testConnector',
    args: [SCOPE, 'github_acme'],
    method: 'POST',
    path: '/ng/api/connectors/testConnection/github_acme',
    source: [S.connectorValidationResult, S.connectorResource],
    examples: [
      ...testConnectionExamples(),
      {
        name: 'unknown connector: 400 CONNECTOR_NOT_FOUND_EXCEPTION',
        source: [S.connectorResource, S.errorCodes, S.wingsMapperNg],
        basis: 'composed',
        status: 400,
        body: ngError('CONNECTOR_NOT_FOUND_EXCEPTION', 'No connector found with identifier github_acme'),
        expect: err(
          'notFound',
          400,
          'CONNECTOR_NOT_FOUND_EXCEPTION',
          'No connector found with identifier github_acme',
        ),
      },
    ],
  },
  {
    call: 'listPipelines',
    args: [SCOPE],
    method: 'POST',
    path: '/pipeline/api/pipelines/list',
    source: [S.pipelineSummaryUi, S.springPageUi],
    examples: [
      {
        name: 'Spring page of pipeline summaries, never run and run',
        source: [S.pipelineSummaryUi, S.springPageUi],
        basis: 'composed',
        status: 200,
        body: success(
          springPage([pipelineSummary('deploy_web'), pipelineSummary('build_web', 'Success')], 0, 25, 2),
        ),
        expect: ok({
          items: [
            { identifier: 'deploy_web', executionSummaryInfo: { lastExecutionStatus: ABSENT } },
            { identifier: 'build_web', executionSummaryInfo: { lastExecutionStatus: 'Success' } },
          ],
          totalItems: 2,
          hasMore: false,
        }),
      },
      {
        name: 'Spring page, more pages to come (last: false)',
        source: [S.springPageUi],
        basis: 'composed',
        status: 200,
        body: success(springPage([pipelineSummary('deploy_web')], 0, 1, 4)),
        expect: ok({ totalItems: 4, totalPages: 4, hasMore: true }),
      },
      {
        name: 'remote pipeline with gitDetails',
        source: [S.pipelineSummaryUi],
        basis: 'composed',
        status: 200,
        body: success(
          springPage([
            {
              ...pipelineSummary('deploy_web'),
              storeType: 'REMOTE',
              connectorRef: 'account.github_acme',
              gitDetails: {
                objectId: '9f2c1a',
                branch: 'main',
                repoIdentifier: null,
                rootFolder: null,
                filePath: '.harness/deploy_web.yaml',
                repoName: 'web',
                commitId: 'c0ffee',
                fileUrl: 'https://github.com/acme/web/blob/main/.harness/deploy_web.yaml',
                repoUrl: 'https://github.com/acme/web',
              },
            },
          ]),
        ),
        expect: ok({
          items: [
            {
              storeType: 'REMOTE',
              gitDetails: { branch: 'main', repoName: 'web', filePath: '.harness/deploy_web.yaml' },
            },
          ],
        }),
      },
      ...EXECUTION_SUMMARY_STATUSES.map((fact): ContractExample => ({
        name: `last execution ${fact.value}`,
        source: fact.source,
        basis: 'composed',
        status: 200,
        body: success(springPage([pipelineSummary('deploy_web', fact.value)])),
        expect: ok({ items: [{ executionSummaryInfo: { lastExecutionStatus: fact.name } }] }),
      })),
      {
        name: 'a last-execution status this client does not know: kept as sent, the page loads',
        source: [S.pipelineSummaryUi],
        basis: 'composed',
        status: 200,
        body: success(springPage([pipelineSummary('deploy_web', 'QueuedPlanCreation')])),
        expect: ok({ items: [{ executionSummaryInfo: { lastExecutionStatus: 'QueuedPlanCreation' } }] }),
      },
    ],
  },
  {
    call: 'getPipeline',
    args: [SCOPE, 'deploy_web'],
    method: 'GET',
    path: '/pipeline/api/pipelines/deploy_web',
    source: [S.pipelineGetUi, S.pipelineResource],
    examples: [
      {
        name: 'inline pipeline',
        source: [S.pipelineGetUi],
        basis: 'composed',
        status: 200,
        body: success({
          yamlPipeline: PIPELINE_YAML,
          resolvedTemplatesPipelineYaml: PIPELINE_YAML,
          gitDetails: {
            objectId: null,
            branch: null,
            repoIdentifier: null,
            rootFolder: null,
            filePath: null,
            repoName: null,
          },
          entityValidityDetails: { valid: true, invalidYaml: null },
          modules: ['cd', 'pms'],
          storeType: 'INLINE',
          connectorRef: null,
          allowDynamicExecutions: false,
          publicAccessResponse: { errorMessage: null, public: false },
        }),
        expect: ok({
          yamlPipeline: PIPELINE_YAML,
          storeType: 'INLINE',
          entityValidityDetails: { valid: true },
        }),
      },
      {
        name: 'remote pipeline whose file no longer parses',
        source: [S.pipelineGetUi],
        basis: 'composed',
        status: 200,
        body: success({
          yamlPipeline: `${PIPELINE_YAML}  stages: [\n`,
          gitDetails: {
            objectId: '9f2c1a',
            branch: 'main',
            filePath: '.harness/deploy_web.yaml',
            repoName: 'web',
            commitId: 'c0ffee',
          },
          entityValidityDetails: { valid: false, invalidYaml: `${PIPELINE_YAML}  stages: [\n` },
          modules: [],
          storeType: 'REMOTE',
          connectorRef: 'account.github_acme',
          cacheResponse: {
            cacheState: 'VALID_CACHE',
            ttlLeft: 3_600_000,
            lastUpdatedAt: T0,
            isSyncEnabled: false,
          },
        }),
        expect: ok({
          storeType: 'REMOTE',
          gitDetails: { objectId: '9f2c1a', commitId: 'c0ffee' },
          entityValidityDetails: { valid: false },
        }),
      },
      notFound(
        'ENTITY_NOT_FOUND',
        404,
        'Pipeline with the given ID: deploy_web does not exist or has been deleted',
        S.pipelineResource,
        S.wingsMapperPms,
        S.errorCodes,
      ),
    ],
  },
  {
    call: 'createPipeline',
    args: [SCOPE, PIPELINE_YAML],
    method: 'POST',
    path: '/pipeline/api/pipelines/v2',
    source: [S.pipelineResource, S.apiQuickstart],
    examples: [
      ...saveExamples(),
      duplicate(
        `Pipeline [deploy_web] under Project[${PROJECT}], Organization [${ORG}] already exists or has been deleted.`,
        true,
        S.pipelineDuplicate,
        S.wingsMapperPms,
      ),
    ],
  },
  {
    call: 'importPipeline',
    args: [
      SCOPE,
      {
        connectorRef: 'account.github',
        repoName: 'app',
        branch: 'main',
        filePath: '.harness/deploy_web.yaml',
        pipelineName: 'Deploy web',
      },
    ],
    method: 'POST',
    path: '/pipeline/api/pipelines/import',
    source: [S.mcpPipelineImport],
    examples: [
      {
        name: 'imported: a PipelineSaveResponse with the identifier read from the file',
        source: [S.mcpPipelineImport, S.pipelineSaveResponse],
        basis: 'composed',
        status: 200,
        body: success({ identifier: 'deploy_web', governanceMetadata: governanceDefault() }),
        expect: ok({ identifier: 'deploy_web' }),
      },
      // What Harness answers for a missing file or an existing identifier is not public: not recorded.
    ],
  },
  {
    call: 'updatePipeline',
    args: [SCOPE, 'deploy_web', PIPELINE_YAML],
    method: 'PUT',
    path: '/pipeline/api/pipelines/v2/deploy_web',
    source: [S.pipelineResource],
    examples: [
      ...saveExamples(),
      {
        name: 'Git conflict: 400 SCM_CONFLICT_ERROR',
        source: [S.errorCodes, S.responseMessages, S.wingsMapperPms],
        basis: 'composed',
        status: 400,
        body: pmsError(
          'SCM_CONFLICT_ERROR',
          'Received exception while pushing to git - Status: 409 Conflict.',
        ),
        expect: err('conflict', 400, 'SCM_CONFLICT_ERROR', '409 Conflict'),
      },
      notFound(
        'ENTITY_NOT_FOUND',
        404,
        'Pipeline with the given ID: deploy_web does not exist or has been deleted',
        S.pipelineResource,
        S.wingsMapperPms,
      ),
    ],
  },
  {
    call: 'deletePipeline',
    args: [SCOPE, 'deploy_web'],
    method: 'DELETE',
    path: '/pipeline/api/pipelines/deploy_web',
    source: [S.pipelineResource],
    examples: [
      ...deleted([S.pipelineResource]),
      notFound(
        'ENTITY_NOT_FOUND',
        404,
        'Pipeline with the given ID: deploy_web does not exist or has been deleted',
        S.pipelineResource,
        S.wingsMapperPms,
      ),
    ],
  },
  {
    call: 'getInputSetTemplate',
    args: [SCOPE, 'deploy_web'],
    method: 'POST',
    path: '/pipeline/api/inputSets/template',
    source: [S.inputSetTemplateUi],
    examples: [
      {
        name: 'runtime inputs',
        source: [S.inputSetTemplateUi],
        basis: 'composed',
        status: 200,
        body: success({
          inputSetTemplateYaml:
            'pipeline:\n  identifier: deploy_web\n  variables:\n    - name: tag\n      type: String\n      value: <+input>\n',
          hasInputSets: true,
          modules: ['cd'],
          replacedExpressions: [],
          hasCodebaseInputs: false,
        }),
        expect: ok({
          hasInputSets: true,
          inputSetTemplateYaml:
            'pipeline:\n  identifier: deploy_web\n  variables:\n    - name: tag\n      type: String\n      value: <+input>\n',
        }),
      },
      {
        name: 'no runtime inputs: no template YAML',
        source: [S.inputSetTemplateUi],
        basis: 'composed',
        status: 200,
        body: success({
          hasInputSets: false,
          modules: ['cd'],
          replacedExpressions: [],
          hasCodebaseInputs: false,
        }),
        expect: ok({ hasInputSets: false, inputSetTemplateYaml: ABSENT }),
      },
    ],
  },
  {
    call: 'executePipeline',
    args: [SCOPE, 'deploy_web', ''],
    method: 'POST',
    path: '/pipeline/api/pipeline/execute/deploy_web',
    source: [S.executeResource],
    examples: [
      ...ENGINE_STATUSES.map((fact): ContractExample => ({
        name: `started, planExecution.status ${fact.value}`,
        source: fact.source,
        basis: 'composed',
        status: 200,
        body: success({
          planExecution: {
            uuid: 'Xq9Lb2TmR0aYk3NcVw8EzA',
            createdAt: T0,
            planId: 'pl4n',
            setupAbstractions: { accountId: ACCOUNT, orgIdentifier: ORG, projectIdentifier: PROJECT },
            status: fact.value,
            startTs: T0,
            metadata: {
              runSequence: 12,
              pipelineIdentifier: 'deploy_web',
              executionUuid: 'Xq9Lb2TmR0aYk3NcVw8EzA',
            },
            governanceMetadata: governanceDefault(),
            lastUpdatedAt: T0,
            version: 0,
          },
          gitDetails: {
            objectId: null,
            branch: null,
            repoIdentifier: null,
            rootFolder: null,
            filePath: null,
          },
        }),
        expect: ok({
          uuid: 'Xq9Lb2TmR0aYk3NcVw8EzA',
          status: fact.name ?? fact.value,
          rawStatus: fact.name === undefined ? ABSENT : fact.value,
        }),
      })),
      {
        name: 'required runtime input missing: 400 INVALID_REQUEST',
        source: [S.errorCodes, S.responseMessages, S.wingsMapperPms],
        basis: 'composed',
        status: 400,
        body: pmsError(
          'INVALID_REQUEST',
          'Invalid request: Value not provided for required variable: pipeline.variables.tag',
        ),
        expect: err('invalid', 400, 'INVALID_REQUEST', 'Value not provided for required variable'),
      },
    ],
  },
  {
    call: 'listExecutions',
    args: [SCOPE, 'deploy_web'],
    method: 'POST',
    path: '/pipeline/api/pipelines/execution/summary',
    source: [S.executionSummaryUi, S.springPageUi],
    examples: summaryStatusExamples(
      (status) => springPage([executionSummary(status)], 0, 20, 1),
      (v) => ({ items: [v], totalItems: 1, hasMore: false }),
    ),
  },
  {
    call: 'getExecution',
    args: [SCOPE, 'Xq9Lb2TmR0aYk3NcVw8EzA'],
    method: 'GET',
    path: '/pipeline/api/pipelines/execution/v2/Xq9Lb2TmR0aYk3NcVw8EzA',
    source: [S.executionSummaryUi],
    examples: [
      ...summaryStatusExamples(
        (status) => ({
          pipelineExecutionSummary: executionSummary(status),
          executionGraph: null,
          childGraph: null,
          rollbackGraph: null,
        }),
        (v) => v,
      ),
      {
        name: 'failed run with its error message',
        source: [S.executionSummaryUi],
        basis: 'composed',
        status: 200,
        body: success({
          pipelineExecutionSummary: {
            ...executionSummary('Failed'),
            executionErrorInfo: { message: 'Shell Script execution failed. Please check execution logs.' },
          },
          executionGraph: null,
        }),
        expect: ok({
          status: 'Failed',
          executionErrorInfo: { message: 'Shell Script execution failed. Please check execution logs.' },
        }),
      },
      notFound(
        'ENTITY_NOT_FOUND',
        404,
        'Plan Execution Summary does not exist or has been deleted for planExecutionId: Xq9Lb2TmR0aYk3NcVw8EzA',
        S.executionNotFound,
        S.wingsMapperPms,
      ),
    ],
  },
  {
    call: 'getService',
    args: [SCOPE, 'checkout'],
    method: 'GET',
    path: '/ng/api/servicesV2/checkout',
    source: [S.serviceResource, S.serviceUi],
    examples: [
      {
        name: 'service',
        source: [S.serviceUi],
        basis: 'composed',
        status: 200,
        body: success(serviceResponse('checkout')),
        expect: ok({ identifier: 'checkout', projectIdentifier: PROJECT, description: ABSENT }),
      },
      notFound(
        'RESOURCE_NOT_FOUND_EXCEPTION',
        400,
        `Service with identifier [checkout] in project [${PROJECT}], org [${ORG}] not found`,
        S.serviceResource,
        S.serviceNotFound,
        S.notFoundMapper,
      ),
    ],
  },
  {
    call: 'listServices',
    args: [SCOPE],
    method: 'GET',
    path: '/ng/api/servicesV2',
    source: [S.serviceResource, S.serviceUi, S.serviceSdk],
    examples: [
      {
        name: 'NG page (not a Spring page)',
        source: [S.serviceResource, S.serviceUi, S.serviceSdk, S.ngPage],
        basis: 'composed',
        status: 200,
        body: success(ngPage([serviceResponse('checkout'), serviceResponse('payments')], 0, 100, 2)),
        expect: ok({
          items: [{ identifier: 'checkout' }, { identifier: 'payments' }],
          pageIndex: 0,
          totalItems: 2,
          hasMore: false,
        }),
      },
      {
        name: 'NG page, more to come',
        source: [S.serviceResource, S.ngPage],
        basis: 'composed',
        status: 200,
        body: success(ngPage([serviceResponse('checkout')], 1, 1, 3)),
        expect: ok({ pageIndex: 1, totalItems: 3, totalPages: 3, hasMore: true }),
      },
    ],
  },
  {
    call: 'getEnvironment',
    args: [SCOPE, 'prod'],
    method: 'GET',
    path: '/ng/api/environmentsV2/prod',
    source: [S.environmentResource, S.environmentUi],
    examples: [
      {
        name: 'Production environment',
        source: [S.environmentUi],
        basis: 'composed',
        status: 200,
        body: success(environmentResponse('prod', 'Production')),
        expect: ok({ identifier: 'prod', type: 'Production' }),
      },
      {
        name: 'an environment type this client does not know: no type, no failure',
        source: [S.environmentUi],
        basis: 'composed',
        status: 200,
        body: success(environmentResponse('lab', 'Sandbox')),
        expect: ok({ identifier: 'lab', type: ABSENT }),
      },
      notFound(
        'RESOURCE_NOT_FOUND_EXCEPTION',
        400,
        `Environment with identifier [prod] in project [${PROJECT}], org [${ORG}] not found`,
        S.environmentResource,
        S.notFoundMapper,
      ),
    ],
  },
  {
    call: 'listEnvironments',
    args: [SCOPE],
    method: 'GET',
    path: '/ng/api/environmentsV2',
    source: [S.environmentResource, S.environmentUi],
    examples: [
      {
        name: 'NG page (not a Spring page)',
        source: [S.environmentResource, S.environmentUi, S.ngPage],
        basis: 'composed',
        status: 200,
        body: success(
          ngPage(
            [environmentResponse('prod', 'Production'), environmentResponse('qa', 'PreProduction')],
            0,
            100,
            2,
          ),
        ),
        expect: ok({
          items: [{ type: 'Production' }, { type: 'PreProduction' }],
          totalItems: 2,
          hasMore: false,
        }),
      },
    ],
  },
  {
    call: 'getTemplate',
    args: [SCOPE, 'canary_stage'],
    method: 'GET',
    path: '/template/api/templates/canary_stage',
    source: [S.templateUi, S.templateResource],
    examples: [
      {
        name: 'stable version with YAML',
        source: [S.templateUi],
        basis: 'composed',
        status: 200,
        body: success(template('v2', true, true)),
        expect: ok({
          identifier: 'canary_stage',
          versionLabel: 'v2',
          stableTemplate: true,
          templateEntityType: 'Stage',
        }),
      },
      notFound(
        'RESOURCE_NOT_FOUND_EXCEPTION',
        400,
        'Template with the given Identifier: canary_stage and stable versionLabel does not exist or has been deleted',
        S.templateResource,
        S.notFoundMapper,
      ),
    ],
  },
  {
    call: 'listTemplates',
    args: [SCOPE],
    method: 'POST',
    path: '/template/api/templates/list-metadata',
    source: [S.templateUi],
    examples: [
      {
        name: 'Spring page of template metadata, every entity type',
        source: [S.templateUi, S.springPageUi],
        basis: 'composed',
        status: 200,
        body: success(
          springPage(
            [
              'Step',
              'Stage',
              'Pipeline',
              'CustomDeployment',
              'MonitoredService',
              'SecretManager',
              'ArtifactSource',
              'StepGroup',
            ].map((t, i) => template(`v${i + 1}`, i === 0, false, t)),
          ),
        ),
        expect: ok({
          totalItems: 8,
          hasMore: false,
          items: [
            { templateEntityType: 'Step', yaml: ABSENT },
            {},
            {},
            {},
            {},
            {},
            {},
            { templateEntityType: 'StepGroup' },
          ],
        }),
      },
    ],
  },
  {
    call: 'getPipelineSchema',
    args: [SCOPE],
    method: 'GET',
    path: '/pipeline/api/yaml-schema',
    source: [S.responseDto],
    examples: [
      {
        name: 'JSON schema document',
        source: [S.responseDto],
        basis: 'composed',
        status: 200,
        body: success({
          type: 'object',
          $schema: 'http://json-schema.org/draft-07/schema#',
          properties: { pipeline: { $ref: '#/definitions/pipeline' } },
        }),
        expect: ok({ type: 'object' }),
      },
    ],
  },
  {
    call: 'getConnectorSchema',
    args: [SCOPE],
    method: 'GET',
    path: '/ng/api/yaml-schema',
    source: [S.responseDto],
    examples: [
      {
        name: 'JSON schema document',
        source: [S.responseDto],
        basis: 'composed',
        status: 200,
        body: success({ type: 'object', properties: { connector: { type: 'object' } } }),
        expect: ok({ type: 'object' }),
      },
    ],
  },
  ...RUN_LOOP_ENDPOINTS,
];

/** Every example each endpoint is checked against (its own and the shared errors). */
export function examplesOf(endpoint: EndpointContract): ContractExample[] {
  return endpoint.noSharedErrors ? endpoint.examples : [...endpoint.examples, ...SHARED_ERRORS];
}
