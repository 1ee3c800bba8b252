// Unpushed edits of `harness:` documents. Saving a `harness:` document never pushes it: only the
// Push command (Ctrl+S in a Harness editor, the editor button, the menus) does. Any other save
// (File: Save from a menu, Save All, a task's "save before run", auto-save, "Save" in the close
// dialog) keeps the text here, as a draft, until the user pushes or discards it. Drafts are
// persisted (DraftStorage), so one that survived a reload can be offered back. No `vscode`
// import: the storage is injected and the logic is unit-tested in Node.

export interface Draft {
  /** locationKey() of the pipeline. */
  key: string;
  /** The `harness:` URI (string form) the draft was saved from. */
  uri: string;
  /** The unpushed text. */
  text: string;
  /** The remote YAML the edit started from, for conflict detection when it is pushed later. */
  base?: string;
  /** What the user sees: pipeline name (identifier). */
  label: string;
  savedAt: number;
}

export interface DraftStorage {
  readAll(): Promise<Draft[]>;
  write(draft: Draft): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface Disposable {
  dispose(): void;
}

/** True for a value read back from storage that has the shape of a Draft. */
export function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.key === 'string' &&
    typeof d.uri === 'string' &&
    typeof d.text === 'string' &&
    typeof d.label === 'string' &&
    typeof d.savedAt === 'number' &&
    (d.base === undefined || typeof d.base === 'string')
  );
}

/** A short, stable file name for a draft key (keys hold `/`, `:` and `?`): a SHA-256 prefix. */
export async function draftFileName(key: string): Promise<string> {
  // Web Crypto: in Node 20+ and in browsers alike.
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 32)}.json`;
}

export class Drafts implements Disposable {
  private readonly byKey = new Map<string, Draft>();
  private loaded: Promise<void> | undefined;
  private readonly listeners = new Set<(draft: Draft, kept: boolean) => void>();
  /** Writes and removals run one after another, so the stored state follows the order of calls. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storage: DraftStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the stored drafts once; later calls return the same promise. */
  ready(): Promise<void> {
    this.loaded ??= this.storage.readAll().then((all) => {
      for (const d of all) if (!this.byKey.has(d.key)) this.byKey.set(d.key, d);
    });
    return this.loaded;
  }

  get(key: string): Draft | undefined {
    return this.byKey.get(key);
  }

  all(): Draft[] {
    return [...this.byKey.values()].sort((a, b) => a.savedAt - b.savedAt);
  }

  /** Keeps (or replaces) the draft of `key`; resolves once it is stored. */
  async keep(draft: Omit<Draft, 'savedAt'>): Promise<Draft> {
    await this.ready();
    const previous = this.byKey.get(draft.key);
    // savedAt doubles as the document's mtime: it must move forward on every save.
    const saved: Draft = { ...draft, savedAt: Math.max(this.now(), (previous?.savedAt ?? 0) + 1) };
    this.byKey.set(draft.key, saved);
    await this.serial(() => this.storage.write(saved));
    this.emit(saved, true);
    return saved;
  }

  /** Drops the draft of `key` (pushed or discarded); false when there was none. */
  async discard(key: string): Promise<boolean> {
    await this.ready();
    const draft = this.byKey.get(key);
    if (!draft) return false;
    this.byKey.delete(key);
    await this.serial(() => this.storage.remove(key));
    this.emit(draft, false);
    return true;
  }

  /** Called after a draft is kept (`kept` true) or dropped. */
  onDidChange(listener: (draft: Draft, kept: boolean) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.listeners.clear();
  }

  private serial(fn: () => Promise<void>): Promise<void> {
    const run = this.queue.then(fn, fn);
    // The caller gets `run` and its failure; the queue only keeps the order.
    this.queue = run.catch(() => undefined);
    return run;
  }

  private emit(draft: Draft, kept: boolean): void {
    for (const l of [...this.listeners]) l(draft, kept);
  }
}
