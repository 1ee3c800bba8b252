// Where the language service reports what it recovers from. A feature that survives a failure
// (a schema view that throws, a reference provider that rejects) answers with less and says so
// at debug level; a failed live reference lookup before validation is an error in the log (the
// diagnostics then lack the reference warnings). The LSP wiring sends these to the client's
// log; a library user passes its own or none.
export interface ServiceLog {
  debug(message: string): void;
  error(message: string): void;
}

/** Discards everything: the default when no log is injected. */
export const NO_LOG: ServiceLog = Object.freeze({ debug: () => undefined, error: () => undefined });

/** `where: message` for a caught value of any kind. */
export function failure(where: string, err: unknown): string {
  return `${where}: ${err instanceof Error ? err.message : String(err)}`;
}
