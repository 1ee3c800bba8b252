// One place that tears down what the host scripts started (code-server process groups, browsers,
// simulators, temp dirs) when the script ends, fails, or is interrupted with Ctrl+C / SIGTERM.
// Each starter registers an async stop function; the synchronous `kill` part also runs from the
// `exit` event, so even `process.exit()` in the middle of a run leaves no server behind.

/** @type {Set<{ stop: () => Promise<void>, killSync: () => void }>} */
const resources = new Set();
let signalsHooked = false;
let stopping = false;

async function stopAll() {
  const pending = [...resources].reverse();
  resources.clear();
  await Promise.allSettled(pending.map((r) => r.stop()));
}

function hookSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n[host] ${signal}: stopping what was started…`);
      void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  process.on('exit', () => {
    for (const r of resources) {
      try {
        r.killSync();
      } catch {
        // Best effort: the process may already be gone.
      }
    }
  });
}

/**
 * Registers something to stop at exit. Returns a function that stops it now (idempotent) and
 * unregisters it.
 * @param {() => Promise<void>} stop async, graceful stop
 * @param {() => void} killSync synchronous last resort used from the `exit` event
 */
export function registerCleanup(stop, killSync = () => {}) {
  hookSignals();
  let done = false;
  const entry = {
    stop: async () => {
      if (done) return;
      done = true;
      await stop();
    },
    killSync: () => {
      if (!done) killSync();
    },
  };
  resources.add(entry);
  return async () => {
    resources.delete(entry);
    await entry.stop();
  };
}

/** True once a signal started the shutdown (so callers can tell a requested stop from a crash). */
export function isStopping() {
  return stopping;
}

/** Stops everything registered so far (used by scripts before they exit normally). */
export function stopAllResources() {
  return stopAll();
}
