// Where every recorded shape comes from. Each contract example names one or more of these in its
// `source`; README.md lists them for humans. Read-only facts: nothing here imports src/api.

export interface Source {
  /** `owner/name` of a public GitHub repository, or a page URL. */
  repo: string;
  path: string;
  commit: string;
  /** What in the file this example relies on. */
  what: string;
}

/** Public mirror of Harness's platform source (harness-core, PolyForm Shield: read, never copied). */
const CORE = { repo: 'vigneswara-propelo/harness-core', commit: '1dcec145c507a87fc596b148cc2fc73d47cbc9cc' };
/** Public mirror of Harness's web UI: its `src/services/*` are generated from the services' OpenAPI specs. */
const UI = { repo: 'vigneswara-propelo/harness-core-ui', commit: '34c93979b2f4cac741d310c70ba4923e29d87316' };
const SDK = { repo: 'harness/harness-go-sdk', commit: '71b8d2b0602f17da196c33c14193c9b76024fbaf' };
const MCP = { repo: 'harness/mcp-server', commit: '59bfd120f9619cf1b232825a2286bfacc6d7ee0c' };
const DH = { repo: 'harness/developer-hub', commit: 'ef79d6e0d41738371e7ad2807cb0af101d613c45' };

const core = (path: string, what: string): Source => ({ ...CORE, path, what });
const ui = (path: string, what: string): Source => ({ ...UI, path, what });

export const S = {
  // ---- envelope, pages, errors -----------------------------------------------------------
  responseDto: core(
    '970-ng-commons/src/main/java/io/harness/ng/core/dto/ResponseDTO.java',
    'success envelope {status, data, metaData, correlationId}',
  ),
  ngPage: core(
    '970-ng-commons/src/main/java/io/harness/ng/beans/PageResponse.java',
    'NG page {totalPages, totalItems, pageItemCount, pageSize, content, pageIndex, empty, pageToken}',
  ),
  springPageUi: ui(
    'src/services/pipeline-ng/index.tsx',
    'PagePMSPipelineSummaryResponse / PagePipelineExecutionSummary: Spring page {content, number, size, totalElements, totalPages, first, last, …}',
  ),
  errorDto: core(
    '970-ng-commons/src/main/java/io/harness/ng/core/dto/ErrorDTO.java',
    'ErrorDTO {status: ERROR, code, message, correlationId, detailedMessage, responseMessages, metadata}',
  ),
  failureDto: core(
    '970-ng-commons/src/main/java/io/harness/ng/core/dto/FailureDTO.java',
    'FailureDTO {status: FAILURE, code, message, correlationId, errors}',
  ),
  errorCodes: core(
    '980-commons/src/main/java/io/harness/eraro/ErrorCode.java',
    'ErrorCode and its HTTP status: ENTITY_NOT_FOUND/RESOURCE_NOT_FOUND 404; INVALID_TOKEN/EXPIRED_TOKEN 401; NG_ACCESS_DENIED 403; RESOURCE_NOT_FOUND_EXCEPTION, CONNECTOR_NOT_FOUND_EXCEPTION, TEMPLATE_NOT_FOUND, DUPLICATE_FIELD, SCM_CONFLICT_ERROR, INVALID_REQUEST 400 (default); no PIPELINE_NOT_FOUND',
  ),
  responseMessages: core(
    '980-commons/src/main/resources/response_messages.properties',
    'message templates: INVALID_TOKEN "Token is not valid.", INVALID_REQUEST "Invalid request: …", SCM_CONFLICT_ERROR "Received exception while pushing to git - Status: 409 Conflict."',
  ),
  wingsMapperNg: core(
    '960-ng-core-beans/src/main/java/io/harness/ng/core/exceptionmappers/WingsExceptionMapperV2.java',
    'NG services: WingsException → ErrorDTO with responseMessages, HTTP status of the ErrorCode',
  ),
  wingsMapperPms: core(
    'pipeline-service/service/src/main/java/io/harness/pms/exception/WingsExceptionMapper.java',
    'pipeline service: WingsException → ErrorDTO (responseMessages empty), HTTP status of the ErrorCode',
  ),
  notFoundMapper: core(
    '960-ng-core-beans/src/main/java/io/harness/ng/core/exceptionmappers/NotFoundExceptionMapper.java',
    'javax.ws.rs.NotFoundException → HTTP 400 FailureDTO code RESOURCE_NOT_FOUND_EXCEPTION',
  ),
  notAllowedMapper: core(
    '960-ng-core-beans/src/main/java/io/harness/ng/core/exceptionmappers/NotAllowedExceptionMapper.java',
    'javax.ws.rs.NotAllowedException (wrong method) → HTTP 405 FailureDTO code RESOURCE_NOT_FOUND_EXCEPTION',
  ),
  genericMapper: core(
    '960-ng-core-beans/src/main/java/io/harness/ng/core/exceptionmappers/GenericExceptionMapperV2.java',
    'any other exception → HTTP 500 ErrorDTO UNKNOWN_ERROR "Oops, something went wrong on our end. Please contact Harness Support."',
  ),
  violationMapper: core(
    '960-ng-core-beans/src/main/java/io/harness/ng/core/exceptionmappers/JerseyViolationExceptionMapperV2.java',
    'bean validation → HTTP 400 FailureDTO INVALID_REQUEST with errors [{fieldId, error}], message "field: error"',
  ),
  authFilter: core(
    '965-ng-filter/src/main/java/io/harness/security/NextGenAuthenticationFilter.java',
    'a rejected x-api-key → InvalidRequestException with code INVALID_TOKEN (HTTP 401 by ErrorCode)',
  ),
  accessDenied: core(
    'clients/access-control/sdk/src/main/java/io/harness/accesscontrol/NGAccessDeniedExceptionMapper.java',
    'NGAccessDeniedException → AccessDeniedErrorDTO (ErrorDTO + failedPermissionChecks), HTTP 403 NG_ACCESS_DENIED',
  ),
  accessDeniedMessage: core(
    'clients/access-control/sdk/src/main/java/io/harness/accesscontrol/clients/AbstractAccessControlClient.java',
    'message "Principal of type USER with identifier … : Missing permission <permission> on <resource type> with identifier …"',
  ),
  mcpErrors: {
    ...MCP,
    path: 'tests/client/harness-client.test.ts',
    what: 'captured NG error bodies: ErrorDTO INVALID_REQUEST with responseMessages (correlationId df70c78c-…), and the JSON layer\'s {"code":400,"message":"Unable to process JSON","details":…}',
  },
  apiQuickstart: {
    ...DH,
    path: 'docs/platform/automation/api/api-quickstart.md',
    what: 'sample responses of POST /ng/api/projects, POST /ng/api/connectors, POST /pipeline/api/pipelines/v2; HTTP codes 400/401/403/404/429/5xx',
  },
  // ---- identity ------------------------------------------------------------------------------
  userInfo: ui(
    'src/services/cd-ng/index.tsx',
    'UserInfo {uuid (required), name, email, defaultAccountId, …}',
  ),
  accountDto: ui(
    'src/services/cd-ng/index.tsx',
    'AccountDTO {identifier, name, companyName, cluster, defaultExperience, …}',
  ),
  tokenValidate: core(
    '120-ng-manager/src/main/java/io/harness/ng/core/remote/TokenResource.java',
    'POST /ng/api/token/validate?accountIdentifier, body = the token → ResponseDTO<TokenDTO>',
  ),
  // ---- orgs, projects ----------------------------------------------------------------------
  orgResponse: ui(
    'src/services/cd-ng/index.tsx',
    'OrganizationResponse {organization, createdAt, lastModifiedAt, harnessManaged}',
  ),
  orgNotFound: core(
    '120-ng-manager/src/main/java/io/harness/ng/core/remote/OrganizationResource.java',
    'GET unknown org → javax NotFoundException "Organization with identifier [%s] not found"',
  ),
  orgDuplicate: core(
    '120-ng-manager/src/main/java/io/harness/ng/core/impl/OrganizationServiceImpl.java',
    'DuplicateFieldException "An organization with identifier [%s] is already present"',
  ),
  projectResponse: ui(
    'src/services/cd-ng/index.tsx',
    'ProjectResponse {project: {orgIdentifier, identifier, name, color, modules[], description, tags}, createdAt, lastModifiedAt, isFavorite}',
  ),
  projectNotFound: core(
    '120-ng-manager/src/main/java/io/harness/ng/core/remote/ProjectResource.java',
    'GET unknown project → EntityNotFoundException "Project with orgIdentifier [%s] and identifier [%s] not found" (ENTITY_NOT_FOUND, 404)',
  ),
  projectDuplicate: core(
    '120-ng-manager/src/main/java/io/harness/ng/core/impl/ProjectServiceImpl.java',
    'DuplicateFieldException "A project with identifier [%s] and orgIdentifier [%s] is already present"',
  ),
  // ---- connectors ----------------------------------------------------------------------------
  connectivityStatus: core(
    '970-ng-commons/src/main/java/io/harness/connector/ConnectivityStatus.java',
    'enum ConnectivityStatus { SUCCESS, FAILURE, PARTIAL, UNKNOWN, PENDING }',
  ),
  connectorResponseUi: ui(
    'src/services/cd-ng/index.tsx',
    'ConnectorResponse, ConnectorConnectivityDetails.status and ConnectorValidationResult.status: SUCCESS | FAILURE | PARTIAL | UNKNOWN | PENDING',
  ),
  connectorPending: core(
    '440-connector-nextgen/src/main/java/io/harness/connector/mappers/ConnectorMapper.java',
    'a connector without connectivity details (never tested, e.g. just created) reads status PENDING (UNKNOWN off the default Git branch)',
  ),
  connectorListMock: ui(
    'src/modules/27-platform/connectors/pages/connectors/__tests__/mockData.ts',
    'a recorded listV2 page: connectors with `status: null`, FAILURE with errors[{reason, message, code: 450}]',
  ),
  connectorTestMock: ui(
    'src/modules/27-platform/connectors/components/ConnectorConfigureOptions/__tests__/mocks.ts',
    'a recorded connector status FAILURE with errorSummary "Error Encountered (…)" and errors[]',
  ),
  connectorResource: core(
    '440-connector-nextgen/src/main/java/io/harness/connector/apis/resource/ConnectorResource.java',
    'GET unknown connector → javax NotFoundException "Connector with identifier [%s] not found in …"; testConnection of an unknown one → ConnectorNotFoundException "No connector found with identifier %s"',
  ),
  connectorDuplicate: core(
    '440-connector-nextgen/src/main/java/io/harness/connector/impl/DefaultConnectorServiceImpl.java',
    'DuplicateFieldException "Connector [%s] already exists"',
  ),
  connectorDeleteMissing: core(
    '440-connector-nextgen/src/main/java/io/harness/connector/impl/DefaultConnectorServiceImpl.java',
    'update of a missing connector → InvalidRequestException "No connector exists with the  Identifier %s"; delete → InvalidRequestException(createConnectorNotFoundMessage); both 400 INVALID_REQUEST',
  ),
  connectorNotFoundMessage: core(
    '440-connector-nextgen/src/main/java/io/harness/connector/impl/ConnectorErrorMessagesHelper.java',
    '"No connector exists with the identifier %s in account %s, organisation %s, project %s"',
  ),
  connectorValidationResult: core(
    '970-ng-commons/src/main/java/io/harness/connector/ConnectorValidationResult.java',
    'test connection result {status, errors, errorSummary, testedAt, delegateId}',
  ),
  // ---- pipelines -----------------------------------------------------------------------------
  pipelineResource: core(
    'pipeline-service/service/src/main/java/io/harness/pms/pipeline/PipelineResourceImpl.java',
    'createPipelineV2/updatePipelineV2: on governanceMetadata.deny the answer is PipelineSaveResponse with only governanceMetadata (no identifier); GET unknown pipeline → EntityNotFoundException "Pipeline with the given ID: %s does not exist or has been deleted"',
  ),
  pipelineSaveResponse: ui(
    'src/services/pipeline-ng/index.tsx',
    'PipelineSaveResponse {governanceMetadata?, identifier?, publicAccessResponse?}',
  ),
  pipelineDuplicate: core(
    'pipeline-service/service/src/main/java/io/harness/pms/pipeline/service/PMSPipelineServiceImpl.java',
    'DuplicateFieldException "Pipeline [%s] under Project[%s], Organization [%s] already exists or has been deleted."',
  ),
  governanceProto: core(
    '951-opa-contracts/src/main/proto/io/harness/governance/governance_metadata.proto',
    'GovernanceMetadata {id, deny, details[PolicySetMetadata], message, timestamp, status, accountId, orgId, projectId, entity, type, action, created}',
  ),
  governanceJson: core(
    'pipeline-service/modules/pms-contracts/src/main/java/io/harness/pms/serializer/json/serializers/ProtoJsonSerializer.java',
    'governanceMetadata is printed by protobuf JsonFormat including default values (int64 as strings)',
  ),
  governanceMapping: core(
    '878-ng-common-utilities/src/main/java/io/harness/engine/GovernanceServiceHelper.java',
    'deny = OPA status "error"; message is not set from the OPA answer (stays ""), the reasons are in details[].policyMetadata[].denyMessages',
  ),
  opaStatuses: core(
    '950-opa-client/src/main/java/io/harness/opaclient/model/OpaConstants.java',
    'OPA statuses "pass", "warning", "error"',
  ),
  governanceDenyMock: ui(
    'src/modules/70-pipeline/components/PipelineStudio/AsyncValidation/__tests__/mock.ts',
    'a recorded governance evaluation with deny: true, status "error", message "", two denying policy sets with denyMessages',
  ),
  governanceWarnMock: ui(
    'src/modules/10-common/modals/SaveToGitDialog/__tests__/mockData.ts',
    'saveResponseWithOPAError: a recorded pipeline save answer with identifier and governanceMetadata status "warning", message ""',
  ),
  pipelineSummaryUi: ui(
    'src/services/pipeline-ng/index.tsx',
    'PMSPipelineSummaryResponse and ExecutionSummaryInfo.lastExecutionStatus (PascalCase values plus NOT_STARTED, INTERVENTION_WAITING, APPROVAL_WAITING, APPROVAL_REJECTED, WAITING)',
  ),
  pipelineGetUi: ui(
    'src/services/pipeline-ng/index.tsx',
    'PMSPipelineResponseDTO {yamlPipeline, resolvedTemplatesPipelineYaml, gitDetails, entityValidityDetails, modules, storeType, cacheResponse, …}',
  ),
  inputSetTemplateUi: ui(
    'src/services/pipeline-ng/index.tsx',
    'InputSetTemplateResponseDTOPMS {inputSetTemplateYaml, hasInputSets, modules, replacedExpressions, hasCodebaseInputs}',
  ),
  // ---- executions ----------------------------------------------------------------------------
  planExecution: core(
    'pipeline-service/modules/orchestration-beans/contracts/src/main/java/io/harness/execution/PlanExecution.java',
    'planExecution.status is the engine enum io.harness.pms.contracts.execution.Status (serialised by name: RUNNING, …)',
  ),
  engineStatus: core(
    'pipeline-service/modules/pms-contracts/src/main/proto/io/harness/pms/contracts/execution/status.proto',
    'engine Status: NO_OP, RUNNING, INTERVENTION_WAITING, …, SUCCEEDED, IGNORE_FAILED, …, FREEZE_FAILED, QUEUED_LICENSE_LIMIT_REACHED, QUEUED_EXECUTION_CONCURRENCY_REACHED',
  ),
  planExecutionUi: ui(
    'src/services/pipeline-ng/index.tsx',
    'PlanExecution.status: NO_OP | RUNNING | … | SUCCEEDED | … | UNRECOGNIZED',
  ),
  executionStatus: core(
    'pipeline-service/modules/pms-contracts/src/main/java/io/harness/pms/execution/ExecutionStatus.java',
    'ExecutionStatus display names (Running … AbortedByFreeze) and the legacy NOT_STARTED, INTERVENTION_WAITING, APPROVAL_WAITING, APPROVAL_REJECTED (display name null) and WAITING ("Waiting")',
  ),
  executionSummaryUi: ui(
    'src/services/pipeline-ng/index.tsx',
    'PipelineExecutionSummary.status: the 26 PascalCase values plus NOT_STARTED, INTERVENTION_WAITING, APPROVAL_WAITING, APPROVAL_REJECTED, WAITING; PipelineExecutionDetail {pipelineExecutionSummary, executionGraph, childGraph, rollbackGraph}',
  ),
  finalStatuses: core(
    '884-pms-commons/src/main/java/io/harness/pms/execution/utils/StatusUtils.java',
    'FINAL_STATUSES = SKIPPED, IGNORE_FAILED, ABORTED, ERRORED, FAILED, EXPIRED, SUSPENDED, SUCCEEDED, APPROVAL_REJECTED, FREEZE_FAILED',
  ),
  executionNotFound: core(
    'pipeline-service/service/src/main/java/io/harness/pms/plan/execution/service/PMSExecutionServiceImpl.java',
    'EntityNotFoundException "Plan Execution Summary does not exist or has been deleted for planExecutionId: %s"',
  ),
  executeResource: core(
    'pipeline-service/contracts/src/main/java/io/harness/pms/plan/execution/PlanExecutionResource.java',
    'POST /pipeline/api/pipeline/execute/{identifier}: moduleType optional, GitEntityFindInfoDTO (branch, repoIdentifier, …), body = runtime input YAML; answers PlanExecutionResponseDto {planExecution, gitDetails}',
  ),
  newerExecutionStatuses: {
    repo: '../shared/docs/harness-api.md',
    path: '§2.4 "Execution status values"',
    commit: 'project fact sheet',
    what: "UploadWaiting and QueuedGlobalInfraCapacityReached of newer servers (CORE ExecutionStatus via code search, and a generated client's docstring); not in the 2023 sources above",
  },
  // ---- the run loop: detail graph, abort, retry, re-run, input sets, logs ----------------------
  executionDetailSdk: {
    ...SDK,
    path: 'harness/nextgen/api_execution_details.go',
    what: 'GetExecutionDetailV2: GET /pipeline/api/pipelines/execution/v2/{planExecutionId} with stageNodeId and renderFullBottomGraph → PipelineExecutionDetail; GetInputsetYamlV2: GET …/execution/{planExecutionId}/inputsetV2 → InputSetTemplateResponse {inputSetTemplateYaml, inputSetYaml, latestTemplateYaml, expressionValues} (model_input_set_template_response.go)',
  },
  executionGraphSdk: {
    ...SDK,
    path: 'harness/nextgen/model_execution_node.go',
    what: 'ExecutionNode {uuid, setupId, name, identifier, baseFqn, startTs, endTs, stepType, status, failureInfo, …}; ExecutionGraph {rootNodeId, nodeMap, nodeAdjacencyListMap, representationStrategy} (model_execution_graph.go); ExecutionNodeAdjacencyList {children, nextIds}; FailureInfoDto {message, failureTypeList, responseMessages}',
  },
  layoutNodeSdk: {
    ...SDK,
    path: 'harness/nextgen/model_graph_layout_node.go',
    what: 'GraphLayoutNode {nodeType, nodeGroup, nodeIdentifier, name, nodeUuid, status, module, moduleInfo, startTs, endTs, edgeLayoutList {currentNodeChildren, nextIds}, failureInfo, failureInfoDTO}',
  },
  executionSummarySdk: {
    ...SDK,
    path: 'harness/nextgen/model_pipeline_execution_summary.go',
    what: 'PipelineExecutionSummary {…, executionTriggerInfo, moduleInfo, layoutNodeMap, startingNodeId, canRetry, runSequence, gitDetails (PipelineEntityGitDetails {objectId, branch, repoIdentifier, rootFolder, filePath, repoName}), …}; ExecutionTriggerInfo {triggerType, triggeredBy {uuid, identifier, extraInfo}, isRerun} (model_execution_trigger_info.go, model_triggered_by.go)',
  },
  mcpPipelineImport: {
    ...MCP,
    path: 'src/registry/toolsets/pipelines.ts',
    what: 'pipeline `import` action: POST /pipeline/api/pipelines/import, query connectorRef, repoName, branch, filePath, isForceImport, isHarnessCodeRepo; JSON body {pipelineName, pipelineDescription}; answer read with ngExtract (the `data` of the envelope)',
  },
  mcpGraphWalk: {
    ...MCP,
    path: 'src/tools/diagnose/pipeline.ts',
    what: 'walks layoutNodeMap from startingNodeId (nodeGroup STAGE, edgeLayoutList.currentNodeChildren then nextIds); executionGraph nodes carry logBaseKey, failureInfo {message, failureTypeList, responseMessages}, stepType, baseFqn',
  },
  mcpLogPrefix: {
    ...MCP,
    path: 'src/utils/log-prefix.ts',
    what: 'a step log is read with the logBaseKey of its executionGraph node',
  },
  executeSdk: {
    ...SDK,
    path: 'harness/nextgen/api_execute.go',
    what: 'PutHandleInterrupt: PUT /pipeline/api/pipeline/execute/interrupt/{planExecutionId}?interruptType → InterruptResponse; GetRetryStages: GET …/execute/{planExecutionId}/retryStages?pipelineIdentifier → RetryInfo; RetryPipeline: POST …/execute/retry/{identifier}?planExecutionId&retryStages (multi)&runAllStages&moduleType, body YAML → PlanExecutionResponseDto; RePostPipelineExecuteWithInputSetYaml: POST …/execute/rerun/{originalExecutionId}/{identifier}, body YAML',
  },
  retryInfoSdk: {
    ...SDK,
    path: 'harness/nextgen/model_retry_info.go',
    what: 'RetryInfo {isResumable, errorMessage, groups [RetryGroup {info [RetryStageInfo {name, identifier, status, createdAt, parentId, nextId}]}]}',
  },
  interruptSdk: {
    ...SDK,
    path: 'harness/nextgen/model_interrupt_response.go',
    what: 'InterruptResponse {id, planExecutionId}',
  },
  inputSetsSdk: {
    ...SDK,
    path: 'harness/nextgen/api_input_sets.go',
    what: 'ListInputSet: GET /pipeline/api/inputSets?pipelineIdentifier&pageIndex&pageSize&inputSetType → PageResponseInputSetSummaryResponse (NG page); GetInputSet: GET /inputSets/{id}?pipelineIdentifier → InputSetResponse; PostInputSet: POST /inputSets?pipelineIdentifier, body YAML; MergeInputSets: POST /inputSets/merge?pipelineIdentifier, body MergeInputSetRequest → MergeInputSetResponse',
  },
  inputSetModelsSdk: {
    ...SDK,
    path: 'harness/nextgen/model_input_set_response.go',
    what: 'InputSetResponse {identifier, inputSetYaml, name, pipelineIdentifier, tags, isOutdated, isErrorResponse, inputSetErrorWrapper {errorPipelineYaml, uuidToErrorResponseMap}, gitDetails, …}; InputSetSummaryResponse {identifier, name, pipelineIdentifier, inputSetType, tags, isOutdated, …}; MergeInputSetRequest {inputSetReferences, withMergedPipelineYaml, stageIdentifiers}; MergeInputSetResponse {pipelineYaml, completePipelineYaml, isErrorResponse, inputSetErrorWrapper}; InputSetError {fieldName, message, identifierOfErrorSource}',
  },
  logServiceRoutes: {
    repo: 'vigneswara-propelo/harness-core',
    commit: '0ba4929696bb56104484bd002506b0731dfa3ef5',
    path: 'product/log-service/handler/handler.go',
    what: '/blob?accountID=&key= (GET: the stored log) and /stream?accountID=&key= (GET: tail as server-sent events), behind AuthMiddleware (handler/middleware.go: x-api-key validated with accountID and routingId, or X-Harness-Token header/query)',
  },
  logServiceErrors: {
    repo: 'vigneswara-propelo/harness-core',
    commit: '112fc814661e9bee649b61fdb63384de0a2e9df1',
    path: 'product/log-service/handler/helper.go',
    what: 'params accountID and key; errors as {"error_msg": "…"} with 400 (bad request, e.g. "no key exists in the URL"), 404 (blob not found) or 500',
  },
  logServiceStream: {
    repo: 'vigneswara-propelo/harness-core',
    commit: '112fc814661e9bee649b61fdb63384de0a2e9df1',
    path: 'product/log-service/handler/stream.go',
    what: 'HandleTail: text/event-stream, ": ping" comments, "data: <Line JSON>" then a blank line per line, "event: error\ndata: eof" at the end',
  },
  logStreamReplay: {
    repo: 'vigneswara-propelo/harness-core',
    commit: '01bc5fe0932270da0e6bfd69d4d7e98e8afa4013',
    path: 'product/log-service/stream/redis/redis.go',
    what: 'Tail reads the stream from ID "0": every new connection gets the log from its first line again; a missing stream gives no channel (the handler answers eof at once)',
  },
  logLine: {
    repo: 'vigneswara-propelo/harness-core',
    commit: '283a069fdfa99d82b16fd7193b48c0926fd1851c',
    path: 'product/log-service/stream/stream.go',
    what: 'Line {level, pos, out, time, args}',
  },
  logServiceUi: {
    repo: 'vigneswara-propelo/harness-core-ui',
    commit: '9cea11af046026ab09c4d710d6ffb09ee94df299',
    path: 'src/services/logs/index.tsx',
    what: 'LogBlobQueryParams / LogStreamQueryParams {accountID, key, X-Harness-Token}; Line {level, pos, out, time, args}; Error {error_msg}; the blob is text split on newlines, one JSON Line each (getLogsFromBlob)',
  },
  mcpLogGateway: {
    ...MCP,
    path: 'src/client/harness-client.ts',
    what: 'log-service calls go to /gateway/log-service/… with accountID (capital ID) added to the query, authenticated with x-api-key',
  },
  // ---- services, environments, templates ---------------------------------------------------
  serviceResource: core(
    '120-ng-manager/src/main/java/io/harness/ng/core/service/resources/ServiceResourceV2.java',
    'GET /servicesV2 → ResponseDTO<PageResponse<ServiceResponse>> (an NG page; query page/size, size default 100); GET /servicesV2/{id} of a missing one → javax NotFoundException',
  ),
  serviceNotFound: core(
    '120-ng-manager/src/main/java/io/harness/ng/core/service/mappers/ServiceElementMapper.java',
    '"Service with identifier [%s] in project [%s], org [%s] not found" (org and account variants)',
  ),
  serviceUi: ui(
    'src/services/cd-ng/index.tsx',
    'useGetServiceList (/servicesV2): ResponsePageServiceResponse → PageServiceResponse {content, pageIndex, pageSize, pageItemCount, totalItems, totalPages, empty, pageToken}; ServiceResponse {service, createdAt, lastModifiedAt}',
  ),
  serviceSdk: {
    ...SDK,
    path: 'harness/nextgen/api_services.go',
    what: 'GetServiceList (GET /ng/api/servicesV2) returns ResponseDtoPageResponseServiceResponse: PageResponseServiceResponse {totalPages, totalItems, pageItemCount, pageSize, content, pageIndex, empty} (model_page_response_service_response.go)',
  },
  pipelineSaveSdk: {
    ...SDK,
    path: 'harness/nextgen/model_pipeline_save_response.go',
    what: 'PipelineSaveResponse {Identifier `json:"identifier,omitempty"`, GovernanceMetadata}',
  },
  environmentResource: core(
    '120-ng-manager/src/main/java/io/harness/ng/core/environment/resources/EnvironmentResourceV2.java',
    'GET /environmentsV2 → NG page; missing one → javax NotFoundException "Environment with identifier [%s] in project [%s], org [%s] not found"',
  ),
  environmentUi: ui(
    'src/services/cd-ng/index.tsx',
    'PageEnvironmentResponse (NG page); EnvironmentResponseDTO.type: PreProduction | Production',
  ),
  templateResource: core(
    'template-service/service/src/main/java/io/harness/template/resources/NGTemplateResourceImpl.java',
    'GET /templates/{id} of a missing one → javax NotFoundException "Template with the given Identifier: %s and %s does not exist or has been deleted"',
  ),
  templateUi: ui(
    'src/services/template-ng/index.tsx',
    'TemplateResponse; list-metadata → PageTemplateMetadataSummaryResponse (Spring page); templateEntityType Step | Stage | Pipeline | CustomDeployment | MonitoredService | SecretManager | ArtifactSource | StepGroup',
  ),
} satisfies Record<string, Source>;

export type SourceKey = keyof typeof S;

/** Every distinct source document (repo + path), for the README check. */
export function allSources(): Source[] {
  return Object.values(S);
}
