// Skeleton text for a stage or step type: the fields its schema branch requires, as a snippet.
// Branch views are found by asking the schema about a tiny synthetic document, and kept by the
// compiled schema (memo), so a completion list of 200 step types costs the lookups once per schema.
import { failure, NO_LOG, type ServiceLog } from '../log';
import type { CompiledSchema, SchemaView } from '../schema/types';
import type { YamlPath } from '../yaml/locate';
import { parseYaml } from '../yaml/parse';

function stageDoc(type: string): string {
  return `pipeline:\n  stages:\n    - stage:\n        type: ${type}\n`;
}
function stepDoc(stageType: string, type: string): string {
  return (
    `pipeline:\n  stages:\n    - stage:\n        type: ${stageType}\n        spec:\n          execution:\n` +
    `            steps:\n              - step:\n                  type: ${type}\n`
  );
}
const STAGE_PATH = ['pipeline', 'stages', 0, 'stage'];
const STEP_PATH = ['pipeline', 'stages', 0, 'stage', 'spec', 'execution', 'steps', 0, 'step'];

/** The schema's view of a synthetic document, or undefined (logged) when the schema cannot say. */
function viewOf(
  schema: CompiledSchema,
  text: string,
  path: YamlPath,
  log: ServiceLog,
): SchemaView | undefined {
  try {
    return schema.viewAt(parseYaml(text), path);
  } catch (err) {
    log.debug(failure(`schema view at ${path.join('.')}`, err));
    return undefined;
  }
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}

class Counter {
  n = 1;
  next(): number {
    return this.n++;
  }
}

function fieldLines(
  view: SchemaView | undefined,
  exclude: Set<string>,
  depth: number,
  tab: Counter,
): string[] {
  if (!view) return [];
  const lines: string[] = [];
  for (const name of view.required) {
    if (exclude.has(name)) continue;
    const prop = view.properties.get(name)?.schema();
    const types = prop?.types ?? [];
    if (prop?.enum && prop.enum.length > 0 && prop.enum.length <= 30) {
      const choices = prop.enum.map((v) => escapeSnippet(String(v)).replace(/[,|]/g, (c) => `\\${c}`));
      lines.push(`${name}: \${${tab.next()}|${choices.join(',')}|}`);
    } else if (types.includes('object') && depth < 2 && prop && prop.required.length > 0) {
      lines.push(`${name}:`);
      for (const l of fieldLines(prop, new Set(), depth + 1, tab)) lines.push(`  ${l}`);
    } else if (types.includes('object') && !types.includes('string')) {
      lines.push(`${name}: {}`);
    } else if (types.includes('array') && !types.includes('string')) {
      lines.push(`${name}: []`);
    } else if (name === 'timeout') {
      lines.push(`${name}: \${${tab.next()}:10m}`);
    } else {
      lines.push(`${name}: \${${tab.next()}:${name === 'identifier' ? 'id' : name}}`);
    }
  }
  return lines;
}

/**
 * Snippet text to insert for `type: <value>`: the value, then the required fields of that
 * branch (relative to the `type:` line's indentation; the editor re-indents snippet lines).
 */
export function typeSkeleton(
  schema: CompiledSchema,
  kind: 'stage' | 'step',
  type: string,
  stageType: string,
  present: Iterable<string>,
  log: ServiceLog = NO_LOG,
): string {
  const lines = schema.memo(`typeSkeleton\u0000${kind}\u0000${stageType}\u0000${type}`, () => {
    const text = kind === 'stage' ? stageDoc(type) : stepDoc(stageType, type);
    const view = viewOf(schema, text, kind === 'stage' ? STAGE_PATH : STEP_PATH, log);
    return fieldLines(view, new Set(['type']), 0, new Counter()).join('\n');
  });
  const skip = new Set(present);
  // Drop top-level fields the user already wrote (with their nested lines).
  const out: string[] = [];
  let skipping = false;
  for (const l of lines ? lines.split('\n') : []) {
    if (!l.startsWith(' ')) skipping = skip.has(l.slice(0, l.indexOf(':')));
    if (!skipping) out.push(l);
  }
  return out.length ? `${escapeSnippet(type)}\n${out.join('\n')}` : escapeSnippet(type);
}

/**
 * Every `type` value of the stage or step union (for a step: inside a stage of `stageType`).
 * Asked of a synthetic entity without `type`, because once a document names a type the schema
 * view is that one branch.
 */
export function unionTypes(
  schema: CompiledSchema,
  kind: 'stage' | 'step',
  stageType: string,
  log: ServiceLog = NO_LOG,
): string[] {
  return schema.memo(`unionTypes\u0000${kind}\u0000${stageType}`, () => {
    const text =
      kind === 'stage'
        ? 'pipeline:\n  stages:\n    - stage:\n        name: x\n'
        : stepDoc(stageType, 'x').replace(/type: x\n$/, 'name: x\n');
    const view = viewOf(schema, text, kind === 'stage' ? STAGE_PATH : STEP_PATH, log);
    const typeEnum = view?.properties.get('type')?.schema()?.enum;
    return (view?.discriminator?.values ?? typeEnum ?? []).map(String);
  });
}
