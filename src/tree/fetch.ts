// One page of children per container kind: the only place the tree talks to the API.
import type { HarnessApi, PageRequest } from '../api/types';
import { executionChildren } from '../executions/rows';
import { inputSetNodes } from '../inputSets/rows';
import {
  nodeIds,
  type ConnectorsFolderNode,
  type ContainerNode,
  type ExecutionsFolderNode,
  type HarnessNode,
  type InputSetsFolderNode,
  type PipelinesFolderNode,
} from './nodes';

export interface FetchedPage {
  /** Children that are always there (folders), shown before the paged items; only on the first page. */
  fixed: HarnessNode[];
  items: HarnessNode[];
  hasMore: boolean;
  totalItems?: number;
}

function connectorsFolder(parent: HarnessNode, scope: ConnectorsFolderNode['scope']): ConnectorsFolderNode {
  return { kind: 'connectors', id: nodeIds.connectors(scope), parent, scope };
}

export async function fetchChildren(
  api: HarnessApi,
  node: ContainerNode,
  page: PageRequest,
  signal?: AbortSignal,
): Promise<FetchedPage> {
  const opts = signal ? { signal } : undefined;
  switch (node.kind) {
    case 'account': {
      const p = await api.listOrganizations(page, opts);
      return {
        fixed: [connectorsFolder(node, {})],
        items: p.items.map((org) => ({ kind: 'org', id: nodeIds.org(org.identifier), parent: node, org })),
        hasMore: p.hasMore,
        totalItems: p.totalItems,
      };
    }
    case 'org': {
      const orgIdentifier = node.org.identifier;
      const p = await api.listProjects(orgIdentifier, page, opts);
      return {
        fixed: [connectorsFolder(node, { orgIdentifier })],
        items: p.items.map((project) => ({
          kind: 'project',
          id: nodeIds.project({
            orgIdentifier: project.orgIdentifier || orgIdentifier,
            projectIdentifier: project.identifier,
          }),
          parent: node,
          project: { ...project, orgIdentifier: project.orgIdentifier || orgIdentifier },
        })),
        hasMore: p.hasMore,
        totalItems: p.totalItems,
      };
    }
    case 'project': {
      const scope = { orgIdentifier: node.project.orgIdentifier, projectIdentifier: node.project.identifier };
      const pipelines: PipelinesFolderNode = {
        kind: 'pipelines',
        id: nodeIds.pipelines(scope),
        parent: node,
        scope,
      };
      return { fixed: [pipelines, connectorsFolder(node, scope)], items: [], hasMore: false };
    }
    case 'pipelines': {
      const p = await api.listPipelines(node.scope, page, opts);
      return {
        fixed: [],
        items: p.items.map((pipeline) => ({
          kind: 'pipeline',
          id: nodeIds.pipeline(node.scope, pipeline.identifier),
          parent: node,
          scope: node.scope,
          pipeline,
        })),
        hasMore: p.hasMore,
        totalItems: p.totalItems,
      };
    }
    case 'pipeline': {
      const folder: ExecutionsFolderNode = {
        kind: 'executions',
        id: nodeIds.executions(node.scope, node.pipeline.identifier),
        parent: node,
        scope: node.scope,
        pipelineIdentifier: node.pipeline.identifier,
      };
      const inputSets: InputSetsFolderNode = {
        kind: 'inputSets',
        id: nodeIds.inputSets(node.scope, node.pipeline.identifier),
        parent: node,
        scope: node.scope,
        pipelineIdentifier: node.pipeline.identifier,
      };
      return { fixed: [folder, inputSets], items: [], hasMore: false };
    }
    case 'inputSets': {
      // Input sets and overlays together (the client asks for `inputSetType=ALL`).
      const p = await api.listInputSets(node.scope, node.pipelineIdentifier, page, opts);
      return { fixed: [], items: inputSetNodes(node, p.items), hasMore: p.hasMore, totalItems: p.totalItems };
    }
    case 'executions': {
      // Latest first: the order Harness's execution list shows (assumed to be its default sort,
      // start time descending; the client sends no `sort`).
      const p = await api.listExecutions(node.scope, node.pipelineIdentifier, page, opts);
      return {
        fixed: [],
        items: p.items.map((summary) => ({
          kind: 'execution',
          id: nodeIds.execution(summary.planExecutionId),
          parent: node,
          scope: node.scope,
          pipelineIdentifier: node.pipelineIdentifier,
          summary,
        })),
        hasMore: p.hasMore,
        totalItems: p.totalItems,
      };
    }
    case 'execution': {
      // Every stage's steps at once: expanding a stage then needs no request.
      const detail = await api.getExecutionDetail(
        node.scope,
        node.summary.planExecutionId,
        { fullGraph: true },
        opts,
      );
      node.summary = detail.summary;
      return { fixed: executionChildren(node, detail), items: [], hasMore: false };
    }
    case 'connectors': {
      const p = await api.listConnectors(node.scope, page, undefined, opts);
      return {
        fixed: [],
        items: p.items.map((connector) => ({
          kind: 'connector',
          id: nodeIds.connector(node.scope, connector.connector.identifier),
          parent: node,
          scope: node.scope,
          connector,
        })),
        hasMore: p.hasMore,
        totalItems: p.totalItems,
      };
    }
  }
}
