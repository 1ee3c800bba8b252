// Generates realistic Harness pipelines of a given size for benchmarks: CI, Deployment and
// Custom stages with steps, step groups, parallel blocks, failure strategies, conditions,
// looping strategies, expressions and runtime inputs. Our own text; deterministic.

function ciStage(i) {
  return `    - stage:
        name: Build ${i}
        identifier: build_${i}
        description: Builds and tests service ${i}
        type: CI
        spec:
          cloneCodebase: true
          platform:
            os: Linux
            arch: Amd64
          runtime:
            type: Cloud
            spec: {}
          caching:
            enabled: true
          sharedPaths:
            - /var/run
          execution:
            steps:
              - step:
                  type: Run
                  name: Install ${i}
                  identifier: install_${i}
                  spec:
                    shell: Sh
                    command: |-
                      npm ci
                      echo "<+pipeline.variables.greeting> from <+stage.name>"
                    envVariables:
                      STAGE: <+stage.identifier>
                      REGION: <+pipeline.variables.region>
              - parallel:
                  - step:
                      type: Run
                      name: Unit tests ${i}
                      identifier: unit_${i}
                      spec:
                        shell: Bash
                        command: npm test -- --shard=1
                        reports:
                          type: JUnit
                          spec:
                            paths:
                              - reports/junit.xml
                  - step:
                      type: Run
                      name: Lint ${i}
                      identifier: lint_${i}
                      spec:
                        shell: Bash
                        command: npm run lint
              - step:
                  type: BuildAndPushDockerRegistry
                  name: Push image ${i}
                  identifier: push_${i}
                  spec:
                    connectorRef: account.dockerhub
                    repo: acme/service-${i}
                    tags:
                      - <+pipeline.sequenceId>
                      - latest
`;
}

function deployStage(i) {
  return `    - stage:
        name: Deploy ${i}
        identifier: deploy_${i}
        description: Rolls out service ${i}
        type: Deployment
        spec:
          deploymentType: Kubernetes
          service:
            serviceRef: service_${i}
          environment:
            environmentRef: <+input>
            deployToAll: false
            infrastructureDefinitions:
              - identifier: k8s_${i}
          execution:
            steps:
              - stepGroup:
                  name: Canary ${i}
                  identifier: canary_${i}
                  steps:
                    - step:
                        type: K8sCanaryDeploy
                        name: Canary deploy ${i}
                        identifier: canary_deploy_${i}
                        timeout: 10m
                        spec:
                          instanceSelection:
                            type: Count
                            spec:
                              count: 1
                          skipDryRun: false
                    - step:
                        type: K8sCanaryDelete
                        name: Canary delete ${i}
                        identifier: canary_delete_${i}
                        timeout: 10m
                        spec: {}
              - step:
                  type: K8sRollingDeploy
                  name: Rolling ${i}
                  identifier: rolling_${i}
                  timeout: 10m
                  spec:
                    skipDryRun: false
                    pruningEnabled: false
              - step:
                  type: ShellScript
                  name: Smoke test ${i}
                  identifier: smoke_${i}
                  timeout: 5m
                  when:
                    stageStatus: Success
                    condition: <+pipeline.variables.run_smoke> == "yes"
                  spec:
                    shell: Bash
                    onDelegate: true
                    source:
                      type: Inline
                      spec:
                        script: curl -fsS https://svc-${i}.example.internal/health
                    environmentVariables: []
                    outputVariables:
                      - name: status
                        type: String
                        value: STATUS
            rollbackSteps:
              - step:
                  type: K8sRollingRollback
                  name: Rollback ${i}
                  identifier: rollback_${i}
                  timeout: 10m
                  spec: {}
        failureStrategies:
          - onFailure:
              errors:
                - AllErrors
              action:
                type: StageRollback
        when:
          pipelineStatus: Success
`;
}

function customStage(i) {
  return `    - stage:
        name: Report ${i}
        identifier: report_${i}
        type: Custom
        variables:
          - name: channel
            type: String
            value: <+input>.default(builds).allowedValues(builds,releases)
        spec:
          execution:
            steps:
              - step:
                  type: ShellScript
                  name: Notify ${i}
                  identifier: notify_${i}
                  timeout: 1h 30m
                  strategy:
                    matrix:
                      target:
                        - slack
                        - email
                      maxConcurrency: 2
                  spec:
                    shell: Bash
                    onDelegate: true
                    source:
                      type: Inline
                      spec:
                        script: echo "<+stage.variables.channel> <+matrix.target> <+steps.wait_${i}.status>"
                    environmentVariables: []
                    outputVariables: []
              - step:
                  type: Wait
                  name: Wait ${i}
                  identifier: wait_${i}
                  spec:
                    duration: 1m
              - step:
                  type: Http
                  name: Ping ${i}
                  identifier: ping_${i}
                  timeout: 30s
                  spec:
                    url: https://status.example.internal/ping
                    method: GET
                    headers: []
                    outputVariables: []
        failureStrategies:
          - onFailure:
              errors:
                - Timeout
              action:
                type: Retry
                spec:
                  retryCount: 2
                  retryIntervals:
                    - 10s
                  onRetryFailure:
                    action:
                      type: MarkAsFailure
`;
}

const HEADER = `pipeline:
  name: Benchmark Pipeline
  identifier: benchmark_pipeline
  projectIdentifier: demo_project
  orgIdentifier: default
  tags:
    team: platform
  properties:
    ci:
      codebase:
        connectorRef: account.github
        repoName: acme/monorepo
        build: <+input>
  variables:
    - name: greeting
      type: String
      value: hello
    - name: region
      type: String
      value: <+input>.default(eu-west-1).allowedValues(eu-west-1,us-east-1)
    - name: run_smoke
      type: String
      value: "yes"
  stages:
`;

/** A pipeline of about `targetLines` lines (never fewer than one stage of each kind). */
export function generatePipeline(targetLines) {
  const parts = [HEADER];
  let lines = HEADER.split('\n').length - 1;
  const makers = [ciStage, deployStage, customStage];
  for (let i = 0; lines < targetLines || i < 3; i++) {
    const s = makers[i % 3](i);
    parts.push(s);
    lines += s.split('\n').length - 1;
  }
  return parts.join('');
}
