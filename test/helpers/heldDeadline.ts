// Test time for a call's deadline. The API transport arms each attempt's deadline with
// setTimeout(…, limit − elapsed); holdDeadline(limitMs) keeps every timer of about that length
// from running until the test calls fire(). A test can then pass the deadline at the point it
// chooses (after the server received the request, while its answer is still held back) instead of
// racing a real timer against a loaded machine. Every other timer runs as usual. Choose a limit
// no other code uses (an hour, say) and restore() when done.

export interface HeldDeadline {
  /** Deadline timers armed and not yet fired or cleared. */
  readonly pending: number;
  /** Runs the held timers now, as if their time had come. */
  fire(): void;
  /** Puts the real setTimeout and clearTimeout back. */
  restore(): void;
}

/** Holds timers of (limitMs − windowMs, limitMs] milliseconds. */
export function holdDeadline(limitMs: number, windowMs = 60_000): HeldDeadline {
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  const held = new Map<object, () => void>();

  function setTimeoutHeld(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): unknown {
    if (typeof ms !== 'number' || ms <= limitMs - windowMs || ms > limitMs) {
      return realSetTimeout(callback, ms, ...args);
    }
    const handle = {
      ref: () => handle,
      unref: () => handle,
      hasRef: () => false,
      refresh: () => handle,
      [Symbol.toPrimitive]: () => -1,
    };
    held.set(handle, () => callback(...args));
    return handle;
  }
  function clearTimeoutHeld(handle?: unknown): void {
    if (handle && typeof handle === 'object' && held.delete(handle)) return;
    realClearTimeout(handle as Parameters<typeof clearTimeout>[0]);
  }

  globalThis.setTimeout = setTimeoutHeld as unknown as typeof setTimeout;
  globalThis.clearTimeout = clearTimeoutHeld as typeof clearTimeout;
  return {
    get pending() {
      return held.size;
    },
    fire() {
      const due = [...held.values()];
      held.clear();
      for (const run of due) run();
    },
    restore() {
      globalThis.setTimeout = realSetTimeout;
      globalThis.clearTimeout = realClearTimeout;
    },
  };
}
