// Input sets at run time, without `vscode`: what the Run dialog lists, the runtime-input body
// built from merged input sets plus values entered by hand, and the YAML of an input set saved
// from a run's inputs.
// Input set YAML (`inputSet:` with name, identifier, orgIdentifier, projectIdentifier and the
// `pipeline:` runtime inputs): Harness docs, "Input sets and overlays"
// (developer.harness.io/docs/platform/pipelines/input-sets) and harness-go-sdk's InputSetResponse
// (`inputSetYaml`); the merge (later input sets win): POST /pipeline/api/inputSets/merge.
import { parseDocument, stringify } from 'yaml';
import type { InputSetSummary, ProjectScope } from '../api/types';
import {
  fillRuntimeInputs,
  findRuntimeInputs,
  missingInputs,
  valuesByLabel,
  type RuntimeInputField,
} from './runtimeInputs';

export interface InputSetChoice {
  label: string;
  description?: string;
  detail?: string;
  identifier: string;
}

/** The Run dialog's rows: name, identifier, and whether it is an overlay or outdated. */
export function inputSetChoices(sets: readonly InputSetSummary[]): InputSetChoice[] {
  return sets.map((s) => {
    const notes = [
      s.inputSetType === 'OVERLAY_INPUT_SET' ? 'overlay: merges the input sets it lists' : undefined,
      s.isOutdated ? 'outdated: the pipeline changed since it was saved' : undefined,
      s.description,
    ].filter((x): x is string => !!x);
    return {
      label: `${s.inputSetType === 'OVERLAY_INPUT_SET' ? '$(layers)' : '$(symbol-field)'} ${s.name ?? s.identifier}`,
      description: s.identifier,
      ...(notes.length ? { detail: notes.join(' · ') } : {}),
      identifier: s.identifier,
    };
  });
}

/** What the merged input sets leave to the user, and the body once those values are known. */
export interface MergedInputs {
  /** The fields no input set gave a value and that have no default (execution-time ones excluded). */
  readonly missing: RuntimeInputField[];
  /** The execute body: the template filled with the merged values, then `entered`, then defaults. */
  body(entered?: Readonly<Record<string, unknown>>): string;
}

/**
 * The pipeline's runtime-input template filled from `mergedYaml` (what the merge endpoint
 * answered): only the template's fields are sent, each with the input sets' value when they
 * have one.
 */
export function fromMergedInputSets(templateYaml: string, mergedYaml: string): MergedInputs {
  const fields = findRuntimeInputs(templateYaml);
  const merged = valuesByLabel(mergedYaml);
  const values: Record<string, unknown> = {};
  for (const f of fields) if (merged.has(f.label)) values[f.label] = merged.get(f.label);
  return {
    missing: missingInputs(fields, values),
    body: (entered = {}) => fillRuntimeInputs(templateYaml, { ...values, ...entered }),
  };
}

export interface NewInputSet {
  name: string;
  identifier: string;
  scope: ProjectScope;
  pipelineIdentifier: string;
  description?: string;
}

/**
 * The YAML of a new input set holding a run's runtime inputs (the execute body, `pipeline:`
 * at its root). Throws when the body is not runtime-input YAML.
 */
export function inputSetYaml(set: NewInputSet, runtimeInputYaml: string): string {
  const doc = parseDocument(runtimeInputYaml);
  const root: unknown = doc.errors.length === 0 ? doc.toJSON() : undefined;
  const pipeline =
    root && typeof root === 'object' && 'pipeline' in root
      ? (root as { pipeline: unknown }).pipeline
      : undefined;
  if (!pipeline || typeof pipeline !== 'object' || Array.isArray(pipeline))
    throw new Error('The runtime inputs are not YAML with a pipeline: root');
  return stringify(
    {
      inputSet: {
        name: set.name,
        identifier: set.identifier,
        ...(set.description ? { description: set.description } : {}),
        orgIdentifier: set.scope.orgIdentifier,
        projectIdentifier: set.scope.projectIdentifier,
        pipeline: { identifier: set.pipelineIdentifier, ...(pipeline as Record<string, unknown>) },
      },
    },
    { lineWidth: 0 },
  );
}
