#!/usr/bin/env node
// `npm run bench`: language server benchmarks on generated pipelines of ~200, 4,500, 11,000 and
// 18,000 lines. Prints medians: cold start to first diagnostics (bundled schema, and the
// published reference schema sent via harness/setSchema when ../shared/reference exists),
// diagnostics after an edit, completion and hover at several positions, peak RSS of the
// server, and the plain `yaml` parse time; with the reference data present, the same figures
// for yaml-language-server (reference schema mapped in yaml.schemas) in the same run, and ratios.
// Then robustness (scripts/bench/robustness.mjs): an alias bomb to its first diagnostics, and
// per-document times over mutated pipelines (median, p99, slowest), the limits unit tests used
// to assert with wall clocks. Figures only, no assertions. Needs `npm run build` first (dist/server.js).
//   node scripts/bench.mjs [--sizes 200,4500] [--runs N] [--no-yamlls] [--mutations N (0: none)]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { generatePipeline } from './bench/generate.mjs';
import { BenchServer, median, positionOf } from './bench/lsp.mjs';
import { measureRobustness } from './bench/robustness.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(repoRoot, 'dist', 'server.js');
const YAMLLS = path.join(repoRoot, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const REFERENCE = path.resolve(repoRoot, '..', 'shared', 'reference', 'harness-schema', 'pipeline.v0.json');

const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (arg('--sizes') ?? '200,4500,11000,18000').split(',').map(Number);
const RUNS = Number(arg('--runs') ?? 3);
const MUTATIONS = Number(arg('--mutations') ?? 300);
const hasReference = fs.existsSync(REFERENCE);
const withYamlLs = hasReference && !args.includes('--no-yamlls') && fs.existsSync(YAMLLS);

if (!fs.existsSync(SERVER)) {
  console.error('dist/server.js not found: run `npm run build` first');
  process.exit(1);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-bench-'));
fs.mkdirSync(path.join(workDir, '.harness'), { recursive: true });

/** Cursor positions for completion and hover, spread over the document. */
function probes(text) {
  const mid = Math.floor(text.length / 2);
  const late = Math.floor(text.length * 0.9);
  return {
    completion: [
      ['step type value (middle)', positionOf(text, 'type: ShellScript', 'type: '.length, mid)],
      ['key in a step (middle)', positionOf(text, 'timeout: 10m', 0, mid)],
      [
        '<+pipeline.variables. (end)',
        positionOf(text, '<+pipeline.variables.run_smoke>', '<+pipeline.variables.'.length, late),
      ],
      ['enum value shell: (end)', positionOf(text, 'shell: Bash', 'shell: '.length, late)],
      ['stage key (start)', positionOf(text, 'description: Builds', 0)],
    ],
    hover: [
      ['key timeout (middle)', positionOf(text, 'timeout: 10m', 2, mid)],
      ['type value (middle)', positionOf(text, 'type: K8sRollingDeploy', 8, mid)],
      ['expression (end)', positionOf(text, '<+pipeline.variables.run_smoke>', 12, late)],
    ],
  };
}

/** Times `fn` `n` times; returns the samples in ms. */
async function sample(n, fn) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

let referenceJson;
function referenceSchema() {
  referenceJson ??= JSON.parse(fs.readFileSync(REFERENCE, 'utf8'));
  return referenceJson;
}

/** Our server: cold start (median of `runs`), then edits, completion, hover and RSS on the last instance. */
async function measureOurs(text, uri, schema, runs) {
  const cold = [];
  let server;
  let errors = 0;
  let fellBack = false;
  for (let r = 0; r < runs; r++) {
    if (server) await server.stop();
    server = new BenchServer([SERVER, '--stdio']);
    await server.initialize({ settings: { validation: { debounceMs: 0, liveReferences: false } } });
    if (schema === 'reference') {
      const res = await server.request('harness/setSchema', {
        source: 'file',
        schema: referenceSchema(),
        label: 'pipeline.v0.json',
      });
      fellBack = !res?.ok;
    }
    server.open(uri, text);
    const d = await server.waitDiagnostics(uri, 0);
    cold.push(d.at - server.t0);
    errors = d.diagnostics.filter((x) => x.severity === 1).length;
  }
  const edits = await sample(Math.max(3, runs), async (i) => {
    const after = server.published.length;
    const v = server.change(uri, text.replace('value: hello', `value: hello${i}`));
    await server.waitDiagnostics(uri, after, (p) => p.version === v);
  });
  return {
    ...(await measureRequests(server, uri, text, Math.max(3, runs))),
    cold,
    edits,
    errors,
    fellBack,
    rss: server.peakRssMb(),
    stop: () => server.stop(),
  };
}

async function measureRequests(server, uri, text, n) {
  const { completion, hover } = probes(text);
  const completionMs = [];
  const completionCounts = {};
  for (const [name, position] of completion) {
    completionMs.push(
      ...(await sample(n, async () => {
        const res = await server.request('textDocument/completion', { textDocument: { uri }, position });
        completionCounts[name] = Array.isArray(res) ? res.length : (res?.items?.length ?? 0);
      })),
    );
  }
  const hoverMs = [];
  for (const [, position] of hover) {
    hoverMs.push(
      ...(await sample(n, () => server.request('textDocument/hover', { textDocument: { uri }, position }))),
    );
  }
  return { completion: completionMs, completionCounts, hover: hoverMs };
}

async function measureYamlLs(text, uri) {
  const settings = {
    yaml: {
      schemas: { [pathToFileURL(REFERENCE).href]: ['*.yaml'] },
      validate: true,
      completion: true,
      hover: true,
      format: { enable: false },
      schemaStore: { enable: false },
      maxItemsComputed: 5000,
    },
    http: { proxy: '', proxyStrictSSL: false },
    editor: { tabSize: 2 },
    '[yaml]': {},
  };
  const server = new BenchServer([YAMLLS, '--stdio'], {
    configuration: (item) => (item.section ? (settings[item.section] ?? null) : settings),
  });
  await server.initialize(
    {},
    {
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: {},
      },
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
    },
  );
  await server.conn.sendNotification('workspace/didChangeConfiguration', { settings });
  server.open(uri, text);
  const first = await server.waitDiagnostics(uri, 0);
  const cold = [first.at - server.t0];
  const edits = await sample(2, async (i) => {
    const after = server.published.length;
    server.change(uri, text.replace('value: hello', `value: hallo${i}`));
    await server.waitDiagnostics(uri, after);
  });
  const req = await measureRequests(server, uri, text, 1);
  return {
    ...req,
    cold,
    edits,
    errors: first.diagnostics.filter((x) => x.severity === 1).length,
    rss: server.peakRssMb(),
    stop: () => server.stop(),
  };
}

const fmtMs = (v) =>
  v === undefined ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const fmtMb = (v) => (v === undefined ? '—' : `${v.toFixed(0)} MB`);
const ratio = (a, b) => (a === undefined || b === undefined || b <= 0 ? '—' : `${(a / b).toFixed(1)}×`);

function table(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const started = performance.now();
console.log(
  `Harness language server benchmark — node ${process.version}, ${os.cpus().length} CPUs, sizes ${SIZES.join(', ')}, ${RUNS} cold runs`,
);
console.log(
  `reference schema: ${hasReference ? REFERENCE : 'absent (../shared/reference missing): bundled figures only'}`,
);
console.log('validation debounce set to 0 ms for the measurements (the editor default adds 200 ms)\n');

const rows = [];
for (const size of SIZES) {
  const text = generatePipeline(size);
  const lines = text.split('\n').length - 1;
  const file = path.join(workDir, '.harness', `bench-${size}.yaml`);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const parse = median(await sample(5, () => parseDocument(text)));
  const runs = size > 5000 ? Math.max(1, RUNS) : Math.max(3, RUNS);

  const ours = await measureOurs(text, uri, 'bundled', runs);
  await ours.stop();
  const ref = hasReference ? await measureOurs(text, uri, 'reference', runs) : undefined;
  await ref?.stop();
  let yls;
  if (withYamlLs) {
    try {
      yls = await measureYamlLs(text, uri);
    } catch (err) {
      console.error(`yaml-language-server failed at ${size} lines: ${err.message}`);
    }
    await yls?.stop();
  }
  const m = (r, k) => (r ? median(r[k]) : undefined);
  const row = (metric, a, b, c, fmt = fmtMs) => [lines, metric, fmt(a), fmt(b), fmt(c), ratio(c, b ?? a)];
  rows.push(
    row('cold start → first diagnostics', m(ours, 'cold'), m(ref, 'cold'), m(yls, 'cold')),
    row('diagnostics after an edit', m(ours, 'edits'), m(ref, 'edits'), m(yls, 'edits')),
    row('completion (5 positions)', m(ours, 'completion'), m(ref, 'completion'), m(yls, 'completion')),
    row('hover (3 positions)', m(ours, 'hover'), m(ref, 'hover'), m(yls, 'hover')),
    row('peak RSS', ours.rss, ref?.rss, yls?.rss, fmtMb),
    [lines, 'yaml parseDocument', fmtMs(parse), '', '', ''],
    [
      lines,
      'errors reported on the generated file',
      ours.errors,
      ref ? `${ref.errors}${ref.fellBack ? ' (fell back to bundled!)' : ''}` : '—',
      yls ? yls.errors : '—',
      '',
    ],
  );
  console.log(
    `${lines} lines: done (${((performance.now() - started) / 1000).toFixed(0)} s); completion items: ${JSON.stringify(ours.completionCounts)}`,
  );
}

console.log(
  '\n' +
    table(rows, [
      'lines',
      'metric',
      'ours (bundled)',
      'ours (reference)',
      'yaml-language-server (reference)',
      'ratio yls/ours',
    ]),
);
if (MUTATIONS > 0) {
  const base = generatePipeline(200);
  const file = path.join(workDir, '.harness', 'bench-mutated.yaml');
  fs.writeFileSync(file, base);
  const r = await measureRobustness(
    async () => {
      const server = new BenchServer([SERVER, '--stdio']);
      await server.initialize({ settings: { validation: { debounceMs: 0, liveReferences: false } } });
      return server;
    },
    { base, uri: pathToFileURL(file).href, count: MUTATIONS, seed: 20261129 },
  );
  console.log(
    `\nRobustness (ours, bundled schema):\n` +
      `  alias bomb (10^12 stages if aliases were expanded) → first diagnostics: ${fmtMs(r.bombMs)} (${r.bombCodes.join(', ')})\n` +
      `  ${r.count} mutated ${base.split('\n').length - 1}-line pipelines (seed ${r.seed}), each through diagnostics, ` +
      `completion and hover at 3 offsets and symbols: median ${fmtMs(r.median)}, p99 ${fmtMs(r.p99)}, ` +
      `slowest ${fmtMs(r.slowest.ms)} (document #${r.slowest.index}); peak RSS ${fmtMb(r.rss)}`,
  );
}

console.log(
  '\nTargets: 18k-line diagnostics ≤ 200 ms; completion ≤ 50 ms; cold start ≤ 400 ms bundled, ≤ 1.5 s reference; peak RSS ≤ 200 MB;' +
    ' alias bomb ≤ 10 s; every mutated document ≤ 3 s (limits the unit tests used to assert).',
);
console.log(`Total ${((performance.now() - started) / 1000).toFixed(0)} s`);
fs.rmSync(workDir, { recursive: true, force: true });
