// Completion inside `<+ … >` expressions and after `<+input>.`: the well-known roots, names
// declared in this document (variables, stage and step identifiers, step outputs) and the
// runtime-input methods.
import { scanExpression } from '../expressionSpans';
import {
  CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import type { ParsedYaml } from '../yaml/types';
import { outlineOf, stageAt, walkEntities, type Entity } from './outline';

interface Entry {
  label: string;
  detail: string;
  /** Snippet text when it differs from the label. */
  snippet?: string;
  kind?: CompletionItemKind;
}

const ROOTS: Entry[] = [
  { label: 'pipeline', detail: 'The running pipeline: name, identifier, variables, stages, sequenceId…' },
  { label: 'stage', detail: 'The current stage: name, identifier, variables, spec…' },
  { label: 'step', detail: 'The current step: name, identifier, timeout…' },
  { label: 'steps', detail: 'Steps of the current stage by identifier' },
  { label: 'stages', detail: 'Stages of this pipeline by identifier' },
  { label: 'execution', detail: 'The current stage execution: execution.steps.<id>…' },
  { label: 'input', detail: 'Runtime input: the value is asked for when the pipeline runs' },
  { label: 'secrets', detail: 'Secrets: secrets.getValue("id")' },
  {
    label: 'secrets.getValue',
    detail: 'The value of a secret (account./org. prefixes select its scope)',
    snippet: 'secrets.getValue("${1:secret_id}")',
    kind: CompletionItemKind.Function,
  },
  {
    label: 'variable',
    detail: 'Account, org or project variables: variable.account.x, variable.org.x, variable.x',
  },
  { label: 'env', detail: 'Environment of a Deployment stage: name, identifier, type, variables' },
  { label: 'service', detail: 'Service of a Deployment stage: name, identifier, variables' },
  { label: 'serviceVariables', detail: 'Variables of the stage service' },
  { label: 'infra', detail: 'Infrastructure of a Deployment stage: namespace, connectorRef…' },
  { label: 'artifacts', detail: 'Artifacts of the stage service: artifacts.primary.tag, image…' },
  { label: 'manifests', detail: 'Manifests of the stage service' },
  { label: 'codebase', detail: 'Codebase of a CI pipeline: branch, commitSha, prNumber, repoUrl…' },
  { label: 'trigger', detail: 'The trigger that started the run: branch, commitSha, event, payload…' },
  { label: 'account', detail: 'The account: identifier, name, companyName' },
  { label: 'org', detail: 'The organization: identifier, name, description' },
  { label: 'project', detail: 'The project: identifier, name, description, tags' },
  { label: 'matrix', detail: 'Current matrix values in a looping strategy: matrix.<axis>' },
  { label: 'repeat', detail: 'Current repeat item: repeat.item' },
  { label: 'strategy', detail: 'Looping strategy: strategy.iteration, strategy.iterations' },
];

const PIPELINE_FIELDS: Entry[] = [
  { label: 'name', detail: 'Pipeline name' },
  { label: 'identifier', detail: 'Pipeline identifier' },
  { label: 'variables', detail: 'Pipeline variables declared under pipeline.variables' },
  { label: 'stages', detail: 'Stages of this pipeline by identifier' },
  { label: 'sequenceId', detail: 'Run number of this pipeline' },
  { label: 'executionId', detail: 'Unique id of this run' },
  { label: 'executionUrl', detail: 'Link to this run in Harness' },
  { label: 'startTs', detail: 'Start time of the run (epoch ms)' },
  { label: 'triggerType', detail: 'How the run was started (MANUAL, WEBHOOK…)' },
  { label: 'triggeredBy', detail: 'Who started the run: triggeredBy.name, triggeredBy.email' },
  { label: 'tags', detail: 'Pipeline tags' },
];

const STAGE_FIELDS: Entry[] = [
  { label: 'name', detail: 'Stage name' },
  { label: 'identifier', detail: 'Stage identifier' },
  { label: 'variables', detail: 'Variables declared on the stage' },
  { label: 'spec', detail: 'The stage spec as written' },
  { label: 'status', detail: 'Stage status' },
  { label: 'output', detail: 'Stage outputs' },
  { label: 'type', detail: 'Stage type' },
];

const STEP_FIELDS: Entry[] = [
  { label: 'name', detail: 'Step name' },
  { label: 'identifier', detail: 'Step identifier' },
  { label: 'status', detail: 'Step status' },
  { label: 'output', detail: 'Step outputs: output.outputVariables.<name>' },
  { label: 'spec', detail: 'The step spec as written' },
  { label: 'timeout', detail: 'Step timeout' },
];

export const INPUT_METHODS: Entry[] = [
  { label: 'default', detail: 'Value used when none is given', snippet: 'default(${1:value})' },
  {
    label: 'allowedValues',
    detail: 'The only values accepted (comma separated)',
    snippet: 'allowedValues(${1:a,b})',
  },
  {
    label: 'selectOneFrom',
    detail: 'Pick exactly one of the listed values',
    snippet: 'selectOneFrom(${1:a,b})',
  },
  { label: 'regex', detail: 'The value must match this regular expression', snippet: 'regex(${1:^.*$})' },
  {
    label: 'executionInput',
    detail: 'Ask for the value while the pipeline runs, not when it starts',
    snippet: 'executionInput()',
  },
];

function names(
  list: string[],
  detail: string,
  kind: CompletionItemKind = CompletionItemKind.Variable,
): Entry[] {
  return [...new Set(list)].map((label) => ({ label, detail, kind }));
}

function stepsIn(scope: Entity | undefined, root: Entity | undefined): Entity[] {
  const out: Entity[] = [];
  const from = scope ?? root;
  if (!from) return out;
  // Direct children of the stage (through parallel blocks), step groups included.
  const stack = [...from.children];
  while (stack.length) {
    const e = stack.shift() as Entity;
    if (e.kind === 'parallel') stack.push(...e.children);
    else if (e.kind === 'step' || e.kind === 'stepGroup') out.push(e);
  }
  return out;
}

function findById(root: Entity | undefined, kind: Entity['kind'], id: string): Entity | undefined {
  for (const e of walkEntities(root)) if (e.kind === kind && e.identifier === id) return e;
  return undefined;
}

/** Entries for the segment after `path` (the last segment is being typed). */
function entriesFor(path: string[], root: Entity | undefined, offset: number): Entry[] {
  const p = path.slice(0, -1);
  const stage = stageAt(root, offset);
  if (p.length === 0) return ROOTS;
  const key = p.join('.');
  if (key === 'pipeline') return PIPELINE_FIELDS;
  if (key === 'pipeline.variables')
    return names(root?.variables.map((v) => v.name) ?? [], 'Pipeline variable');
  if (key === 'stage') return STAGE_FIELDS;
  if (key === 'stage.variables') return names(stage?.variables.map((v) => v.name) ?? [], 'Stage variable');
  if (key === 'step') return STEP_FIELDS;
  if (key === 'secrets')
    return [ROOTS.find((r) => r.label === 'secrets.getValue') as Entry].map((e) => ({
      ...e,
      label: 'getValue',
      snippet: 'getValue("${1:secret_id}")',
    }));
  let rest = p;
  let scope: Entity | undefined = stage;
  if (rest[0] === 'pipeline') rest = rest.slice(1);
  if (rest[0] === 'stages') {
    if (rest.length === 1) {
      const ids: string[] = [];
      for (const e of walkEntities(root)) if (e.kind === 'stage' && e.identifier) ids.push(e.identifier);
      return names(ids, 'Stage', CompletionItemKind.Module);
    }
    scope = findById(root, 'stage', rest[1]);
    if (rest.length === 2) return STAGE_FIELDS;
    if (rest[2] === 'variables' && rest.length === 3)
      return names(scope?.variables.map((v) => v.name) ?? [], 'Stage variable');
    rest = rest.slice(2);
    if (rest[0] === 'spec') rest = rest.slice(1);
    if (rest[0] === 'execution') rest = rest.slice(1);
    if (rest.length === 0) return [{ label: 'execution', detail: 'Stage execution' }];
  } else if (rest[0] === 'execution') {
    rest = rest.slice(1);
    if (rest.length === 0) return [{ label: 'steps', detail: 'Steps of the current stage' }];
  }
  // rest now starts with `steps`: steps.<id>[.steps.<id>…][.field…]
  if (rest[0] === 'steps') {
    let container: Entity | undefined = scope;
    let i = 0;
    let current: Entity | undefined;
    while (i < rest.length && rest[i] === 'steps') {
      if (i + 1 === rest.length) {
        return stepsIn(container, root).map((e) => ({
          label: e.identifier as string,
          detail: `${e.kind === 'stepGroup' ? 'Step group' : 'Step'} ${e.name ?? ''}${e.type ? ` (${e.type})` : ''}`,
          kind: CompletionItemKind.Function,
        }));
      }
      current = stepsIn(container, root).find((e) => e.identifier === rest[i + 1]);
      if (!current) return [];
      container = current;
      i += 2;
    }
    const tail = rest.slice(i).join('.');
    if (tail === '')
      return current?.kind === 'stepGroup'
        ? [...STEP_FIELDS, { label: 'steps', detail: 'Steps of this group' }]
        : STEP_FIELDS;
    if (tail === 'output') return [{ label: 'outputVariables', detail: 'Output variables of the step' }];
    if (tail === 'output.outputVariables') return names(current?.outputs ?? [], 'Output variable');
  }
  return [];
}

const MAX_ITEMS = 200;

/** Completions for a cursor inside an expression (`<+pipe|`) or after `<+input>.`. */
export function expressionCompletions(parsed: ParsedYaml, offset: number): CompletionItem[] | undefined {
  const { text, lines } = parsed;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(Math.max(lineStart, offset - 500), offset);
  // Runtime-input methods: `<+input>.` or `<+input>.default(x).`
  const input = /<\+input>(?:\.\w+\((?:[^()\\]|\\.)*\))*\.(\w*)$/.exec(before);
  if (input) {
    const range = Range.create(lines.positionAt(offset - input[1].length), lines.positionAt(offset));
    return INPUT_METHODS.map((m) => ({
      label: m.label,
      kind: CompletionItemKind.Method,
      detail: m.detail,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: TextEdit.replace(range, m.snippet ?? m.label),
    }));
  }
  const open = before.lastIndexOf('<+');
  if (open < 0 || before.indexOf('>', open) >= 0) return undefined;
  const inside = before.slice(open + 2);
  const m = /([\w$-]+(?:\.[\w$-]*)*)$/.exec(inside) ?? (inside.endsWith('.') ? null : undefined);
  const typed = m ? m[1] : '';
  if (m === null) return [];
  const path = typed.split('.');
  const word = path[path.length - 1];
  const range = Range.create(lines.positionAt(offset - word.length), lines.positionAt(offset));
  const root = outlineOf(parsed);
  // An expression not closed yet on this line gets its `>` with the item, the cursor left
  // before it (`<+pipeline.|>`), so typing on (`.variables`) stays inside the expression.
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const lineText = text.slice(lineStart, lineEnd);
  const openInLine = offset - before.length + open - lineStart;
  const close = !scanExpression(lineText, openInLine).terminated;
  return entriesFor(path, root, offset)
    .slice(0, MAX_ITEMS)
    .map((e, i) => {
      const snippet = e.snippet ?? (close ? escapeSnippet(e.label) : undefined);
      return {
        label: e.label,
        kind: e.kind ?? CompletionItemKind.Property,
        detail: e.detail,
        sortText: String(i).padStart(4, '0'),
        insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: TextEdit.replace(
          range,
          close ? `${snippet ?? ''}${snippet?.includes('$0') ? '' : '$0'}>` : (snippet ?? e.label),
        ),
      };
    });
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}
