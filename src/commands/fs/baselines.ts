// What each open `harness:` document was read from: the remote YAML at open (or last push) time.
// Saving compares the remote's current YAML with this to detect changes made meanwhile by
// someone else.
import { locationKey, type PipelineLocation } from './pipelineUri';

export interface Baseline {
  yaml: string;
  /** When it was read or written, used as the file's mtime. */
  mtime: number;
}

const baselines = new Map<string, Baseline>();

export function getBaseline(loc: PipelineLocation): Baseline | undefined {
  return baselines.get(locationKey(loc));
}

export function setBaseline(loc: PipelineLocation, yaml: string): Baseline {
  const previous = baselines.get(locationKey(loc));
  // Reading the same YAML again is not a new version (a moved mtime would look like a change
  // to VS Code); a change must move mtime forward so VS Code sees it.
  if (previous && previous.yaml === yaml) return previous;
  const mtime = Math.max(Date.now(), (previous?.mtime ?? 0) + 1);
  const b = { yaml, mtime };
  baselines.set(locationKey(loc), b);
  return b;
}
