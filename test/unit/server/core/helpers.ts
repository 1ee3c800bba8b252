// Shared helpers for the engine's unit tests: documents from lines, what a diagnostic's range
// covers, and a small schema of our own that exercises the compiler.
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseYaml } from '../../../../server/yaml/parse';
import { compileSchema } from '../../../../server/schema/index';
import { validateParsed } from '../../../../server/engine';

export const doc = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** The head of a test pipeline, up to `stages:`. */
export const pipelineHead = ['pipeline:', '  name: P', '  identifier: p', '  stages:'];
/** A test pipeline with one Custom stage whose steps are `lines` (indented for `steps:`). */
export const customStage = (...lines: string[]): string[] => [
  ...pipelineHead,
  '    - stage:',
  '        name: S',
  '        identifier: s',
  '        type: Custom',
  '        spec:',
  '          execution:',
  '            steps:',
  ...lines,
];

/** The text a diagnostic's range covers, and its 1-based line. */
export function covered(text: string, d: Diagnostic): { text: string; line: number } {
  const p = parseYaml(text);
  return {
    text: text.slice(p.lines.offsetAt(d.range.start), p.lines.offsetAt(d.range.end)),
    line: d.range.start.line + 1,
  };
}

export function validateWith(schema: unknown, text: string): Diagnostic[] {
  return validateParsed(parseYaml(text), compileSchema(schema, 'file'));
}

const step = (type: string, spec: Record<string, unknown>) => ({
  type: 'object',
  required: ['identifier', 'name', 'type'],
  additionalProperties: false,
  properties: {
    identifier: { type: 'string' },
    name: { type: 'string' },
    type: { const: type },
    timeout: { type: 'string' },
    when: { $ref: '#/definitions/common/when' },
    strategy: { type: 'object' },
    spec: { type: 'object', additionalProperties: false, properties: spec },
  },
});

/** A small pipeline schema in the bundled schema's conventions, with nested definitions. */
export const testSchema = {
  type: 'object',
  properties: { pipeline: { $ref: '#/definitions/pipeline' } },
  required: ['pipeline'],
  definitions: {
    pipeline: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'identifier'],
      properties: {
        name: { type: 'string', description: 'Pipeline name' },
        identifier: { type: 'string' },
        projectIdentifier: { type: 'string' },
        orgIdentifier: { type: 'string' },
        timeout: { type: 'string', 'x-harness-format': 'timeout' },
        tags: { type: 'object', additionalProperties: { type: 'string' } },
        variables: { type: 'array', items: { $ref: '#/definitions/common/variable' } },
        stages: { type: 'array', minItems: 1, items: { $ref: '#/definitions/stages/wrapper' } },
      },
    },
    common: {
      variable: {
        type: 'object',
        required: ['name', 'type'],
        properties: { name: { type: 'string' }, type: { enum: ['String', 'Number', 'Secret'] }, value: {} },
      },
      when: {
        type: 'object',
        properties: {
          pipelineStatus: { enum: ['Success', 'Failure', 'All'] },
          stageStatus: { enum: ['Success', 'Failure', 'All'] },
          condition: { type: 'string' },
        },
        additionalProperties: false,
      },
      retries: { type: 'integer', minimum: 0, maximum: 10 },
    },
    stages: {
      wrapper: {
        type: 'object',
        additionalProperties: false,
        properties: {
          stage: { $ref: '#/definitions/stages/stage' },
          parallel: { type: 'array', items: { $ref: '#/definitions/stages/wrapper' } },
        },
      },
      stage: {
        'x-harness-discriminator': 'type',
        'x-harness-kind': 'stage',
        oneOf: [{ $ref: '#/definitions/stages/cd/Deployment' }, { $ref: '#/definitions/stages/Custom' }],
      },
      cd: {
        Deployment: {
          type: 'object',
          required: ['name', 'identifier', 'type', 'spec'],
          additionalProperties: false,
          properties: {
            name: { type: 'string' },
            identifier: { type: 'string' },
            type: { const: 'Deployment' },
            failureStrategies: { type: 'array' },
            variables: { type: 'array', items: { $ref: '#/definitions/common/variable' } },
            when: { $ref: '#/definitions/common/when' },
            spec: { $ref: '#/definitions/stages/spec' },
          },
        },
      },
      Custom: {
        type: 'object',
        required: ['name', 'identifier', 'type'],
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          identifier: { type: 'string' },
          type: { const: 'Custom' },
          variables: { type: 'array', items: { $ref: '#/definitions/common/variable' } },
          spec: { $ref: '#/definitions/stages/spec' },
        },
      },
      spec: {
        type: 'object',
        properties: {
          execution: {
            type: 'object',
            additionalProperties: false,
            properties: {
              steps: { type: 'array', items: { $ref: '#/definitions/steps/wrapper' } },
              rollbackSteps: { type: 'array', items: { $ref: '#/definitions/steps/wrapper' } },
            },
          },
        },
      },
    },
    steps: {
      wrapper: {
        type: 'object',
        additionalProperties: false,
        properties: {
          step: { $ref: '#/definitions/steps/step' },
          parallel: { type: 'array', items: { $ref: '#/definitions/steps/wrapper' } },
          stepGroup: {
            type: 'object',
            required: ['identifier', 'name'],
            properties: {
              identifier: { type: 'string' },
              name: { type: 'string' },
              steps: { type: 'array', items: { $ref: '#/definitions/steps/wrapper' } },
            },
          },
        },
      },
      step: {
        'x-harness-discriminator': 'type',
        'x-harness-kind': 'step',
        'x-harness-unknown': 'warning',
        oneOf: [
          step('ShellScript', {
            shell: { enum: ['Bash', 'PowerShell'] },
            script: { type: 'string' },
            retries: { $ref: '#/definitions/common/retries' },
          }),
          step('Wait', { duration: { type: 'string' } }),
        ],
      },
    },
  },
};
