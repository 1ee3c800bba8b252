// YAML-schema endpoints: the pipeline service's (`/pipeline/api/yaml-schema`) and NG's
// (`/ng/api/yaml-schema`). They serve whatever schema the state holds.
import { requireQuery, type RequestContext } from '../context';
import { errorDto, ok, type Reply } from '../envelope';
import type { Router } from '../router';

function pipelineSchema(ctx: RequestContext): Reply {
  const entityType = requireQuery(ctx, 'entityType');
  if (entityType !== 'Pipelines') {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `The simulator serves no schema for entityType ${entityType}`,
      ctx.correlationId,
    );
  }
  return ok(ctx.state.pipelineSchema, ctx.correlationId);
}

function ngSchema(ctx: RequestContext): Reply {
  const entityType = requireQuery(ctx, 'entityType');
  if (entityType !== 'Connectors') {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      `The simulator serves no schema for entityType ${entityType}`,
      ctx.correlationId,
    );
  }
  return ok(ctx.state.connectorSchema, ctx.correlationId);
}

export function registerSchemaRoutes(router: Router): void {
  router.add('GET', '/pipeline/api/yaml-schema', pipelineSchema).add('GET', '/ng/api/yaml-schema', ngSchema);
}
