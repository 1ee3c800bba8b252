// Hover: keys (description, type, required), enum values (what the chosen type is),
// expressions (what they refer to; runtime-input methods explained) and live references
// (connector type and status, asked of the client).
import { isScalar } from 'yaml';
import { Hover, MarkupKind, Range } from 'vscode-languageserver-types';
import { REFERENCE_KEYS, type ReferenceQuery, type ReferenceStatus } from '../../shared/protocol';
import { failure, NO_LOG, type ServiceLog } from '../log';
import type { CompiledSchema, SchemaView } from '../schema/types';
import { locate } from '../yaml/locate';
import type { ParsedYaml } from '../yaml/types';
import { definitionTarget } from './definition';
import { INPUT_METHODS } from './expressionCompletion';
import { expressionAt } from './expressionAt';
import { outlineOf, stageAt, walkEntities } from './outline';
import { scopeOfRef } from './scope';

export interface HoverDeps {
  parsed: ParsedYaml;
  schema: CompiledSchema | undefined;
  offset: number;
  resolveReference?: (query: ReferenceQuery) => Promise<ReferenceStatus | undefined>;
  /** Where failures hover survives are reported (debug level). */
  log?: ServiceLog;
}

function safeView(deps: HoverDeps, path: (string | number)[]): SchemaView | undefined {
  if (!deps.schema) return undefined;
  try {
    return deps.schema.viewAt(deps.parsed, path);
  } catch (err) {
    (deps.log ?? NO_LOG).debug(failure(`hover: schema view at ${path.join('.')}`, err));
    return undefined;
  }
}

function md(lines: (string | undefined)[], range?: Range): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.filter((l) => l !== undefined).join('\n\n') },
    range,
  };
}

function typeText(view: SchemaView | undefined): string | undefined {
  if (!view) return undefined;
  if (view.enum && view.enum.length > 0)
    return view.enum.length <= 12
      ? `one of ${view.enum.map((v) => `\`${String(v)}\``).join(', ')}`
      : `one of ${view.enum.length} values`;
  return view.types.length ? view.types.map((t) => `\`${t}\``).join(' | ') : undefined;
}

const INPUT_TEXT =
  '**Runtime input**: the value is asked for when the pipeline runs (or taken from an input set).';

function expressionHover(deps: HoverDeps): Hover | undefined {
  const { parsed, offset } = deps;
  const text = parsed.text;
  // `<+input>.method(…)`: explain the method under the cursor.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const rel = offset - lineStart;
  const inputRe = /<\+input>((?:\.\w+\((?:[^()\\]|\\.)*\))*)/g;
  for (let m = inputRe.exec(line); m; m = inputRe.exec(line)) {
    const start = m.index;
    const end = start + m[0].length;
    if (rel < start || rel > end) continue;
    const methods = [...m[1].matchAll(/\.(\w+)\(/g)].map((x) => x[1]);
    const lines = [INPUT_TEXT];
    for (const name of methods) {
      const known = INPUT_METHODS.find((x) => x.label === name);
      lines.push(known ? `\`.${name}()\`: ${known.detail}` : `\`.${name}()\`: not a runtime-input method`);
    }
    return md(
      lines,
      Range.create(parsed.lines.positionAt(lineStart + start), parsed.lines.positionAt(lineStart + end)),
    );
  }
  const expr = expressionAt(text, offset);
  if (!expr) return undefined;
  const range = Range.create(parsed.lines.positionAt(expr.start), parsed.lines.positionAt(expr.end));
  const target = definitionTarget(parsed, offset);
  const inner = expr.inner.trim();
  const lines: string[] = [`Expression \`<+${inner}>\`, resolved when the pipeline runs.`];
  if (target) {
    const root = outlineOf(parsed);
    const line = parsed.lines.positionAt(target.range[0]).line + 1;
    let extra = '';
    for (const e of walkEntities(root)) {
      if (e.selectionRange[0] === target.range[0])
        extra = [e.name && `name **${e.name}**`, e.type && `type \`${e.type}\``].filter(Boolean).join(', ');
    }
    const v = [...(root?.variables ?? []), ...(stageAt(root, offset)?.variables ?? [])].find(
      (x) => x.nameRange[0] === target.range[0],
    );
    if (v?.type) extra = `type \`${v.type}\``;
    lines.push(`Refers to the ${target.what} declared on line ${line}${extra ? ` (${extra})` : ''}.`);
  } else if (/^secrets\.getValue\(/.test(inner)) {
    lines.push('The value of a secret; `account.`/`org.` before the id select the scope. Masked in logs.');
  } else if (/^pipeline\.variables\.(\w+)/.test(inner)) {
    lines.push(
      `No variable \`${/^pipeline\.variables\.([\w$-]+)/.exec(inner)?.[1]}\` is declared under \`pipeline.variables\` in this document.`,
    );
  } else if (/^stage\.variables\.(\w+)/.test(inner)) {
    lines.push('No such variable is declared on the enclosing stage.');
  }
  return md(lines, range);
}

async function referenceHover(
  deps: HoverDeps,
  key: string,
  value: string,
  range: Range,
): Promise<Hover | undefined> {
  if (!deps.resolveReference || value.includes('<+')) return undefined;
  const kind = REFERENCE_KEYS[key];
  const { scope, identifier } = scopeOfRef(value, deps.parsed.doc);
  let status: ReferenceStatus | undefined;
  try {
    status = await deps.resolveReference({ kind, ref: value, identifier, scope });
  } catch (err) {
    // Live data is a bonus: the hover says less rather than fail.
    (deps.log ?? NO_LOG).debug(failure(`hover: resolving ${kind} ${value}`, err));
    status = undefined;
  }
  if (!status) return undefined;
  const where =
    scope.level === 'account'
      ? 'account'
      : scope.level === 'org'
        ? `org ${scope.orgIdentifier ?? '?'}`
        : `project ${scope.projectIdentifier ?? '?'}`;
  const head =
    status.status === 'exists'
      ? `${kind} **${status.name ?? identifier}** (\`${identifier}\`, ${where})`
      : status.status === 'missing'
        ? `${kind} \`${identifier}\` was not found at ${where} level in the signed-in account`
        : `${kind} \`${identifier}\`: not checked (not signed in or the account could not be reached)`;
  return md([head, status.detail], range);
}

export async function hover(deps: HoverDeps): Promise<Hover | undefined> {
  const { parsed, offset } = deps;
  const exprHover = expressionHover(deps);
  if (exprHover) return exprHover;
  const loc = locate(parsed, offset);
  const node = loc.node;
  if (loc.inKey) {
    const key = isScalar(node)
      ? String(node.value)
      : loc.keyRange
        ? parsed.text.slice(
            parsed.lines.offsetAt(loc.keyRange.start),
            parsed.lines.offsetAt(loc.keyRange.end),
          )
        : loc.prefix;
    if (!key) return undefined;
    const parentView = safeView(deps, loc.path);
    const prop = parentView?.properties.get(key);
    const view = prop?.schema() ?? safeView(deps, [...loc.path, key]);
    if (!prop && !view) return undefined;
    const required = !!prop?.required || !!parentView?.required.includes(key);
    return md(
      [
        `**${key}**${required ? ' (required)' : ''}${typeText(view) ? ` · ${typeText(view)}` : ''}`,
        prop?.description ?? view?.markdownDescription ?? view?.description,
      ],
      loc.keyRange,
    );
  }
  const key = loc.path[loc.path.length - 1];
  const value = isScalar(node) && node.value !== null ? String(node.value) : undefined;
  if (value === undefined) return undefined;
  if (typeof key === 'string' && REFERENCE_KEYS[key] && loc.valueRange) {
    const h = await referenceHover(deps, key, value, loc.valueRange);
    if (h) return h;
  }
  const view = safeView(deps, loc.path);
  if (key === 'type') {
    // The branch the type selects: its description says what this stage/step does.
    const branch = safeView(deps, loc.path.slice(0, -1));
    const known = branch?.discriminator?.values.includes(value) ?? view?.enum?.includes(value);
    return md(
      [
        `**${value}**${branch?.kind ? ` · ${branch.kind} type` : ''}${known === false ? ' (not known to the active schema)' : ''}`,
        branch?.title && branch.title !== value ? branch.title : undefined,
        branch?.branchDescription ?? branch?.description ?? view?.description,
      ],
      loc.valueRange,
    );
  }
  if (view?.enum?.includes(value)) {
    return md([`\`${value}\` · ${typeText(view)}`, view.description], loc.valueRange);
  }
  return undefined;
}
