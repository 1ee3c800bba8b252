// Loads the host scripts (ES modules in scripts/host/) from the compiled CommonJS tests. The path
// is computed from the repository root because out/ sits one level deeper than the sources.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../helpers/paths';

type CodeServerModule = typeof import('../../../scripts/host/code-server.mjs', {
  with: { 'resolution-mode': 'import' },
});
type BrowserModule = typeof import('../../../scripts/host/browser.mjs', {
  with: { 'resolution-mode': 'import' },
});
type InstallModule = typeof import('../../../scripts/host/install.mjs', {
  with: { 'resolution-mode': 'import' },
});
type CleanupModule = typeof import('../../../scripts/host/cleanup.mjs', {
  with: { 'resolution-mode': 'import' },
});

function load<T>(file: string): Promise<T> {
  return import(pathToFileURL(path.join(repoRoot, 'scripts', 'host', file)).href) as Promise<T>;
}

export const loadCodeServer = () => load<CodeServerModule>('code-server.mjs');
export const loadBrowser = () => load<BrowserModule>('browser.mjs');
export const loadInstall = () => load<InstallModule>('install.mjs');
export const loadCleanup = () => load<CleanupModule>('cleanup.mjs');
