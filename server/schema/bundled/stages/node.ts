// The stage node every stage type shares (identifier, name, when, strategy, …).
import { anyValue, obj, oneOfValues, shared, str, typeConst } from '../build';
import {
  delegateSelectors,
  skipCondition,
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

/**
 * The keys every stage has next to `type` and `spec`, in the order completion lists them: a
 * stage of a known type and a stage of a type the bundled schema does not know both check these.
 */
const stageNodeFields = (type: JsonSchema): Record<string, JsonSchema> => ({
  identifier: shared('StageIdentifier', () => identifier('stage')),
  name: shared('StageName', () => name('stage')),
  type,
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
      {
        type: oneOfValues('Auto or Manual.', ['Auto', 'Manual']),
        timeout: timeoutField('wait for a manual start'),
      },
      { required: ['type'], closed: true },
    ),
  ),
  skipCondition: skipCondition(),
});

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
      ...stageNodeFields(typeConst(type, 'Stage type.')),
      ...opts.node,
      spec: obj(`Settings of the ${type} stage.`, spec, { required: opts.required, closed: opts.closed }),
    },
    { required: ['identifier', 'name', 'type', 'spec', ...(opts.nodeRequired ?? [])], closed: true },
  );
}

/**
 * Node-level keys that only some stage types have (Deployment `skipInstances` …): the keys of
 * the given stage definitions beyond the shared node keys and `spec`, first definition first.
 */
function nodeExtras(stageDefinitions: Definitions): Record<string, JsonSchema> {
  const common = new Set([...Object.keys(stageNodeFields(str(''))), 'spec']);
  const extras: Record<string, JsonSchema> = {};
  for (const def of Object.values(stageDefinitions))
    for (const [k, v] of Object.entries(def.properties ?? {})) if (!common.has(k)) extras[k] ??= v;
  return extras;
}

/**
 * A stage whose type the bundled schema does not know: the keys every stage has (those of
 * `stageDefinitions`) are checked as for any stage, its spec is not.
 */
export const unknownTypeStage = (stageDefinitions: Definitions): JsonSchema =>
  obj(
    'A stage of a type the bundled schema does not know: the keys every stage has are checked, its spec is not.',
    {
      ...stageNodeFields(str('Stage type.')),
      ...nodeExtras(stageDefinitions),
      spec: anyValue(
        'Settings of the stage; not checked, since the bundled schema does not know this stage type.',
      ),
    },
    { required: ['identifier', 'name', 'type'], closed: true },
  );
