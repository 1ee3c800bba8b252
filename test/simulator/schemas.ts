// The simulator's own small JSON Schemas (draft-07), served by the yaml-schema endpoints unless a
// test installs another one with setPipelineSchema. Written for this project: they cover the
// subset of v0 pipeline YAML the simulator generates, not the published Harness schema.

const IDENTIFIER = { type: 'string', pattern: '^[a-zA-Z_][0-9a-zA-Z_]{0,127}$' };
const NAME = { type: 'string', pattern: '^[a-zA-Z_0-9-.][-0-9a-zA-Z_\\s.]{0,127}$' };
const RUNTIME_INPUT = { type: 'string', pattern: '^<\\+input>.*$' };
const TIMEOUT = { type: 'string', pattern: '^([1-9][0-9]*[smhdw])( ?[1-9][0-9]*[smhdw])*$|^<\\+.+>.*$' };

export function defaultPipelineSchema(): Record<string, unknown> {
  const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'harness-simulator/pipeline.json',
    title: 'Harness pipeline (simulator subset)',
    type: 'object',
    required: ['pipeline'],
    properties: { pipeline: ref('Pipeline') },
    definitions: {
      Pipeline: {
        type: 'object',
        required: ['name', 'identifier'],
        additionalProperties: false,
        properties: {
          name: NAME,
          identifier: IDENTIFIER,
          orgIdentifier: { type: 'string' },
          projectIdentifier: { type: 'string' },
          description: { type: 'string' },
          tags: { type: 'object', additionalProperties: { type: 'string' } },
          timeout: TIMEOUT,
          properties: { type: 'object' },
          variables: { type: 'array', items: ref('Variable') },
          stages: { type: 'array', items: ref('StageWrapper') },
        },
      },
      Variable: {
        type: 'object',
        required: ['name', 'type'],
        properties: {
          name: { type: 'string', pattern: '^[a-zA-Z_][0-9a-zA-Z_.$-]{0,127}$' },
          type: { enum: ['String', 'Number', 'Secret'] },
          value: { type: ['string', 'number'] },
          description: { type: 'string' },
          required: { type: 'boolean' },
        },
      },
      StageWrapper: {
        type: 'object',
        oneOf: [
          { required: ['stage'], additionalProperties: false, properties: { stage: ref('Stage') } },
          {
            required: ['parallel'],
            additionalProperties: false,
            properties: {
              parallel: {
                type: 'array',
                items: { type: 'object', required: ['stage'], properties: { stage: ref('Stage') } },
              },
            },
          },
        ],
      },
      Stage: {
        type: 'object',
        required: ['name', 'identifier', 'type'],
        properties: {
          name: NAME,
          identifier: IDENTIFIER,
          description: { type: 'string' },
          type: { enum: ['CI', 'Deployment', 'Approval', 'Custom'] },
          spec: ref('StageSpec'),
          failureStrategies: { oneOf: [{ type: 'array', items: ref('FailureStrategy') }, RUNTIME_INPUT] },
          when: {
            type: 'object',
            required: ['pipelineStatus'],
            properties: {
              pipelineStatus: { enum: ['Success', 'Failure', 'All'] },
              condition: { type: 'string' },
            },
          },
          variables: { type: 'array', items: ref('Variable') },
        },
        allOf: [
          {
            if: { properties: { type: { const: 'Deployment' } } },
            then: { required: ['failureStrategies'] },
          },
        ],
      },
      StageSpec: {
        type: 'object',
        properties: { execution: ref('Execution') },
      },
      Execution: {
        type: 'object',
        required: ['steps'],
        properties: {
          steps: { type: 'array', items: ref('StepWrapper') },
          rollbackSteps: { type: 'array', items: ref('StepWrapper') },
        },
      },
      StepWrapper: {
        type: 'object',
        oneOf: [
          { required: ['step'], additionalProperties: false, properties: { step: ref('Step') } },
          {
            required: ['parallel'],
            additionalProperties: false,
            properties: { parallel: { type: 'array', items: ref('StepWrapper') } },
          },
          {
            required: ['stepGroup'],
            additionalProperties: false,
            properties: {
              stepGroup: {
                type: 'object',
                required: ['name', 'identifier', 'steps'],
                properties: {
                  name: NAME,
                  identifier: IDENTIFIER,
                  steps: { type: 'array', items: ref('StepWrapper') },
                },
              },
            },
          },
        ],
      },
      Step: {
        type: 'object',
        required: ['type', 'name', 'identifier'],
        properties: {
          type: {
            enum: [
              'Run',
              'ShellScript',
              'Http',
              'Wait',
              'HarnessApproval',
              'K8sRollingDeploy',
              'K8sRollingRollback',
              'BuildAndPushDockerRegistry',
            ],
          },
          name: NAME,
          identifier: IDENTIFIER,
          timeout: TIMEOUT,
          spec: { type: 'object' },
          failureStrategies: { oneOf: [{ type: 'array', items: ref('FailureStrategy') }, RUNTIME_INPUT] },
          when: {
            type: 'object',
            required: ['stageStatus'],
            properties: {
              stageStatus: { enum: ['Success', 'Failure', 'All'] },
              condition: { type: 'string' },
            },
          },
        },
        allOf: [
          {
            if: { properties: { type: { const: 'Run' } } },
            then: { properties: { spec: { type: 'object', required: ['command'] } } },
          },
        ],
      },
      FailureStrategy: {
        type: 'object',
        required: ['onFailure'],
        properties: {
          onFailure: {
            type: 'object',
            required: ['errors', 'action'],
            properties: {
              errors: {
                type: 'array',
                items: {
                  enum: [
                    'AllErrors',
                    'Unknown',
                    'Authentication',
                    'Connectivity',
                    'Timeout',
                    'Authorization',
                    'Verification',
                  ],
                },
              },
              action: {
                type: 'object',
                required: ['type'],
                properties: {
                  type: {
                    enum: [
                      'Ignore',
                      'Retry',
                      'MarkAsSuccess',
                      'Abort',
                      'StageRollback',
                      'PipelineRollback',
                      'ManualIntervention',
                      'MarkAsFailure',
                    ],
                  },
                  spec: { type: 'object' },
                },
              },
            },
          },
        },
      },
    },
  };
}

export function defaultConnectorSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'harness-simulator/connector.json',
    title: 'Harness connector (simulator subset)',
    type: 'object',
    properties: { connector: { $ref: '#/definitions/ConnectorInfoDTO' } },
    definitions: {
      ConnectorInfoDTO: {
        type: 'object',
        required: ['name', 'identifier', 'type', 'spec'],
        properties: {
          name: { type: 'string', maxLength: 64 },
          identifier: { type: 'string', pattern: '^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$' },
          description: { type: 'string' },
          orgIdentifier: { type: 'string' },
          projectIdentifier: { type: 'string' },
          tags: { type: 'object', additionalProperties: { type: 'string' } },
          type: {
            enum: [
              'Github',
              'Git',
              'Gitlab',
              'Bitbucket',
              'DockerRegistry',
              'K8sCluster',
              'Aws',
              'Gcp',
              'Azure',
            ],
          },
          spec: { type: 'object' },
        },
      },
    },
  };
}
