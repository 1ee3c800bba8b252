// Bundles the extension host, the language server, the CLI and the API simulator.
// Type checking is separate (`npm run typecheck`): esbuild only strips types.
//   node esbuild.mjs               dev build with source maps
//   node esbuild.mjs --production  minified, no source maps (what the .vsix ships)
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** entry point → output file; the simulator and CLI are dev/CI tools, not loaded by VS Code. */
const entries = [
  { in: 'src/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'server/server.ts', out: 'server' },
  { in: 'server/cli.ts', out: 'cli' },
  { in: 'test/simulator/main.ts', out: 'sim' },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: { [e.out]: e.in },
      outdir: 'dist',
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: e.external ?? [],
      minify: production,
      sourcemap: production ? false : 'linked',
      sourcesContent: false,
      legalComments: production ? 'none' : 'inline',
      logLevel: 'warning',
      metafile: true,
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`esbuild: watching ${entries.map((e) => e.in).join(', ')}`);
} else {
  for (const [i, ctx] of contexts.entries()) {
    const result = await ctx.rebuild();
    const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
    for (const [file, meta] of outputs) {
      console.log(`esbuild: ${entries[i].in} -> ${file} (${(meta.bytes / 1024).toFixed(1)} KiB)`);
    }
    await ctx.dispose();
  }
}
