// The run loop's endpoints (issue 11): execution list rows and detail graph, abort, retry and
// re-run, the inputs of a run, input sets and their merge, and step logs from the log service.
// Facts and expectations only, like endpoints.ts (which lists these in ENDPOINTS); nothing here
// imports src/api. Values are ours; field names, nesting, enums and formats are the sources'.
import { ACCOUNT, ngPage, pmsError, springPage, success } from './bodies';
import type { ContractExample, EndpointContract, Expect } from './endpoints';
import { S } from './sources';

/** endpoints.ts ABSENT (a type-only import keeps the two files free of a load cycle). */
const ABSENT = '<absent>';
const ORG = 'default';
const PROJECT = 'web';
const SCOPE = { orgIdentifier: ORG, projectIdentifier: PROJECT };
const T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const RUN = 'Xq9Lb2TmR0aYk3NcVw8EzA';
/** A log key in the format mcp-server builds for executions without simplified keys (ours: any string works). */
const COMPILE_KEY = `accountId:${ACCOUNT}/orgId:${ORG}/projectId:${PROJECT}/pipelineId:deploy_web/runSequence:41/level0:pipeline/level1:stages/level2:build/level3:spec/level4:execution/level5:steps/level6:compile`;

const ok = (value: unknown): Expect => ({ value });
const err = (kind: string, status: number, code: string | undefined, ...message: string[]): Expect => ({
  error: { kind, status, ...(code ? { code } : {}), message },
});

// ---- execution list rows --------------------------------------------------------------------

/** A list row with what the tree shows: trigger, Git branch of a remote pipeline, CI branch. */
export const executionRow = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  pipelineIdentifier: 'deploy_web',
  orgIdentifier: ORG,
  projectIdentifier: PROJECT,
  planExecutionId: RUN,
  name: 'deploy web',
  status: 'Failed',
  tags: [],
  executionTriggerInfo: {
    triggerType: 'WEBHOOK',
    triggeredBy: {
      uuid: 'systemUser',
      identifier: 'pr_opened',
      extraInfo: { execution_trigger_tag_needed_for_abort: 'x' },
    },
    isRerun: false,
  },
  executionErrorInfo: { message: 'Shell Script execution failed. Please check execution logs.' },
  moduleInfo: { ci: { branch: 'feature/login', buildType: 'branch' } },
  layoutNodeMap: {},
  modules: ['ci', 'pms'],
  startingNodeId: 'st1',
  startTs: T0 - 50_000,
  endTs: T0 - 10_000,
  createdAt: T0 - 50_000,
  canRetry: true,
  showRetryHistory: false,
  runSequence: 41,
  successfulStagesCount: 0,
  runningStagesCount: 0,
  failedStagesCount: 1,
  totalStagesCount: 2,
  gitDetails: {
    objectId: 'b1c2',
    branch: 'main',
    repoIdentifier: null,
    rootFolder: null,
    filePath: '.harness/deploy_web.yaml',
    repoName: 'web',
  },
  storeType: 'REMOTE',
  ...over,
});

const listRows: EndpointContract = {
  call: 'listExecutions#rows',
  args: [SCOPE, 'deploy_web', { pageIndex: 1, pageSize: 2 }],
  method: 'POST',
  path: '/pipeline/api/pipelines/execution/summary',
  source: [S.executionSummarySdk, S.springPageUi],
  examples: [
    {
      name: 'a page of runs: sequence, status, trigger and who, Git and CI branches, times',
      source: [S.executionSummarySdk, S.executionSummaryUi, S.springPageUi],
      basis: 'composed',
      status: 200,
      body: success(
        springPage(
          [
            executionRow(),
            executionRow({
              planExecutionId: 'Run2Bb2TmR0aYk3NcVw8EzA',
              status: 'Success',
              runSequence: 40,
              executionTriggerInfo: {
                triggerType: 'MANUAL',
                triggeredBy: { uuid: 'u1AbC', identifier: 'Dana', extraInfo: { email: 'dana@example.com' } },
                isRerun: true,
              },
              executionErrorInfo: null,
              moduleInfo: {},
              gitDetails: null,
              storeType: 'INLINE',
              canRetry: false,
            }),
          ],
          1,
          2,
          9,
        ),
      ),
      expect: ok({
        pageIndex: 1,
        totalItems: 9,
        hasMore: true,
        items: [
          {
            planExecutionId: RUN,
            runSequence: 41,
            status: 'Failed',
            startTs: T0 - 50_000,
            endTs: T0 - 10_000,
            trigger: {
              type: 'WEBHOOK',
              by: { identifier: 'pr_opened', uuid: 'systemUser', email: ABSENT },
              isRerun: false,
            },
            branch: 'main',
            repoName: 'web',
            ciBranch: 'feature/login',
            canRetry: true,
            modules: ['ci', 'pms'],
          },
          {
            runSequence: 40,
            status: 'Success',
            trigger: { type: 'MANUAL', by: { identifier: 'Dana', email: 'dana@example.com' }, isRerun: true },
            branch: ABSENT,
            ciBranch: ABSENT,
            executionErrorInfo: ABSENT,
            canRetry: false,
          },
        ],
      }),
    },
    {
      name: 'a trigger type this client does not know: kept as sent',
      source: [S.executionSummarySdk],
      basis: 'composed',
      status: 200,
      body: success(
        springPage(
          [executionRow({ executionTriggerInfo: { triggerType: 'ARTIFACT_POLLING', triggeredBy: null } })],
          1,
          2,
          3,
        ),
      ),
      expect: ok({ items: [{ trigger: { type: 'ARTIFACT_POLLING', by: ABSENT } }] }),
    },
  ],
};

// ---- execution detail: layout (stages) and graph (steps) -------------------------------------

const stageLayout = (
  uuid: string,
  identifier: string,
  status: string,
  nextIds: string[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
  nodeType: 'CI',
  nodeGroup: 'STAGE',
  nodeIdentifier: identifier,
  name: identifier.toUpperCase(),
  nodeUuid: uuid,
  status,
  module: 'ci',
  moduleInfo: { ci: {} },
  startTs: T0 - 40_000,
  endTs: status === 'NotStarted' || status === 'Running' ? 0 : T0 - 10_000,
  edgeLayoutList: { currentNodeChildren: [], nextIds },
  nodeRunInfo: null,
  failureInfo: { message: '' },
  failureInfoDTO: { message: '', failureTypeList: [], responseMessages: [] },
  ...extra,
});

const gnode = (
  uuid: string,
  identifier: string,
  stepType: string,
  status: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
  uuid,
  setupId: `setup_${uuid}`,
  name: identifier,
  identifier,
  baseFqn: `pipeline.stages.build.spec.execution.steps.${identifier}`,
  outcomes: {},
  stepParameters: {},
  startTs: T0 - 30_000,
  endTs: T0 - 20_000,
  stepType,
  status,
  failureInfo: { message: '', failureTypeList: [], responseMessages: [] },
  skipInfo: null,
  nodeRunInfo: null,
  executableResponses: [],
  unitProgresses: [],
  progressData: null,
  delegateInfoList: [],
  interruptHistories: [],
  stepDetails: null,
  ...extra,
});

/**
 * Stage `build` (failed) then `deploy` (not started). Inside build: a Run step, a step group with
 * a step, a parallel block of two steps, a matrix of two instances (the second failed, with its
 * log key), and the failure message on the stage.
 */
export function detailBody(): Record<string, unknown> {
  const layoutNodeMap = {
    st1: stageLayout('st1', 'build', 'Failed', ['st2'], {
      failureInfo: { message: 'Matrix instance test_1 failed' },
    }),
    st2: stageLayout('st2', 'deploy', 'NotStarted', []),
  };
  const nodeMap = {
    nStage: gnode('nStage', 'build', 'IntegrationStageStepPMS', 'Failed', {
      setupId: 'st1',
      baseFqn: 'pipeline.stages.build',
    }),
    nExec: gnode('nExec', 'execution', 'NG_EXECUTION', 'Failed', {
      baseFqn: 'pipeline.stages.build.spec.execution',
    }),
    nCompile: gnode('nCompile', 'compile', 'Run', 'Success', { logBaseKey: COMPILE_KEY }),
    nGroup: gnode('nGroup', 'checks', 'STEP_GROUP', 'Success'),
    nLint: gnode('nLint', 'lint', 'Run', 'Success'),
    nFork: gnode('nFork', 'parallel1', 'NG_FORK', 'Success'),
    nUnit: gnode('nUnit', 'unit', 'Run', 'Success'),
    nE2e: gnode('nE2e', 'e2e', 'Run', 'Success'),
    nMatrix: gnode('nMatrix', 'test', 'STRATEGY', 'Failed'),
    nTest0: gnode('nTest0', 'test_0', 'Run', 'Success', { name: 'test_0' }),
    nTest1: gnode('nTest1', 'test_1', 'Run', 'Failed', {
      name: 'test_1',
      logBaseKey: 'k/test_1',
      failureInfo: {
        message: '',
        failureTypeList: ['APPLICATION_ERROR'],
        responseMessages: [
          { code: 'GENERAL_ERROR', level: 'ERROR', message: '1 error occurred: exit status 1' },
        ],
      },
    }),
    nDeploy: gnode('nDeploy', 'deploy', 'DeploymentStageStep', 'NotStarted', {
      setupId: 'st2',
      baseFqn: 'pipeline.stages.deploy',
    }),
  };
  const adj = (children: string[], nextIds: string[] = []): Record<string, unknown> => ({
    children,
    nextIds,
  });
  return {
    pipelineExecutionSummary: executionRow({ layoutNodeMap, startingNodeId: 'st1' }),
    executionGraph: {
      rootNodeId: 'nStage',
      nodeMap,
      nodeAdjacencyListMap: {
        nStage: adj(['nExec']),
        nExec: adj(['nCompile']),
        nCompile: adj([], ['nGroup']),
        nGroup: adj(['nLint'], ['nFork']),
        nLint: adj([]),
        nFork: adj(['nUnit', 'nE2e'], ['nMatrix']),
        nUnit: adj([]),
        nE2e: adj([]),
        nMatrix: adj(['nTest0', 'nTest1']),
        nTest0: adj([]),
        nTest1: adj([]),
        nDeploy: adj([]),
      },
      representationStrategy: 'camelCase',
    },
    childGraph: null,
    rollbackGraph: null,
  };
}

const step = (
  identifier: string,
  status: string,
  more: Record<string, unknown> = {},
): Record<string, unknown> => ({
  identifier,
  kind: 'step',
  status,
  children: [],
  ...more,
});

export const DETAIL_TREE = [
  {
    id: 'st1',
    identifier: 'build',
    name: 'BUILD',
    kind: 'stage',
    type: 'CI',
    status: 'Failed',
    failureMessage: 'Matrix instance test_1 failed',
    children: [
      step('compile', 'Success', { id: 'nCompile', type: 'Run', logBaseKey: COMPILE_KEY }),
      {
        identifier: 'checks',
        kind: 'stepGroup',
        type: 'STEP_GROUP',
        status: 'Success',
        children: [step('lint', 'Success')],
      },
      {
        identifier: 'parallel1',
        kind: 'parallel',
        status: 'Success',
        children: [step('unit', 'Success'), step('e2e', 'Success')],
      },
      {
        identifier: 'test',
        kind: 'strategy',
        status: 'Failed',
        children: [
          step('test_0', 'Success', { failureMessage: ABSENT }),
          step('test_1', 'Failed', {
            failureMessage: '1 error occurred: exit status 1',
            logBaseKey: 'k/test_1',
            startTs: T0 - 30_000,
            endTs: T0 - 20_000,
          }),
        ],
      },
    ],
  },
  { id: 'st2', identifier: 'deploy', kind: 'stage', status: 'NotStarted', endTs: ABSENT, children: [] },
];

function detailExamples(): ContractExample[] {
  const body = detailBody();
  const summary = body.pipelineExecutionSummary as Record<string, unknown>;
  return [
    {
      name: 'stages, steps, a step group, a parallel block, a matrix, failures and log keys',
      source: [S.executionDetailSdk, S.executionGraphSdk, S.layoutNodeSdk, S.mcpGraphWalk, S.mcpLogPrefix],
      basis: 'composed',
      status: 200,
      body: success(body),
      expect: ok({
        summary: { planExecutionId: RUN, status: 'Failed', runSequence: 41 },
        stages: DETAIL_TREE,
        stagesWithSteps: ['st1', 'st2'],
      }),
    },
    {
      name: 'parallel stages in a layout node of nodeType parallel; no graph: stages without steps',
      source: [S.layoutNodeSdk, S.mcpGraphWalk],
      basis: 'composed',
      status: 200,
      body: success({
        pipelineExecutionSummary: {
          ...summary,
          startingNodeId: 'par',
          layoutNodeMap: {
            par: {
              nodeType: 'parallel',
              nodeGroup: 'STAGE',
              nodeIdentifier: 'parallelpar',
              name: null,
              nodeUuid: 'par',
              status: 'Running',
              edgeLayoutList: { currentNodeChildren: ['a', 'b'], nextIds: ['c'] },
            },
            a: stageLayout('a', 'unit', 'Success', []),
            b: stageLayout('b', 'lint', 'Running', []),
            c: stageLayout('c', 'ship', 'NotStarted', []),
          },
        },
        executionGraph: null,
      }),
      expect: ok({
        stages: [
          {
            kind: 'parallel',
            status: 'Running',
            children: [
              { identifier: 'unit', kind: 'stage', status: 'Success' },
              { identifier: 'lint', kind: 'stage', status: 'Running' },
            ],
          },
          { identifier: 'ship', kind: 'stage', status: 'NotStarted', children: [] },
        ],
        stagesWithSteps: [],
      }),
    },
    {
      name: 'a node status this client does not know: kept as sent',
      source: [S.executionGraphSdk, S.executionStatus],
      basis: 'composed',
      status: 200,
      body: success({
        ...body,
        pipelineExecutionSummary: {
          ...summary,
          layoutNodeMap: { st1: stageLayout('st1', 'build', 'QueuedPlanCreation', []) },
          startingNodeId: 'st1',
        },
      }),
      expect: ok({ stages: [{ identifier: 'build', status: 'QueuedPlanCreation', rawStatus: ABSENT }] }),
    },
    {
      name: 'execution not found: 404 ENTITY_NOT_FOUND',
      source: [S.executionNotFound, S.wingsMapperPms, S.errorCodes],
      basis: 'composed',
      status: 404,
      body: pmsError(
        'ENTITY_NOT_FOUND',
        `Plan Execution Summary does not exist or has been deleted for planExecutionId: ${RUN}`,
      ),
      expect: err('notFound', 404, 'ENTITY_NOT_FOUND', 'does not exist or has been deleted'),
    },
  ];
}

const planExecution = (uuid: string): Record<string, unknown> =>
  success({
    planExecution: {
      uuid,
      createdAt: T0,
      setupAbstractions: { accountId: ACCOUNT, orgIdentifier: ORG, projectIdentifier: PROJECT },
      status: 'RUNNING',
      startTs: T0,
      metadata: { runSequence: 42, pipelineIdentifier: 'deploy_web', executionUuid: uuid },
      lastUpdatedAt: T0,
    },
    gitDetails: { objectId: null, branch: null, repoIdentifier: null, rootFolder: null, filePath: null },
  });

const inputSetYaml = [
  'inputSet:',
  '  name: prod',
  '  identifier: prod',
  `  orgIdentifier: ${ORG}`,
  `  projectIdentifier: ${PROJECT}`,
  '  pipeline:',
  '    identifier: deploy_web',
  '    variables:',
  '      - name: env',
  '        type: String',
  '        value: prod',
  '',
].join('\n');

const inputSetResponse = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  accountId: ACCOUNT,
  orgIdentifier: ORG,
  projectIdentifier: PROJECT,
  pipelineIdentifier: 'deploy_web',
  identifier: 'prod',
  inputSetYaml,
  name: 'prod',
  description: '',
  tags: { team: 'web' },
  inputSetErrorWrapper: null,
  isOutdated: false,
  version: 3,
  gitDetails: { objectId: null, branch: null, repoIdentifier: null, rootFolder: null, filePath: null },
  entityValidityDetails: { valid: true, invalidYaml: null },
  storeType: 'INLINE',
  isErrorResponse: false,
  ...over,
});

const LOG_KEY = 'k/test_1';
const logLine = (level: string, pos: number, out: string): string =>
  JSON.stringify({ level, pos, out, time: '2026-01-01T00:00:01.5Z', args: null });

const logNotFound: ContractExample = {
  name: 'no such log: 404 {"error_msg"}',
  source: [S.logServiceErrors],
  basis: 'composed',
  status: 404,
  body: { error_msg: 'cannot download the object: key not found' },
  expect: err('notFound', 404, undefined, 'key not found'),
};
const logRejected: ContractExample = {
  name: 'key not accepted: 400 {"error_msg"}',
  source: [S.logServiceRoutes, S.logServiceErrors],
  basis: 'composed',
  status: 400,
  body: { error_msg: 'apikey in request not authorized for receiving tokens' },
  expect: err('invalid', 400, undefined, 'apikey in request not authorized'),
};

export const RUN_LOOP_ENDPOINTS: EndpointContract[] = [
  listRows,
  {
    call: 'getExecutionDetail',
    args: [SCOPE, RUN, { fullGraph: true }],
    method: 'GET',
    path: `/pipeline/api/pipelines/execution/v2/${RUN}`,
    source: [S.executionDetailSdk],
    examples: detailExamples(),
  },
  {
    call: 'abortExecution',
    args: [SCOPE, RUN],
    method: 'PUT',
    path: `/pipeline/api/pipeline/execute/interrupt/${RUN}`,
    source: [S.executeSdk, S.interruptSdk],
    examples: [
      {
        name: 'abort registered',
        source: [S.interruptSdk],
        basis: 'composed',
        status: 200,
        body: success({ id: 'intr1', type: 'AbortAll', planExecutionId: RUN }),
        expect: ok({ id: 'intr1', type: 'AbortAll', planExecutionId: RUN }),
      },
      {
        name: 'execution not found: 404 ENTITY_NOT_FOUND',
        source: [S.executionNotFound, S.wingsMapperPms],
        basis: 'composed',
        status: 404,
        body: pmsError(
          'ENTITY_NOT_FOUND',
          `Plan Execution Summary does not exist or has been deleted for planExecutionId: ${RUN}`,
        ),
        expect: err('notFound', 404, 'ENTITY_NOT_FOUND', 'does not exist'),
      },
    ],
  },
  {
    call: 'getRetryStages',
    args: [SCOPE, 'deploy_web', RUN],
    method: 'GET',
    path: `/pipeline/api/pipeline/execute/${RUN}/retryStages`,
    source: [S.executeSdk, S.retryInfoSdk],
    examples: [
      {
        name: 'resumable: groups of stages, a parallel group with two',
        source: [S.retryInfoSdk],
        basis: 'composed',
        status: 200,
        body: success({
          isResumable: true,
          errorMessage: null,
          groups: [
            {
              info: [
                {
                  name: 'Build',
                  identifier: 'build',
                  status: 'Success',
                  createdAt: T0,
                  parentId: 'p',
                  nextId: 'n',
                },
              ],
            },
            {
              info: [
                {
                  name: 'Unit',
                  identifier: 'unit',
                  status: 'Failed',
                  createdAt: T0,
                  parentId: 'p2',
                  nextId: null,
                },
                {
                  name: 'Lint',
                  identifier: 'lint',
                  status: 'Success',
                  createdAt: T0,
                  parentId: 'p2',
                  nextId: null,
                },
              ],
            },
          ],
        }),
        expect: ok({
          resumable: true,
          errorMessage: ABSENT,
          groups: [
            [{ identifier: 'build', name: 'Build', status: 'Success' }],
            [
              { identifier: 'unit', status: 'Failed' },
              { identifier: 'lint', status: 'Success' },
            ],
          ],
        }),
      },
      {
        name: 'not resumable, with the reason',
        source: [S.retryInfoSdk],
        basis: 'composed',
        status: 200,
        body: success({
          isResumable: false,
          errorMessage: 'This execution is not the latest of its retries',
          groups: null,
        }),
        expect: ok({
          resumable: false,
          errorMessage: 'This execution is not the latest of its retries',
          groups: [],
        }),
      },
    ],
  },
  {
    call: 'retryExecution',
    args: [SCOPE, 'deploy_web', RUN, { retryStages: ['unit'], runAllStages: false, runtimeInputYaml: '' }],
    method: 'POST',
    path: '/pipeline/api/pipeline/execute/retry/deploy_web',
    source: [S.executeSdk],
    examples: [
      {
        name: 'retry started (a new plan execution)',
        source: [S.executeSdk, S.executeResource],
        basis: 'composed',
        status: 200,
        body: planExecution('Retry1TmR0aYk3NcVw8EzA'),
        expect: ok({ uuid: 'Retry1TmR0aYk3NcVw8EzA', status: 'Running', rawStatus: 'RUNNING' }),
      },
      {
        name: 'not retryable: 400 INVALID_REQUEST',
        source: [S.errorCodes, S.wingsMapperPms],
        basis: 'composed',
        status: 400,
        body: pmsError('INVALID_REQUEST', 'Invalid request: Retry is not allowed for this execution'),
        expect: err('invalid', 400, 'INVALID_REQUEST', 'Retry is not allowed'),
      },
    ],
  },
  {
    call: 'rerunExecution',
    args: [SCOPE, 'deploy_web', RUN, 'pipeline:\n  identifier: deploy_web\n'],
    method: 'POST',
    path: `/pipeline/api/pipeline/execute/rerun/${RUN}/deploy_web`,
    source: [S.executeSdk],
    examples: [
      {
        name: 're-run started',
        source: [S.executeSdk, S.executeResource],
        basis: 'composed',
        status: 200,
        body: planExecution('Rerun1TmR0aYk3NcVw8EzA'),
        expect: ok({ uuid: 'Rerun1TmR0aYk3NcVw8EzA', status: 'Running' }),
      },
    ],
  },
  {
    call: 'getExecutionInputs',
    args: [SCOPE, RUN],
    method: 'GET',
    path: `/pipeline/api/pipelines/execution/${RUN}/inputsetV2`,
    source: [S.executionDetailSdk],
    examples: [
      {
        name: 'the inputs the run was started with',
        source: [S.executionDetailSdk],
        basis: 'composed',
        status: 200,
        body: success({
          inputSetTemplateYaml:
            'pipeline:\n  identifier: deploy_web\n  variables:\n    - name: env\n      type: String\n      value: <+input>\n',
          inputSetYaml:
            'pipeline:\n  identifier: deploy_web\n  variables:\n    - name: env\n      type: String\n      value: prod\n',
          latestTemplateYaml:
            'pipeline:\n  identifier: deploy_web\n  variables:\n    - name: env\n      type: String\n      value: <+input>\n',
          expressionValues: {},
        }),
        expect: ok({
          latestTemplateYaml:
            'pipeline:\n  identifier: deploy_web\n  variables:\n    - name: env\n      type: String\n      value: <+input>\n',
          inputSetTemplateYaml:
            'pipeline:\n  identifier: deploy_web\n  variables:\n    - name: env\n      type: String\n      value: <+input>\n',
          inputSetYaml:
            'pipeline:\n  identifier: deploy_web\n  variables:\n    - name: env\n      type: String\n      value: prod\n',
        }),
      },
    ],
  },
  {
    call: 'listInputSets',
    args: [SCOPE, 'deploy_web'],
    method: 'GET',
    path: '/pipeline/api/inputSets',
    source: [S.inputSetsSdk, S.ngPage],
    examples: [
      {
        name: 'an NG page of input sets and overlays; an unknown type kept raw',
        source: [S.inputSetsSdk, S.inputSetModelsSdk, S.ngPage],
        basis: 'composed',
        status: 200,
        body: success(
          ngPage(
            [
              {
                identifier: 'prod',
                name: 'prod',
                pipelineIdentifier: 'deploy_web',
                description: '',
                inputSetType: 'INPUT_SET',
                tags: {},
                isOutdated: false,
                createdAt: T0,
                lastUpdatedAt: T0,
                gitDetails: null,
                entityValidityDetails: { valid: true },
                modules: ['cd'],
              },
              {
                identifier: 'prod_eu',
                name: 'prod + eu',
                pipelineIdentifier: 'deploy_web',
                inputSetType: 'OVERLAY_INPUT_SET',
                isOutdated: true,
                tags: {},
              },
              { identifier: 'later', name: 'later', inputSetType: 'CHAINED_INPUT_SET' },
            ],
            0,
            50,
            3,
          ),
        ),
        expect: ok({
          totalItems: 3,
          hasMore: false,
          items: [
            { identifier: 'prod', inputSetType: 'INPUT_SET', rawType: ABSENT, isOutdated: false },
            { identifier: 'prod_eu', inputSetType: 'OVERLAY_INPUT_SET', isOutdated: true },
            { identifier: 'later', inputSetType: 'UNKNOWN', rawType: 'CHAINED_INPUT_SET' },
          ],
        }),
      },
    ],
  },
  {
    call: 'getInputSet',
    args: [SCOPE, 'deploy_web', 'prod'],
    method: 'GET',
    path: '/pipeline/api/inputSets/prod',
    source: [S.inputSetsSdk, S.inputSetModelsSdk],
    examples: [
      {
        name: 'the input set with its YAML',
        source: [S.inputSetModelsSdk],
        basis: 'composed',
        status: 200,
        body: success(inputSetResponse()),
        expect: ok({
          identifier: 'prod',
          inputSetYaml,
          tags: { team: 'web' },
          isOutdated: false,
          errors: ABSENT,
          version: 3,
        }),
      },
      {
        name: 'outdated input set with its errors by field',
        source: [S.inputSetModelsSdk],
        basis: 'composed',
        status: 200,
        body: success(
          inputSetResponse({
            isOutdated: true,
            isErrorResponse: true,
            inputSetErrorWrapper: {
              errorPipelineYaml: 'pipeline:\n  variables:\n    - value: 3f2a\n',
              uuidToErrorResponseMap: {
                'pipeline.variables.region': {
                  errors: [
                    {
                      fieldName: 'region',
                      message: 'Field not present in pipeline',
                      identifierOfErrorSource: 'prod',
                    },
                  ],
                },
              },
            },
          }),
        ),
        expect: ok({
          isOutdated: true,
          errors: [{ field: 'region', message: 'Field not present in pipeline' }],
        }),
      },
      {
        name: 'input set not found: 404 ENTITY_NOT_FOUND',
        source: [S.wingsMapperPms, S.errorCodes],
        basis: 'composed',
        status: 404,
        body: pmsError(
          'ENTITY_NOT_FOUND',
          'InputSet with the given ID: prod does not exist or has been deleted',
        ),
        expect: err('notFound', 404, 'ENTITY_NOT_FOUND', 'does not exist'),
      },
    ],
  },
  {
    call: 'createInputSet',
    args: [SCOPE, 'deploy_web', inputSetYaml],
    method: 'POST',
    path: '/pipeline/api/inputSets',
    source: [S.inputSetsSdk, S.inputSetModelsSdk],
    examples: [
      {
        name: 'created',
        source: [S.inputSetModelsSdk],
        basis: 'composed',
        status: 200,
        body: success(inputSetResponse({ version: 0 })),
        expect: ok({ identifier: 'prod', inputSetYaml, version: 0 }),
      },
      {
        name: 'duplicate identifier: 400 DUPLICATE_FIELD',
        source: [S.errorCodes, S.wingsMapperPms],
        basis: 'composed',
        status: 400,
        body: pmsError(
          'DUPLICATE_FIELD',
          'Input set [prod] under Project[web], Organization [default] already exists',
        ),
        expect: err('duplicate', 400, 'DUPLICATE_FIELD', 'already exists'),
      },
    ],
  },
  {
    call: 'mergeInputSets',
    args: [SCOPE, 'deploy_web', ['prod', 'eu']],
    method: 'POST',
    path: '/pipeline/api/inputSets/merge',
    source: [S.inputSetsSdk, S.inputSetModelsSdk],
    examples: [
      {
        name: 'merged runtime inputs',
        source: [S.inputSetModelsSdk],
        basis: 'composed',
        status: 200,
        body: success({
          pipelineYaml:
            'pipeline:\n  identifier: deploy_web\n  variables:\n    - name: env\n      type: String\n      value: prod\n',
          completePipelineYaml: null,
          isErrorResponse: false,
          inputSetErrorWrapper: null,
        }),
        expect: ok({
          pipelineYaml:
            'pipeline:\n  identifier: deploy_web\n  variables:\n    - name: env\n      type: String\n      value: prod\n',
          completePipelineYaml: ABSENT,
          isErrorResponse: false,
          errors: ABSENT,
        }),
      },
      {
        name: 'an outdated input set: isErrorResponse with the errors, no YAML',
        source: [S.inputSetModelsSdk],
        basis: 'composed',
        status: 200,
        body: success({
          pipelineYaml: null,
          isErrorResponse: true,
          inputSetErrorWrapper: {
            errorPipelineYaml: '',
            uuidToErrorResponseMap: {
              eu: {
                errors: [
                  { fieldName: 'eu', message: 'Reference is outdated', identifierOfErrorSource: 'eu' },
                ],
              },
            },
          },
        }),
        expect: ok({
          pipelineYaml: '',
          isErrorResponse: true,
          errors: [{ field: 'eu', message: 'Reference is outdated' }],
        }),
      },
    ],
  },
  {
    call: 'getStepLog',
    args: [LOG_KEY],
    method: 'GET',
    path: '/gateway/log-service/blob',
    source: [S.logServiceRoutes, S.logServiceUi, S.mcpLogGateway],
    noSharedErrors: true,
    examples: [
      {
        name: 'one JSON line each; ANSI kept; a line that is not JSON kept as text',
        source: [S.logServiceUi, S.logLine],
        basis: 'composed',
        status: 200,
        text: [
          logLine('info', 0, 'Executing command\n'),
          logLine('error', 1, '\u001b[31mtest failed\u001b[0m\n'),
          'plain text from a proxy',
          '',
        ].join('\n'),
        contentType: 'text/plain; charset=utf-8',
        expect: ok({
          truncated: false,
          unparsedLines: 1,
          lines: [
            { out: 'Executing command', level: 'info', pos: 0, time: '2026-01-01T00:00:01.5Z' },
            { out: '\u001b[31mtest failed\u001b[0m', level: 'error' },
            { out: 'plain text from a proxy', level: ABSENT },
          ],
        }),
      },
      {
        name: 'an empty log',
        source: [S.logServiceUi],
        basis: 'composed',
        status: 200,
        text: '',
        expect: ok({ lines: [], truncated: false }),
      },
      logNotFound,
      logRejected,
    ],
  },
  {
    call: 'streamStepLog',
    args: [LOG_KEY, (): void => undefined],
    method: 'GET',
    path: '/gateway/log-service/stream',
    source: [S.logServiceRoutes, S.logServiceStream, S.logServiceUi],
    noSharedErrors: true,
    examples: [
      {
        name: 'server-sent events: pings, lines, then eof',
        source: [S.logServiceStream, S.logStreamReplay, S.logLine],
        basis: 'composed',
        status: 200,
        text: `: ping\ndata: ${logLine('info', 0, 'one\n')}\n\ndata: ${logLine('info', 1, 'two\n')}\n\n: ping\nevent: error\ndata: eof\n`,
        contentType: 'text/event-stream',
        expect: ok({ ended: true, truncated: false, lines: 2 }),
      },
      logRejected,
    ],
  },
];
