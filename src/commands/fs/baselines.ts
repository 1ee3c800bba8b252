// What each open `harness:` document was read from: the remote YAML at open (or last push) time.
// Pushing compares the remote's current YAML with this to detect changes made meanwhile by
// someone else. One instance per window (the pipeline files feature), forgotten when the document
// closes: reopening reads the pipeline again, and a draft carries its own base.
import { locationKey, type PipelineLocation } from './pipelineUri';

export interface Baseline {
  yaml: string;
  /** When it was read or written, used as the file's mtime. */
  mtime: number;
}

export class Baselines {
  private readonly byKey = new Map<string, Baseline>();

  constructor(private readonly now: () => number = Date.now) {}

  get(loc: PipelineLocation): Baseline | undefined {
    return this.byKey.get(locationKey(loc));
  }

  set(loc: PipelineLocation, yaml: string): Baseline {
    const previous = this.byKey.get(locationKey(loc));
    // Reading the same YAML again is not a new version (a moved mtime would look like a change
    // to VS Code); a change must move mtime forward so VS Code sees it.
    if (previous && previous.yaml === yaml) return previous;
    const mtime = Math.max(this.now(), (previous?.mtime ?? 0) + 1);
    const b = { yaml, mtime };
    this.byKey.set(locationKey(loc), b);
    return b;
  }

  /** Drops the baseline of a document that closed. */
  forget(loc: PipelineLocation): void {
    this.byKey.delete(locationKey(loc));
  }

  get size(): number {
    return this.byKey.size;
  }
}
