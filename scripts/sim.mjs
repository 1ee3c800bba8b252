// `npm run sim [-- --port N --seed N --latency MS --step MS --json]`: builds dist/sim.js when it
// is missing or older than the simulator's sources, then runs it in this process.
// Build output goes to stderr so that `--json` prints exactly one line on stdout.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'test', 'simulator', 'main.ts');
const out = join(root, 'dist', 'sim.js');

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (!existsSync(out) || statSync(out).mtimeMs < newestSource(dirname(entry))) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { sim: entry },
    outdir: join(root, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
  process.stderr.write('sim: built dist/sim.js\n');
}

// dist/sim.js starts the simulator when loaded and handles SIGINT/SIGTERM itself.
createRequire(import.meta.url)(out);
