// The bundled Harness pipeline schema (our own work): one draft-07 object assembled from the
// modules beside this file, with flat `definitions`.
import { approvalDefinitions, approvalStepDefinitions } from './steps/approval';
import { cdStepDefinitions } from './steps/cd';
import { ciDefinitions, ciStepDefinitions } from './steps/ci';
import { commonStepDefinitions } from './steps/common';
import { platformStepDefinitions } from './steps/platforms';
import { securityStepDefinitions } from './steps/security';
import { moreStepDefinitions } from './steps/more';
import { commonDefinitions } from './common';
import { executionDefinitions } from './execution';
import { pipelineDefinitions, rootProperties } from './pipeline';
import { templateDefinitions } from './templates';
import { ciStageDefinitions } from './stages/ci';
import { deploymentDefinitions, deploymentStageDefinitions } from './stages/deployment';
import { otherStageDefinitions, stageUnionDefinitions } from './stages/others';
import { withSharedDefinitions } from './build';
import { connectorDefinitions } from './entities/connector';
import { environmentDefinitions } from './entities/environment';
import { infrastructureDefinitions } from './entities/infrastructure';
import { secretDefinitions } from './entities/secret';
import { serviceDefinitions } from './entities/service';
import { triggerDefinitions } from './entities/trigger';
import type { Definitions, JsonSchema } from './types';

export type { JsonSchema } from './types';

function merge(...parts: Definitions[]): Definitions {
  const out: Definitions = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      if (out[k]) throw new Error(`definition ${k} declared twice`);
      out[k] = v;
    }
  }
  return out;
}

const stepDefinitions = merge(
  commonStepDefinitions,
  ciStepDefinitions,
  cdStepDefinitions,
  approvalStepDefinitions,
  platformStepDefinitions,
  securityStepDefinitions,
  moreStepDefinitions,
);
const stageDefinitions = merge(deploymentStageDefinitions, ciStageDefinitions, otherStageDefinitions);
const executionDefs = executionDefinitions(stepDefinitions);

/** The `type` values a step or stage definition takes: its const, or every value of a family's enum. */
const typeValues = (defs: Definitions): string[] =>
  Object.values(defs).flatMap((d) => {
    const t = d.properties?.type;
    return t?.const !== undefined ? [String(t.const)] : (t?.enum ?? []).map(String);
  });

/** Step types the bundled schema knows, in declaration order. */
export const bundledStepTypes: string[] = typeValues(stepDefinitions);
/** Stage types the bundled schema knows. */
export const bundledStageTypes: string[] = Object.keys(stageDefinitions).map((k) => k.slice('Stage_'.length));

export const bundledPipelineSchema: JsonSchema = withSharedDefinitions({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'harness-vscode:bundled-pipeline-schema',
  title: 'Harness pipeline YAML (bundled)',
  description:
    'A Harness YAML file: a pipeline, template, input set, overlay input set, trigger, service, environment, infrastructure definition, connector or secret.',
  type: 'object',
  // Harness's schema generator declares a free `description` on every object it emits (a node,
  // a failure strategy, a steps entry …), so Harness accepts one anywhere.
  'x-harness-any-object-keys': ['description'],
  properties: rootProperties,
  definitions: merge(
    commonDefinitions,
    ciDefinitions,
    approvalDefinitions,
    deploymentDefinitions,
    stepDefinitions,
    executionDefs,
    stageDefinitions,
    stageUnionDefinitions(stageDefinitions),
    pipelineDefinitions,
    templateDefinitions(executionDefs.StepGroup),
    triggerDefinitions,
    serviceDefinitions,
    environmentDefinitions,
    infrastructureDefinitions,
    connectorDefinitions,
    secretDefinitions,
  ),
});
