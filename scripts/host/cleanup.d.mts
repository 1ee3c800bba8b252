// Types of cleanup.mjs for TypeScript callers (test/e2e).
export function registerCleanup(stop: () => Promise<void>, killSync?: () => void): () => Promise<void>;
export function stopAllResources(): Promise<void>;
export function isStopping(): boolean;
