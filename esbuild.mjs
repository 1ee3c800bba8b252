// Bundles the extension (desktop and web), the language server (Node and web worker), the CLI and
// the API simulator.
// Type checking is separate (`npm run typecheck`): esbuild only strips types.
//   node esbuild.mjs               dev build with source maps
//   node esbuild.mjs --production  minified, no source maps (what the .vsix ships)
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * entry point → output file; the simulator and CLI are dev/CI tools, not loaded by VS Code.
 * The web build (package.json `browser`) runs in a browser web worker: platform 'browser', so a
 * Node module anywhere in its graph fails the build instead of failing in vscode.dev. Its
 * extension is CommonJS (VS Code's web worker host loads it with its own `require`, no ESM); its
 * language server is a classic worker script (IIFE).
 */
const entries = [
  { in: 'src/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'server/server.ts', out: 'server' },
  { in: 'server/cli.ts', out: 'cli' },
  { in: 'test/simulator/main.ts', out: 'sim' },
  { in: 'src/web/extension.ts', out: 'web/extension', external: ['vscode'], web: true },
  { in: 'server/browser.ts', out: 'web/server', web: true, format: 'iife' },
].filter((e) => existsSync(e.in));

/** What a web bundle must never contain: Node-only code would only fail once it runs in a browser. */
const NOT_IN_WEB = [/node_modules\/undici\//, /src\/api\/(dispatcher|undiciTransport)\.ts$/, /\/node\.js$/];

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: { [e.out]: e.in },
      outdir: 'dist',
      bundle: true,
      platform: e.web ? 'browser' : 'node',
      format: e.format ?? 'cjs',
      target: e.web ? 'es2022' : 'node20',
      // The language client and server pick their browser builds through package `browser` fields.
      ...(e.web ? { mainFields: ['browser', 'module', 'main'] } : {}),
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
      if (!entries[i].web) continue;
      const bad = Object.keys(meta.inputs).filter((input) => NOT_IN_WEB.some((re) => re.test(input)));
      if (bad.length > 0) {
        console.error(`esbuild: ${file} is a web bundle but contains Node-only code: ${bad.join(', ')}`);
        process.exitCode = 1;
      }
    }
    await ctx.dispose();
  }
}
