#!/usr/bin/env node
// `npm run package`: builds the production bundles and packs harness-vscode-<version>.vsix
// offline with @vscode/vsce. vsce runs the `vscode:prepublish` script (npm run build:prod:
// minified, no source maps) itself, so the bundles in the .vsix are always the production ones.
// Dependencies are bundled by esbuild, hence --no-dependencies; .vscodeignore whitelists the files.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = `${manifest.name}-${manifest.version}.vsix`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

const args = ['package', '--no-dependencies', '--out', vsix];
// Without a repository URL, README's relative image links stay relative (they render in the repo).
if (!manifest.repository) args.push('--allow-missing-repository', '--no-rewrite-relative-links');
if (!['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => fs.existsSync(path.join(repoRoot, f)))) {
  console.warn('package: WARNING no LICENSE file: packaging without one (--skip-license)');
  args.push('--skip-license');
}
const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
console.log(`$ vsce ${args.join(' ')}`);
const result = spawnSync(process.execPath, [vsce, ...args], { cwd: repoRoot, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(`package: vsce failed (exit ${result.status ?? result.signal})`);
  process.exit(1);
}

console.log('\nbundles (production):');
for (const file of [
  'dist/extension.js',
  'dist/server.js',
  'dist/cli.js',
  'dist/web/extension.js',
  'dist/web/server.js',
]) {
  const full = path.join(repoRoot, file);
  if (fs.existsSync(full)) console.log(`  ${file.padEnd(24)} ${kib(fs.statSync(full).size).padStart(10)}`);
}
console.log(`${vsix}: ${kib(fs.statSync(path.join(repoRoot, vsix)).size)}`);
