// Facts the pipeline service derives from stored YAML: stage names, modules, and the flat
// step list a simulated run walks through.
import type { SimExecutionStep, SimStepContainer } from './model';

type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Stage nodes in order, flattening `parallel:` groups. */
export function stageNodes(pipeline: Obj): Obj[] {
  return stageEntries(pipeline).map((e) => e.stage);
}

/** Stage nodes in order, each with the `parallel:` block it is in (named after its first stage). */
function stageEntries(pipeline: Obj): { stage: Obj; parallel?: string }[] {
  const out: { stage: Obj; parallel?: string }[] = [];
  const stages = Array.isArray(pipeline.stages) ? pipeline.stages : [];
  for (const entry of stages) {
    if (!isObj(entry)) continue;
    if (isObj(entry.stage)) out.push({ stage: entry.stage });
    if (Array.isArray(entry.parallel)) {
      const inner = entry.parallel
        .filter((p): p is Obj => isObj(p) && isObj(p.stage))
        .map((p) => p.stage as Obj);
      const block = inner.length > 1 ? `parallel_${str(inner[0].identifier)}` : undefined;
      for (const stage of inner) out.push(block ? { stage, parallel: block } : { stage });
    }
  }
  return out;
}

/** Instances of a looping strategy (matrix: product of its axes; repeat; parallelism), at most 10. */
function strategyInstances(step: Obj): number {
  const strategy = isObj(step.strategy) ? step.strategy : undefined;
  if (!strategy) return 0;
  let n = 1;
  if (isObj(strategy.matrix)) {
    for (const [axis, values] of Object.entries(strategy.matrix)) {
      if (axis === 'exclude' || axis === 'maxConcurrency' || axis === 'nodeName') continue;
      if (Array.isArray(values)) n *= Math.max(1, values.length);
    }
  } else if (isObj(strategy.repeat)) {
    const r = strategy.repeat;
    n = typeof r.times === 'number' ? r.times : Array.isArray(r.items) ? r.items.length : 1;
  } else if (typeof strategy.parallelism === 'number') {
    n = strategy.parallelism;
  }
  return Math.min(10, Math.max(1, Math.floor(n)));
}

interface CollectedStep {
  step: Obj;
  containers: SimStepContainer[];
  identifier: string;
  name: string;
}

function collectSteps(list: unknown, into: CollectedStep[], containers: SimStepContainer[] = []): void {
  if (!Array.isArray(list)) return;
  for (const entry of list) {
    if (!isObj(entry)) continue;
    if (isObj(entry.step)) {
      const step = entry.step;
      const id = str(step.identifier);
      const name = str(step.name) || id;
      const n = strategyInstances(step);
      if (n === 0) into.push({ step, containers, identifier: id, name });
      const strategy: SimStepContainer = { kind: 'strategy', identifier: id, name };
      for (let i = 0; i < n; i++)
        into.push({
          step,
          containers: [...containers, strategy],
          identifier: `${id}_${i}`,
          name: `${name}_${i}`,
        });
    }
    if (Array.isArray(entry.parallel)) {
      const first = entry.parallel.find((p) => isObj(p) && (isObj(p.step) || isObj(p.stepGroup)));
      const firstId = isObj(first)
        ? str((isObj(first.step) ? first.step : (first.stepGroup as Obj)).identifier)
        : '';
      const block: SimStepContainer = {
        kind: 'parallel',
        identifier: `parallel_${firstId}`,
        name: 'parallel',
      };
      collectSteps(entry.parallel, into, [...containers, block]);
    }
    if (isObj(entry.stepGroup)) {
      const group = entry.stepGroup;
      const id = str(group.identifier);
      const c: SimStepContainer = { kind: 'stepGroup', identifier: id, name: str(group.name) || id };
      collectSteps(group.steps, into, [...containers, c]);
    }
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

function stepScript(step: Obj): string {
  const spec = isObj(step.spec) ? step.spec : {};
  const source = isObj(spec.source) && isObj(spec.source.spec) ? spec.source.spec : {};
  return str(spec.command) || str(source.script);
}

function stepFails(step: Obj): boolean {
  return /\bexit 1\b/.test(stepScript(step));
}

/** The steps a run executes, in order; a stage without steps still takes one tick. */
export function executionStepsOf(pipeline: Obj): SimExecutionStep[] {
  const out: SimExecutionStep[] = [];
  for (const { stage, parallel } of stageEntries(pipeline)) {
    const spec = isObj(stage.spec) ? stage.spec : {};
    const execution = isObj(spec.execution) ? spec.execution : {};
    const steps: CollectedStep[] = [];
    collectSteps(execution.steps, steps);
    const base = {
      stageIdentifier: str(stage.identifier),
      stageName: str(stage.name) || str(stage.identifier),
      stageType: str(stage.type) || 'Template',
      ...(parallel ? { stageParallel: parallel } : {}),
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
    for (const { step, containers, identifier, name } of steps) {
      const script = stepScript(step);
      out.push({
        ...base,
        identifier,
        name,
        type: str(step.type),
        fails: stepFails(step),
        ...(containers.length > 0 ? { containers } : {}),
        ...(script ? { script } : {}),
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
