// Reading what a push needs from pipeline YAML (identifier, name, org/project) and making the
// YAML that is sent agree with the scope it is sent to. The user's document is never edited:
// these functions return new text.
import { isMap, isScalar, parseDocument } from 'yaml';
import type { ProjectScope } from '../api/types';

export interface PipelineYamlInfo {
  identifier?: string;
  name?: string;
  orgIdentifier?: string;
  projectIdentifier?: string;
}

export type PipelineYamlResult = { ok: true; info: PipelineYamlInfo } | { ok: false; error: string };

function scalarString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Reads the `pipeline:` root's identifying fields; fails on unparsable YAML or a non-pipeline root. */
export function readPipelineYaml(text: string): PipelineYamlResult {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0)
    return { ok: false, error: `The YAML cannot be parsed: ${doc.errors[0].message}` };
  const root = doc.contents;
  if (!isMap(root))
    return { ok: false, error: 'This is not pipeline YAML: the root must be a `pipeline:` mapping.' };
  const pipeline = root.get('pipeline');
  if (!isMap(pipeline))
    return { ok: false, error: 'This is not pipeline YAML: there is no `pipeline:` mapping at the root.' };
  const field = (key: string) => {
    const v = pipeline.get(key, true);
    return isScalar(v) ? scalarString(v.value) : undefined;
  };
  return {
    ok: true,
    info: {
      identifier: field('identifier'),
      name: field('name'),
      orgIdentifier: field('orgIdentifier'),
      projectIdentifier: field('projectIdentifier'),
    },
  };
}

/**
 * Returns the YAML with `pipeline.orgIdentifier`/`projectIdentifier` set to `scope` (Harness
 * requires them to match the query scope). Text is returned unchanged when they already match,
 * so comments and formatting survive in the common case.
 */
export function withPipelineScope(text: string, scope: ProjectScope): string {
  const doc = parseDocument(text);
  const pipeline = isMap(doc.contents) ? doc.contents.get('pipeline') : undefined;
  if (!isMap(pipeline)) return text;
  const org: unknown = doc.getIn(['pipeline', 'orgIdentifier']);
  const project: unknown = doc.getIn(['pipeline', 'projectIdentifier']);
  if (org === scope.orgIdentifier && project === scope.projectIdentifier) return text;
  doc.setIn(['pipeline', 'orgIdentifier'], scope.orgIdentifier);
  doc.setIn(['pipeline', 'projectIdentifier'], scope.projectIdentifier);
  return doc.toString();
}

/** True when two YAML texts are equal once parsed (so a re-formatted remote copy is not a "change"). */
export function sameYaml(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return JSON.stringify(parseDocument(a).toJS()) === JSON.stringify(parseDocument(b).toJS());
  } catch {
    return false; // one side does not parse: not the same YAML
  }
}
