// Completion at a cursor: keys valid there (required first, present ones excluded), enum
// values (stage/step `type` values insert their required fields), structural snippets,
// expression completion, and live account references through the client.
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  InsertTextFormat,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import { REFERENCE_KEYS, type ListReferencesParams, type ReferenceItem } from '../../shared/protocol';
import { failure, NO_LOG, type ServiceLog } from '../log';
import type { CompiledSchema, SchemaView } from '../schema/types';
import { locate, type YamlLocation, type YamlPath } from '../yaml/locate';
import type { ParsedYaml } from '../yaml/types';
import { expressionCompletions } from './expressionCompletion';
import { outlineOf, stageAt } from './outline';
import { scopeOfRef } from './scope';
import { typeSkeleton, unionTypes } from './skeletons';
import { structuralSnippets } from './snippets';

export interface CompletionDeps {
  parsed: ParsedYaml;
  schema: CompiledSchema | undefined;
  offset: number;
  /** Live identifiers from the signed-in account (asked of the client); absent = none. */
  listReferences?: (params: ListReferencesParams) => Promise<ReferenceItem[]>;
  /** Where failures completion survives are reported (debug level). */
  log?: ServiceLog;
}

/** Upper bound on items per list: the client filters, we keep responses small. */
export const MAX_COMPLETIONS = 300;

function safeView(deps: CompletionDeps, path: YamlPath): SchemaView | undefined {
  if (!deps.schema) return undefined;
  try {
    return deps.schema.viewAt(deps.parsed, path);
  } catch (err) {
    (deps.log ?? NO_LOG).debug(failure(`completion: schema view at ${path.join('.')}`, err));
    return undefined;
  }
}

function typeLabel(view: SchemaView | undefined): string | undefined {
  if (!view) return undefined;
  if (view.enum && view.enum.length <= 8) return view.enum.map((v) => JSON.stringify(v)).join(' | ');
  return view.types.join(' | ') || undefined;
}

function keyInsert(name: string, view: SchemaView | undefined): string {
  const types = view?.types ?? [];
  if (types.length === 1 && types[0] === 'object') return `${name}:\n  $0`;
  if (types.length === 1 && types[0] === 'array') return `${name}:\n  - $0`;
  return `${name}: $0`;
}

function keyCompletions(deps: CompletionDeps, loc: YamlLocation, range: Range | undefined): CompletionItem[] {
  const view = safeView(deps, loc.path);
  const items: CompletionItem[] = [];
  const present = new Set(loc.presentKeys);
  if (view) {
    const required = new Set(view.required);
    for (const [name, prop] of view.properties) {
      if (present.has(name) && name !== loc.prefix) continue;
      let propView: SchemaView | undefined;
      try {
        propView = prop.schema();
      } catch (err) {
        (deps.log ?? NO_LOG).debug(failure(`completion: schema of ${name}`, err));
        propView = undefined;
      }
      const insert = keyInsert(name, propView);
      const isRequired = required.has(name) || prop.required;
      items.push({
        label: name,
        kind: CompletionItemKind.Property,
        detail:
          [isRequired ? 'required' : undefined, typeLabel(propView)].filter(Boolean).join(' · ') || undefined,
        documentation: prop.description ?? propView?.description,
        sortText: `${isRequired ? '0' : '1'}${name}`,
        insertTextFormat: InsertTextFormat.Snippet,
        ...(range ? { textEdit: TextEdit.replace(range, insert) } : { insertText: insert }),
      });
      if (items.length >= MAX_COMPLETIONS) break;
    }
  }
  // Snippets when the cursor is in an item of stages / steps / failureStrategies.
  const path = loc.path;
  const last = path[path.length - 1];
  const listKey = typeof last === 'number' ? path[path.length - 2] : last;
  if (typeof listKey === 'string') items.push(...structuralSnippets(listKey));
  return items;
}

function parentKind(deps: CompletionDeps, loc: YamlLocation): { view?: SchemaView; kind?: 'stage' | 'step' } {
  const parentPath = loc.path.slice(0, -1);
  const view = safeView(deps, parentPath);
  const parentKey = parentPath[parentPath.length - 1];
  const kind =
    view?.kind === 'stage' || parentKey === 'stage'
      ? 'stage'
      : view?.kind === 'step' || parentKey === 'step'
        ? 'step'
        : undefined;
  return { view, kind };
}

async function valueCompletions(
  deps: CompletionDeps,
  loc: YamlLocation,
  range: Range | undefined,
): Promise<CompletionItem[]> {
  const key = loc.path[loc.path.length - 1];
  const items: CompletionItem[] = [];
  const edit = (text: string) => (range ? { textEdit: TextEdit.replace(range, text) } : { insertText: text });
  if (typeof key === 'string' && REFERENCE_KEYS[key] && deps.listReferences) {
    const { scope } = scopeOfRef(loc.prefix, deps.parsed.doc);
    try {
      const refs = await deps.listReferences({ kind: REFERENCE_KEYS[key], scope, prefix: loc.prefix });
      for (const r of refs.slice(0, MAX_COMPLETIONS)) {
        items.push({
          label: r.ref,
          kind: CompletionItemKind.Reference,
          detail: [r.name, r.detail].filter(Boolean).join(' · ') || undefined,
          ...edit(r.ref),
        });
      }
    } catch (err) {
      // Live data is a bonus: no items rather than an error.
      (deps.log ?? NO_LOG).debug(failure(`completion: listing ${REFERENCE_KEYS[key]} references`, err));
    }
    for (const p of ['account.', 'org.']) {
      if (!loc.prefix.startsWith(p))
        items.push({
          label: p,
          kind: CompletionItemKind.Module,
          detail: `${p.slice(0, -1)}-level ${REFERENCE_KEYS[key]}`,
          sortText: `~${p}`,
          ...edit(p),
          command: { title: 'suggest', command: 'editor.action.triggerSuggest' },
        });
    }
  }
  const view = safeView(deps, loc.path);
  const parent = key === 'type' ? parentKind(deps, loc) : {};
  // A `type` already written selects one branch whose enum is just that value: offer every
  // value of the union instead.
  const present = loc.parentMap ? loc.presentKeys.filter((k) => k !== 'type') : [];
  const stageType =
    parent.kind === 'step' ? (stageAt(outlineOf(deps.parsed), deps.offset)?.type ?? 'Custom') : '';
  const union = parent.kind && deps.schema ? unionTypes(deps.schema, parent.kind, stageType, deps.log) : [];
  const values: unknown[] =
    parent.view?.discriminator?.values ?? (union.length ? union : undefined) ?? view?.enum ?? [];
  for (const v of values.slice(0, MAX_COMPLETIONS)) {
    if (v === null || typeof v === 'object') continue;
    const label = String(v);
    let insert = label;
    let format: InsertTextFormat = InsertTextFormat.PlainText;
    if (parent.kind && deps.schema) {
      insert = typeSkeleton(deps.schema, parent.kind, label, stageType, present, deps.log);
      format = InsertTextFormat.Snippet;
    }
    items.push({
      label,
      kind: CompletionItemKind.EnumMember,
      detail: parent.kind ? `${parent.kind} type` : undefined,
      insertTextFormat: format,
      ...edit(insert),
    });
  }
  if (view && values.length === 0 && view.types.includes('boolean')) {
    for (const b of ['true', 'false']) items.push({ label: b, kind: CompletionItemKind.Value, ...edit(b) });
  }
  if (view) {
    items.push({
      label: '<+input>',
      kind: CompletionItemKind.Value,
      detail: 'Runtime input: asked for when the pipeline runs',
      sortText: '~input',
      ...edit('<+input>'),
    });
  }
  return items;
}

/** The range to replace: the word being typed, ending at the cursor. */
function wordRange(deps: CompletionDeps, loc: YamlLocation): Range | undefined {
  const end = deps.parsed.lines.positionAt(deps.offset);
  const start = deps.parsed.lines.positionAt(deps.offset - loc.prefix.length);
  return Range.create(start, end);
}

export async function complete(deps: CompletionDeps): Promise<CompletionList> {
  const { parsed, offset } = deps;
  const expr = expressionCompletions(parsed, offset);
  if (expr) return CompletionList.create(expr, false);
  const loc = locate(parsed, offset);
  if (loc.expression) return CompletionList.create([], false);
  const range = wordRange(deps, loc);
  const items = loc.inKey ? keyCompletions(deps, loc, range) : await valueCompletions(deps, loc, range);
  const key = loc.path[loc.path.length - 1];
  // Live references depend on what is typed: ask again as the prefix grows.
  const incomplete = !loc.inKey && typeof key === 'string' && !!REFERENCE_KEYS[key];
  return CompletionList.create(items.slice(0, MAX_COMPLETIONS), incomplete);
}
