// Facts the pipeline service derives from stored YAML: stage names, modules, and the flat
// step list a simulated run walks through.
import type { SimExecutionStep } from './model';

type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Stage nodes in order, flattening `parallel:` groups. */
export function stageNodes(pipeline: Obj): Obj[] {
  const out: Obj[] = [];
  const stages = Array.isArray(pipeline.stages) ? pipeline.stages : [];
  for (const entry of stages) {
    if (!isObj(entry)) continue;
    if (isObj(entry.stage)) out.push(entry.stage);
    if (Array.isArray(entry.parallel)) {
      for (const p of entry.parallel) if (isObj(p) && isObj(p.stage)) out.push(p.stage);
    }
  }
  return out;
}

function collectSteps(list: unknown, into: Obj[]): void {
  if (!Array.isArray(list)) return;
  for (const entry of list) {
    if (!isObj(entry)) continue;
    if (isObj(entry.step)) into.push(entry.step);
    if (Array.isArray(entry.parallel)) collectSteps(entry.parallel, into);
    if (isObj(entry.stepGroup)) collectSteps(entry.stepGroup.steps, into);
  }
}

const MODULE_BY_STAGE_TYPE: Record<string, string> = { CI: 'ci', Deployment: 'cd', SecurityTests: 'sto' };

/** Lower-case module names as the pipeline service reports them (`pms` for approval/custom). */
export function modulesOf(pipeline: Obj): string[] {
  const modules = new Set<string>(['pms']);
  for (const stage of stageNodes(pipeline)) {
    const module = MODULE_BY_STAGE_TYPE[str(stage.type)];
    if (module) modules.add(module);
  }
  return [...modules].sort();
}

export function stageNamesOf(pipeline: Obj): string[] {
  return stageNodes(pipeline).map((s) => str(s.name) || str(s.identifier));
}

function stepFails(step: Obj): boolean {
  const spec = isObj(step.spec) ? step.spec : {};
  const source = isObj(spec.source) && isObj(spec.source.spec) ? spec.source.spec : {};
  return /\bexit 1\b/.test(str(spec.command)) || /\bexit 1\b/.test(str(source.script));
}

/** The steps a run executes, in order; a stage without steps still takes one tick. */
export function executionStepsOf(pipeline: Obj): SimExecutionStep[] {
  const out: SimExecutionStep[] = [];
  for (const stage of stageNodes(pipeline)) {
    const spec = isObj(stage.spec) ? stage.spec : {};
    const execution = isObj(spec.execution) ? spec.execution : {};
    const steps: Obj[] = [];
    collectSteps(execution.steps, steps);
    const base = {
      stageIdentifier: str(stage.identifier),
      stageName: str(stage.name) || str(stage.identifier),
      stageType: str(stage.type) || 'Template',
    };
    if (steps.length === 0) {
      out.push({
        ...base,
        identifier: base.stageIdentifier,
        name: base.stageName,
        type: base.stageType,
        fails: false,
      });
    }
    for (const step of steps) {
      out.push({
        ...base,
        identifier: str(step.identifier),
        name: str(step.name) || str(step.identifier),
        type: str(step.type),
        fails: stepFails(step),
      });
    }
  }
  return out;
}

export function tagsOf(pipeline: Obj): Record<string, string> {
  const tags: Record<string, string> = {};
  if (isObj(pipeline.tags)) {
    for (const [k, v] of Object.entries(pipeline.tags))
      tags[k] = v === null || v === undefined ? '' : String(v);
  }
  return tags;
}
