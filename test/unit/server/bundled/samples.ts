// Pipelines written for these tests (our own examples, not taken from any real project):
// together they use most stage types, step families and shared blocks of the bundled schema.

/** CI on Harness Cloud, approval, parallel canary deployment and smoke tests, chained pipeline, template stage. */
export const releasePipeline = `pipeline:
  name: Release web shop
  identifier: release_web_shop
  projectIdentifier: shop
  orgIdentifier: default
  description: Builds, approves and ships the shop
  tags:
    team: checkout
    tier: ""
  timeout: 2h 30m
  allowStageExecutions: true
  variables:
    - name: region
      type: String
      description: Where to deploy
      required: true
      value: <+input>.default(eu-west-1).allowedValues(eu-west-1,us-east-1)
    - name: replicas
      type: Number
      value: 3
  properties:
    ci:
      codebase:
        connectorRef: account.github_shop
        repoName: web-shop
        build: <+input>
        depth: 50
        prCloneStrategy: MergeCommit
  notificationRules:
    - name: failures
      identifier: failures
      enabled: true
      pipelineEvents:
        - type: PipelineFailed
      notificationMethod:
        type: Slack
        spec:
          webhookUrl: <+secrets.getValue("slack_hook")>
  flowControl:
    barriers:
      - identifier: ready
        name: Ready
  stages:
    - stage:
        name: Build
        identifier: build
        type: CI
        spec:
          cloneCodebase: true
          caching:
            enabled: true
          platform:
            os: Linux
            arch: Arm64
          runtime:
            type: Cloud
            spec:
              size: large
          execution:
            steps:
              - step:
                  type: Run
                  name: Unit tests
                  identifier: unit_tests
                  spec:
                    shell: Bash
                    command: npm ci && npm test
                    envVariables:
                      CI: "true"
                    reports:
                      type: JUnit
                      spec:
                        paths:
                          - reports/*.xml
              - parallel:
                  - step:
                      type: BuildAndPushDockerRegistry
                      name: Image
                      identifier: image
                      spec:
                        connectorRef: dockerhub
                        repo: shop/web
                        tags:
                          - <+pipeline.sequenceId>
                  - step:
                      type: SaveCacheS3
                      name: Save npm cache
                      identifier: save_cache
                      spec:
                        connectorRef: aws
                        bucket: caches
                        key: npm-{{ checksum "package-lock.json" }}
                        sourcePaths:
                          - node_modules
    - stage:
        name: Approve
        identifier: approve
        type: Approval
        spec:
          execution:
            steps:
              - step:
                  type: HarnessApproval
                  name: Sign off
                  identifier: sign_off
                  timeout: 1d
                  spec:
                    approvalMessage: Ship it?
                    includePipelineExecutionHistory: true
                    approvers:
                      userGroups:
                        - account.release_managers
                      minimumCount: 1
                      disallowPipelineExecutor: false
    - parallel:
        - stage:
            name: Deploy
            identifier: deploy
            type: Deployment
            spec:
              deploymentType: Kubernetes
              service:
                serviceRef: web_shop
                serviceInputs: <+input>
              environment:
                environmentRef: org.production
                deployToAll: false
                infrastructureDefinitions:
                  - identifier: eks_main
              execution:
                steps:
                  - stepGroup:
                      name: Canary
                      identifier: canary
                      when:
                        stageStatus: Success
                      steps:
                        - step:
                            type: K8sCanaryDeploy
                            name: Canary deploy
                            identifier: canary_deploy
                            timeout: 10m
                            spec:
                              instanceSelection:
                                type: Count
                                spec:
                                  count: 1
                              skipDryRun: false
                        - step:
                            type: Verify
                            name: Verify canary
                            identifier: verify
                            timeout: 2h
                            spec:
                              type: Canary
                              monitoredService:
                                type: Default
                                spec: {}
                              spec:
                                sensitivity: MEDIUM
                                duration: 10m
                                deploymentTag: <+artifacts.primary.tag>
                        - step:
                            type: K8sCanaryDelete
                            name: Remove canary
                            identifier: remove_canary
                            spec: {}
                  - step:
                      type: K8sRollingDeploy
                      name: Rollout
                      identifier: rollout
                      timeout: 10m
                      spec:
                        skipDryRun: false
                        pruningEnabled: false
                  - step:
                      type: Barrier
                      name: Wait for peers
                      identifier: wait_peers
                      spec:
                        barrierRef: ready
                rollbackSteps:
                  - step:
                      type: K8sRollingRollback
                      name: Roll back
                      identifier: roll_back
                      timeout: 10m
                      spec:
                        pruningEnabled: false
            failureStrategies:
              - onFailure:
                  errors:
                    - Timeout
                    - Connectivity
                  action:
                    type: Retry
                    spec:
                      retryCount: 2
                      retryIntervals:
                        - 10s
                        - 1m
                      onRetryFailure:
                        action:
                          type: StageRollback
              - onFailure:
                  errors:
                    - AllErrors
                  action:
                    type: ManualIntervention
                    spec:
                      timeout: 1h
                      onTimeout:
                        action:
                          type: StageRollback
            when:
              pipelineStatus: Success
              condition: <+pipeline.variables.region> != ""
        - stage:
            name: Smoke tests
            identifier: smoke
            type: Custom
            strategy:
              matrix:
                browser:
                  - chrome
                  - firefox
                maxConcurrency: 2
            spec:
              execution:
                steps:
                  - step:
                      type: ShellScript
                      name: Probe
                      identifier: probe
                      timeout: 5m
                      strategy:
                        repeat:
                          items:
                            - /health
                            - /ready
                      spec:
                        shell: Bash
                        onDelegate: true
                        source:
                          type: Inline
                          spec:
                            script: curl -fsS "https://shop.example<+repeat.item>"
                        outputVariables:
                          - name: status
                            type: String
                            value: STATUS
                  - step:
                      type: Http
                      name: Ping
                      identifier: ping
                      timeout: 30s
                      spec:
                        url: https://shop.example/health
                        method: GET
                        assertion: <+httpResponseCode> == 200
                  - step:
                      name: Notify
                      identifier: notify
                      template:
                        templateRef: account.notify_team
                        versionLabel: v2
                        templateInputs:
                          type: ShellScript
                          spec:
                            environmentVariables: <+input>
                  - step:
                      type: Barrier
                      name: Ready
                      identifier: ready_barrier
                      spec:
                        barrierRef: ready
    - stage:
        name: Downstream
        identifier: downstream
        type: Pipeline
        spec:
          org: default
          project: shop
          pipeline: publish_docs
          inputs:
            identifier: publish_docs
            variables:
              - name: tag
                type: String
                value: <+pipeline.sequenceId>
          outputs:
            - name: url
              value: <+pipeline.variables.url>
    - stage:
        name: Shared cleanup
        identifier: shared_cleanup
        template:
          templateRef: org.cleanup_stage
          versionLabel: "1.0"
`;

/** CI on a Kubernetes cluster, Terraform in a container step group, Jira/ServiceNow, older Deployment blocks, SSH fleet. */
export const nightlyPipeline = `pipeline:
  name: Platform nightly
  identifier: platform_nightly
  projectIdentifier: platform
  orgIdentifier: default
  tags: {}
  delegateSelectors:
    - nightly-delegate
  fixedInputsOnRerun: false
  stages:
    - stage:
        name: Build on cluster
        identifier: build_on_cluster
        description: ""
        type: CI
        spec:
          cloneCodebase: false
          sharedPaths:
            - /var/run
          serviceDependencies:
            - identifier: dind
              name: dind
              type: Service
              spec:
                connectorRef: account.dockerhub
                image: docker:dind
                privileged: true
          infrastructure:
            type: KubernetesDirect
            spec:
              connectorRef: account.build_cluster
              namespace: harness-builds
              automountServiceAccountToken: true
              nodeSelector: {}
              os: Linux
          execution:
            steps:
              - step:
                  type: GitClone
                  name: Clone tools
                  identifier: clone_tools
                  spec:
                    connectorRef: account.github
                    repoName: tools
                    build:
                      type: branch
                      spec:
                        branch: main
                    depth: 1
              - step:
                  type: Plugin
                  name: Slack
                  identifier: slack
                  spec:
                    connectorRef: account.dockerhub
                    image: plugins/slack
                    settings:
                      webhook: <+secrets.getValue("slack")>
                      channel: builds
                    imagePullPolicy: IfNotPresent
              - step:
                  type: Background
                  name: Redis
                  identifier: redis
                  spec:
                    connectorRef: account.dockerhub
                    image: redis:7
                    shell: Sh
                    portBindings:
                      "6379": "6379"
              - step:
                  type: Run
                  name: Integration
                  identifier: integration
                  spec:
                    connectorRef: account.dockerhub
                    image: golang:1.22
                    shell: Sh
                    command: go test ./...
                    privileged: false
                    imagePullPolicy: Always
                    resources:
                      limits:
                        memory: 2Gi
                        cpu: "1.5"
                    outputVariables:
                      - name: COVERAGE
                  timeout: 30m
                  failureStrategies:
                    - onFailure:
                        errors:
                          - AllErrors
                        action:
                          type: Ignore
              - step:
                  type: BuildAndPushECR
                  name: Push
                  identifier: push
                  spec:
                    connectorRef: account.aws
                    region: eu-west-1
                    account: "123456789012"
                    imageName: tools
                    tags:
                      - latest
                    buildArgs:
                      VERSION: <+pipeline.sequenceId>
                  when:
                    stageStatus: Success
                    condition: <+codebase.branch> == "main"
              - step:
                  type: S3Upload
                  name: Upload report
                  identifier: upload_report
                  spec:
                    connectorRef: account.aws
                    region: eu-west-1
                    bucket: reports
                    sourcePath: out/report.html
                    target: nightly/<+pipeline.sequenceId>
        strategy:
          parallelism: 2
    - stage:
        name: Infra
        identifier: infra
        type: Custom
        spec:
          execution:
            steps:
              - stepGroup:
                  name: Terraform
                  identifier: terraform
                  sharedPaths:
                    - /tf
                  stepGroupInfra:
                    type: KubernetesDirect
                    spec:
                      connectorRef: account.build_cluster
                      namespace: tf
                  strategy:
                    repeat:
                      times: 2
                      maxConcurrency: 1
                  variables:
                    - name: workspace
                      type: String
                      value: prod
                  steps:
                    - step:
                        type: TerraformPlan
                        name: Plan
                        identifier: plan
                        timeout: 10m
                        spec:
                          provisionerIdentifier: network
                          configuration:
                            command: Apply
                            configFiles:
                              store:
                                type: Github
                                spec:
                                  gitFetchType: Branch
                                  connectorRef: account.github
                                  repoName: infra
                                  branch: main
                                  folderPath: network
                            secretManagerRef: harnessSecretManager
                            varFiles:
                              - varFile:
                                  identifier: vars
                                  type: Inline
                                  spec:
                                    content: region = "eu-west-1"
                    - step:
                        type: TerraformApply
                        name: Apply
                        identifier: apply
                        timeout: 10m
                        spec:
                          provisionerIdentifier: network
                          configuration:
                            type: InheritFromPlan
                    - step:
                        type: Container
                        name: Lint
                        identifier: lint
                        spec:
                          connectorRef: account.dockerhub
                          image: alpine
                          command: echo ok
                          shell: Sh
                          infrastructure:
                            type: KubernetesDirect
                            spec:
                              connectorRef: account.build_cluster
                              namespace: tf
                              resources:
                                limits:
                                  cpu: "0.5"
                                  memory: 500Mi
              - step:
                  type: JiraCreate
                  name: Ticket
                  identifier: ticket
                  timeout: 5m
                  spec:
                    connectorRef: jira
                    projectKey: OPS
                    issueType: Task
                    fields:
                      - name: Summary
                        value: Nightly applied
              - step:
                  type: JiraUpdate
                  name: Close ticket
                  identifier: close_ticket
                  timeout: 5m
                  spec:
                    connectorRef: jira
                    issueKey: <+pipeline.stages.infra.spec.execution.steps.ticket.issue.key>
                    transitionTo:
                      transitionName: ""
                      status: Done
                    fields: []
              - step:
                  type: ServiceNowCreate
                  name: Change
                  identifier: change
                  timeout: 5m
                  spec:
                    connectorRef: snow
                    ticketType: change_request
                    useServiceNowTemplate: false
                    fields:
                      - name: short_description
                        value: nightly
              - step:
                  type: ServiceNowApproval
                  name: Change approved
                  identifier: change_approved
                  timeout: 1d
                  spec:
                    connectorRef: snow
                    ticketType: change_request
                    ticketNumber: <+pipeline.stages.infra.spec.execution.steps.change.ticket.ticketNumber>
                    retryInterval: 1m
                    approvalCriteria:
                      type: KeyValues
                      spec:
                        matchAnyCondition: true
                        conditions:
                          - key: state
                            operator: equals
                            value: Implement
                    rejectionCriteria:
                      type: KeyValues
                      spec:
                        matchAnyCondition: true
                        conditions: []
              - step:
                  type: JiraApproval
                  name: Jira ok
                  identifier: jira_ok
                  timeout: 1d
                  spec:
                    connectorRef: jira
                    projectKey: OPS
                    issueType: Task
                    issueKey: OPS-1
                    approvalCriteria:
                      type: Jexl
                      spec:
                        expression: <+issue.Status> == "Done"
                    rejectionCriteria:
                      type: KeyValues
                      spec:
                        matchAnyCondition: true
                        conditions: []
              - step:
                  type: Email
                  name: Mail
                  identifier: mail
                  timeout: 1m
                  spec:
                    to: ops@example.com
                    cc: ""
                    subject: Nightly done
                    body: All good
              - step:
                  type: Wait
                  name: Soak
                  identifier: soak
                  spec:
                    duration: 5m
              - step:
                  type: CustomApproval
                  name: Gate
                  identifier: gate
                  timeout: 1h
                  spec:
                    shell: Bash
                    retryInterval: 30s
                    scriptTimeout: 5m
                    source:
                      type: Inline
                      spec:
                        script: echo approved
                    approvalCriteria:
                      type: KeyValues
                      spec:
                        matchAnyCondition: true
                        conditions:
                          - key: status
                            operator: equals
                            value: approved
                    outputVariables:
                      - name: status
                        type: String
                        value: status
              - step:
                  type: Queue
                  name: Lock
                  identifier: lock
                  spec:
                    key: nightly
                    scope: Pipeline
              - step:
                  type: Policy
                  name: Policy
                  identifier: policy
                  timeout: 10m
                  spec:
                    type: Custom
                    policySets:
                      - account.guard
                    policySpec:
                      payload: "{}"
    - stage:
        name: Legacy deploy
        identifier: legacy_deploy
        type: Deployment
        spec:
          serviceConfig:
            serviceRef: api
            serviceDefinition:
              type: NativeHelm
              spec:
                variables: []
                manifests:
                  - manifest:
                      identifier: chart
                      type: HelmChart
                      spec:
                        store:
                          type: Http
                          spec:
                            connectorRef: charts
                        chartName: api
                        helmVersion: V3
          infrastructure:
            environmentRef: staging
            infrastructureDefinition:
              type: KubernetesDirect
              spec:
                connectorRef: account.staging
                namespace: api
                releaseName: release-<+INFRA_KEY>
            allowSimultaneousDeployments: false
          execution:
            steps:
              - step:
                  type: HelmDeploy
                  name: Helm
                  identifier: helm
                  timeout: 10m
                  spec:
                    skipDryRun: false
                    ignoreReleaseHistFailStatus: false
            rollbackSteps:
              - step:
                  type: HelmRollback
                  name: Helm rollback
                  identifier: helm_rollback
                  timeout: 10m
                  spec: {}
        failureStrategies:
          - onFailure:
              errors:
                - AllErrors
              action:
                type: StageRollback
    - stage:
        name: Fleet
        identifier: fleet
        type: Deployment
        spec:
          deploymentType: Ssh
          services:
            values:
              - serviceRef: agent
              - serviceRef: sidecar
            metadata:
              parallel: false
          environmentGroup:
            envGroupRef: all_prod
            deployToAll: true
            metadata:
              parallel: true
          execution:
            steps:
              - step:
                  type: Command
                  name: Deploy
                  identifier: deploy
                  timeout: 10m
                  strategy:
                    repeat:
                      items: <+stage.output.hosts>
                      maxConcurrency: 1
                      start: 0
                      end: 100
                      unit: Percentage
                  spec:
                    onDelegate: false
                    environmentVariables: []
                    outputVariables: []
                    commandUnits:
                      - identifier: copy
                        name: Copy
                        type: Copy
                        spec:
                          sourceType: Artifact
                          destinationPath: /opt/agent
                      - identifier: run
                        name: Run
                        type: Script
                        spec:
                          shell: Bash
                          source:
                            type: Inline
                            spec:
                              script: ./start.sh
            rollbackSteps: []
        failureStrategies:
          - onFailure:
              errors:
                - AllErrors
              action:
                type: StageRollback
        when:
          pipelineStatus: All
`;
