// The entities a document is checked against (the pipeline an input set targets, the input sets
// an overlay combines), asked of the client before validation and kept for a few seconds: a
// validation runs after every pause in typing, and the client's answer (a workspace search, an
// API call) should not run that often.
import type { YAMLMap } from 'yaml';
import type {
  FindPipelineParams,
  FindPipelineResult,
  ListInputSetsParams,
  ListInputSetsResult,
} from '../../shared/protocol';
import type { RelatedEntities } from '../engine';
import { parseYaml, type ParsedYaml } from '../yaml/parse';
import { isMap } from '../yaml/ast';
import { stringOf, valueOf, type YNode } from './nodes';
import type { CancellationToken } from 'vscode-languageserver';

/** The client's lookups; either may resolve to undefined when it cannot tell. */
export interface EntityProvider {
  findPipeline(
    params: FindPipelineParams,
    token?: CancellationToken,
  ): Promise<FindPipelineResult | undefined>;
  listInputSets(
    params: ListInputSetsParams,
    token?: CancellationToken,
  ): Promise<ListInputSetsResult | undefined>;
}

const TTL_MS = 10_000;
const MAX_ENTRIES = 64;

/** A plain string value (an expression is not an identifier yet). */
const field = (map: YNode, key: string): string | undefined => {
  const v = stringOf(map, key);
  return v !== undefined && !v.includes('<+') ? v : undefined;
};

export class RelatedEntityCache {
  private readonly answers = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly provider: EntityProvider,
    private readonly now: () => number = Date.now,
  ) {}

  /** What the document's kind is checked against, as far as the client could find it. */
  async forDocument(
    uri: string,
    parsed: ParsedYaml,
    token?: CancellationToken,
  ): Promise<RelatedEntities | undefined> {
    const root = parsed.doc?.contents;
    const entity = parsed.rootKey ? valueOf(root, parsed.rootKey) : undefined;
    const org = field(entity, 'orgIdentifier');
    const project = field(entity, 'projectIdentifier');
    const scope = {
      ...(org ? { orgIdentifier: org } : {}),
      ...(project ? { projectIdentifier: project } : {}),
    };
    if (parsed.rootKey === 'inputSet' || parsed.rootKey === 'trigger') {
      const identifier =
        parsed.rootKey === 'trigger'
          ? field(entity, 'pipelineIdentifier')
          : field(valueOf(entity, 'pipeline'), 'identifier');
      // A trigger is checked against its pipeline only through its inputYaml.
      if (!identifier || (parsed.rootKey === 'trigger' && !stringOf(entity, 'inputYaml')?.trim()))
        return undefined;
      const found = await this.ask(`p\u0000${identifier}\u0000${org}\u0000${project}`, () =>
        this.findPipeline({ uri, identifier, ...scope }, token),
      );
      return found ? { targetPipeline: found } : undefined;
    }
    if (parsed.rootKey === 'overlayInputSet') {
      const pipelineIdentifier = field(entity, 'pipelineIdentifier');
      if (!pipelineIdentifier) return undefined;
      const list = await this.ask(`i\u0000${pipelineIdentifier}\u0000${org}\u0000${project}`, () =>
        this.provider.listInputSets({ uri, pipelineIdentifier, ...scope }, token),
      );
      return list ? { inputSets: list } : undefined;
    }
    return undefined;
  }

  clear(): void {
    this.answers.clear();
  }

  private async findPipeline(params: FindPipelineParams, token?: CancellationToken) {
    const res = await this.provider.findPipeline(params, token);
    if (!res?.text) return undefined;
    const target = valueOf(parseYaml(res.text).doc?.contents, 'pipeline');
    return target && isMap(target as never)
      ? { pipeline: target as YAMLMap, from: res.from ?? 'the workspace' }
      : undefined;
  }

  /** One answer per key for TTL_MS (a failed lookup is not kept). */
  private async ask<T>(key: string, fetch: () => Promise<T | undefined>): Promise<T | undefined> {
    const hit = this.answers.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return (await hit.value) as T | undefined;
    const value = fetch();
    if (this.answers.size >= MAX_ENTRIES) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(key, { at: this.now(), value });
    try {
      return await value;
    } catch (err) {
      this.answers.delete(key);
      throw err;
    }
  }
}
