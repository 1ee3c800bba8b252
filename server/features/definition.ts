// Go to definition from expressions: `<+pipeline.variables.x>` / `<+stage.variables.x>` to the
// variable, `<+pipeline.stages.id…>` / `<+stages.id…>` to the stage, `<+steps.id…>` /
// `<+execution.steps.id…>` to the step.
import { Location, Range } from 'vscode-languageserver-types';
import type { ParsedYaml } from '../yaml/types';
import { dottedPathAt, expressionAt } from './expressionAt';
import { outlineOf, stageAt, walkEntities, type Entity } from './outline';

export interface DefinitionTarget {
  range: [number, number];
  what: string;
}

function findStage(root: Entity | undefined, id: string): Entity | undefined {
  for (const e of walkEntities(root)) if (e.kind === 'stage' && e.identifier === id) return e;
  return undefined;
}

function findStep(scope: Entity | undefined, ids: string[]): Entity | undefined {
  // `steps.group.steps.step`: walk group by group; fall back to any step with the last id.
  let current = scope;
  for (const id of ids) {
    let next: Entity | undefined;
    for (const e of walkEntities(current)) {
      if (e !== current && (e.kind === 'step' || e.kind === 'stepGroup') && e.identifier === id) {
        next = e;
        break;
      }
    }
    if (!next) return undefined;
    current = next;
  }
  return current;
}

/** What the expression segment at `offset` refers to, as offsets in the document. */
export function definitionTarget(parsed: ParsedYaml, offset: number): DefinitionTarget | undefined {
  const expr = expressionAt(parsed.text, offset);
  if (!expr) return undefined;
  const cursor = offset - expr.start - 2;
  const { path } = dottedPathAt(expr.inner, cursor);
  const root = outlineOf(parsed);
  if (!root || path.length < 2) return undefined;
  let p = path;
  // `pipeline.variables.x`
  if (p[0] === 'pipeline' && p[1] === 'variables' && p[2]) {
    const v = root.variables.find((x) => x.name === p[2]);
    return v && { range: v.nameRange, what: `pipeline variable ${v.name}` };
  }
  let stage: Entity | undefined = stageAt(root, offset);
  if (p[0] === 'stage' && p[1] === 'variables' && p[2]) {
    const v = stage?.variables.find((x) => x.name === p[2]);
    return v && { range: v.nameRange, what: `stage variable ${v.name}` };
  }
  if (p[0] === 'pipeline') p = p.slice(1);
  if (p[0] === 'stages' && p[1]) {
    stage = findStage(root, p[1]);
    if (!stage) return undefined;
    const rest = p.slice(2);
    const stepsAt = rest.indexOf('steps');
    if (stepsAt < 0) return { range: stage.selectionRange, what: `stage ${p[1]}` };
    p = rest.slice(stepsAt);
  } else if (p[0] === 'stage') {
    p = p.slice(1);
  }
  if (p[0] === 'spec') p = p.slice(1);
  if (p[0] === 'execution') p = p.slice(1);
  if (p[0] === 'steps' && p[1]) {
    // Collect `steps.a.steps.b` chains (step groups).
    const ids: string[] = [];
    for (let i = 0; i + 1 < p.length && p[i] === 'steps'; i += 2) ids.push(p[i + 1]);
    const step = findStep(stage, ids) ?? findStep(root, ids);
    return step && { range: step.selectionRange, what: `step ${ids.join('.')}` };
  }
  return undefined;
}

export function definition(parsed: ParsedYaml, uri: string, offset: number): Location | undefined {
  const target = definitionTarget(parsed, offset);
  if (!target) return undefined;
  const { lines } = parsed;
  return Location.create(
    uri,
    Range.create(lines.positionAt(target.range[0]), lines.positionAt(target.range[1])),
  );
}
