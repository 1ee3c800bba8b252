// The stage node every stage type shares (identifier, name, when, strategy, …).
import { obj, oneOfValues, shared, typeConst } from '../build';
import {
  delegateSelectors,
  description,
  failureStrategies,
  identifier,
  name,
  tags,
  timeoutField,
  variables,
} from '../common';
import type { Definitions, JsonSchema } from '../types';

export interface StageOptions {
  required?: string[];
  closed?: boolean;
  /** Extra node-level keys (next to type and spec). */
  node?: Record<string, JsonSchema>;
  /** Extra required node-level keys. */
  nodeRequired?: string[];
}

export const stageDefinitionName = (type: string): string => `Stage_${type}`;

export function stage(
  defs: Definitions,
  type: string,
  summary: string,
  spec: Record<string, JsonSchema>,
  opts: StageOptions = {},
): void {
  const key = stageDefinitionName(type);
  if (defs[key]) throw new Error(`stage type ${type} defined twice`);
  defs[key] = obj(
    summary,
    {
      identifier: shared('StageIdentifier', () => identifier('stage')),
      name: shared('StageName', () => name('stage')),
      type: typeConst(type, 'Stage type.'),
      description: shared('StageDescription', () => description('stage')),
      tags: shared('StageTags', () => tags('stage')),
      variables: shared('StageVariables', () => variables('stage')),
      when: { $ref: '#/definitions/StageWhen' },
      strategy: { $ref: '#/definitions/Strategy' },
      failureStrategies: shared('StageFailureStrategies', () => failureStrategies('stage')),
      delegateSelectors: shared('DelegateSelectors', delegateSelectors),
      timeout: shared('StageTimeout', () => timeoutField('stage')),
      runMode: shared('StageRunMode', () =>
        obj(
          'Whether the stage starts on its own or waits to be started by hand.',
          { type: oneOfValues('Auto or Manual.', ['Auto', 'Manual']) },
          { required: ['type'], closed: true },
        ),
      ),
      ...opts.node,
      spec: obj(`Settings of the ${type} stage.`, spec, { required: opts.required, closed: opts.closed }),
    },
    { required: ['identifier', 'name', 'type', 'spec', ...(opts.nodeRequired ?? [])], closed: true },
  );
}
