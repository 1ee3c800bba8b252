#!/usr/bin/env node
// `npm run bench`: language server figures for every Harness file kind, ours side by side with
// yaml-language-server on the same files, against the speed targets of issue 10 §4.
//  - Pipelines: generated pipelines of ~200, 4,500, 11,000 and 18,000 lines (scripts/bench/generate.mjs)
//    and, with ../shared, the real ones of ../shared/fixtures/pipelines. Ours with the bundled schema
//    and with the published reference schema (harness/setSchema); yaml-language-server with the
//    reference schema mapped in yaml.schemas. Cold start (spawn → first diagnostics) in fresh
//    servers; everything else in one server per schema that keeps every pipeline open, smallest
//    first, so the RSS after the 18k file is the RSS "after the big files".
//  - Entity kinds (templates Step/Stage/Pipeline/StepGroup, input set, overlay input set, trigger,
//    service, environment, infrastructure definition, connector, secret): generated 50–300-line
//    files (scripts/bench/entities.mjs) and, with ../shared, each real file of
//    ../shared/fixtures/entities, read in place. One fresh server per kind; yaml-language-server
//    has no Harness schema for these and runs with none (plain YAML).
// Per file: open → diagnostics (re-opens under new URIs in a running server; opens are never
// debounced), edit → diagnostics with a 0 ms debounce (the work; the debounce is reported apart,
// and once measured on top), completion and hover at several positions, RSS after (VmRSS) and
// peak (VmHWM). yaml-language-server's fixed 200 ms validation delay is set to 0 the same way
// (scripts/bench/yamlls-no-delay.mjs). Then robustness (scripts/bench/robustness.mjs), and last
// one summary table with ok/MISS against the targets. Figures only, no assertions.
// Needs `node esbuild.mjs` first (dist/server.js).
//   node scripts/bench.mjs [--quick] [--kinds pipeline,trigger,template,…] [--sizes 200,4500]
//     [--runs N (cold starts)] [--repeat N (samples per figure)] [--no-yamlls] [--no-fixtures]
//     [--mutations N (0: none)]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { ENTITY_KINDS, generateEntities, readFixtureEntities } from './bench/entities.mjs';
import { generatePipeline } from './bench/generate.mjs';
import { BenchServer, median, positionOf } from './bench/lsp.mjs';
import { measureRobustness } from './bench/robustness.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(repoRoot, 'dist', 'server.js');
// The Node flags the extension starts the server with (SERVER_NODE_FLAGS in src/language/nodeClient.ts;
// a unit test keeps the two lists equal).
const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];
const YAMLLS = path.join(repoRoot, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const YAMLLS_NO_DELAY = path.join(repoRoot, 'scripts', 'bench', 'yamlls-no-delay.mjs');
const SHARED = path.resolve(repoRoot, '..', 'shared');
const REFERENCE = path.join(SHARED, 'reference', 'harness-schema', 'pipeline.v0.json');
const FIXTURE_PIPELINES = path.join(SHARED, 'fixtures', 'pipelines');
const FIXTURE_ENTITIES = path.join(SHARED, 'fixtures', 'entities');

const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const QUICK = args.includes('--quick');
const SIZES = (arg('--sizes') ?? (QUICK ? '200,18000' : '200,4500,11000,18000')).split(',').map(Number);
const RUNS = Number(arg('--runs') ?? (QUICK ? 1 : 3));
const REPEAT = Math.max(1, Number(arg('--repeat') ?? (QUICK ? 3 : 5)));
const MUTATIONS = Number(arg('--mutations') ?? (QUICK ? 0 : 300));
const ALL_KINDS = ['pipeline', ...Object.keys(ENTITY_KINDS)];
const KINDS = (() => {
  const wanted = arg('--kinds')
    ?.split(',')
    .map((k) => k.trim().toLowerCase());
  if (!wanted) return ALL_KINDS;
  const picked = ALL_KINDS.filter((k) =>
    wanted.some((w) => k.toLowerCase() === w || k.toLowerCase().startsWith(`${w}/`)),
  );
  if (picked.length === 0) {
    console.error(`--kinds: none of ${wanted.join(', ')} is one of ${ALL_KINDS.join(', ')} (or "template")`);
    process.exit(2);
  }
  return picked;
})();
const useFixtures = !args.includes('--no-fixtures');
const hasReference = fs.existsSync(REFERENCE);
const withYamlLs = !args.includes('--no-yamlls') && fs.existsSync(YAMLLS);

/** The debounce the editor applies after an edit: what VS Code sends for harness.validation.debounceMs. */
const DEBOUNCE_MS =
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).contributes?.configuration
    ?.properties?.['harness.validation.debounceMs']?.default ?? 200;
const YAMLLS_DELAY_MS = 200;

/** Issue 10 §4. "Typical" is a file of at most 1,000 lines; the 18k-line figures apply to every bigger file. */
const TARGETS = { open: 30, edit: 20, editBig: 100, completion: 10, completionBig: 30, rss: 150 };
const BIG = 1000;

if (!fs.existsSync(SERVER)) {
  console.error('dist/server.js not found: run `node esbuild.mjs` (or `npm run build`) first');
  process.exit(1);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-bench-'));
fs.mkdirSync(path.join(workDir, '.harness'), { recursive: true });
/** A URI under .harness/ (documents go to the servers in didOpen; nothing is written there). */
const uriOf = (name) => pathToFileURL(path.join(workDir, '.harness', name)).href;

// ----- probes and edits ---------------------------------------------------------------------------

/** Completion and hover positions in a generated pipeline (needles generate.mjs always writes). */
function pipelineProbes(text) {
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

/**
 * Positions found in any Harness file (real fixtures, generated entities): a `type:` value at or
 * after the middle, the key nearest the middle, the last key, the last `<+` expression; hover on
 * the middle key, that `type` key and its value. Lines inside block scalars are skipped.
 */
function genericProbes(text) {
  const lines = text.split('\n');
  const keys = [];
  let blockIndent = -1;
  lines.forEach((l, line) => {
    const indent = l.length - l.trimStart().length;
    if (blockIndent >= 0 && (l.trim() === '' || indent > blockIndent)) return;
    blockIndent = -1;
    const m = /^(\s*(?:- )?)([A-Za-z_][\w.-]*):(?: +(.*))?$/.exec(l);
    if (!m) return;
    const value = m[3];
    keys.push({ line, col: m[1].length, key: m[2], valueCol: value ? l.length - value.length : undefined });
    if (value && /^[|>][-+0-9]*\s*$/.test(value)) blockIndent = indent;
  });
  if (keys.length === 0) return { completion: [], hover: [] };
  const midLine = lines.length / 2;
  const middle = keys.reduce((a, b) => (Math.abs(b.line - midLine) < Math.abs(a.line - midLine) ? b : a));
  const types = keys.filter((k) => k.key === 'type' && k.valueCol !== undefined);
  const type = types.find((k) => k.line >= midLine) ?? types[0];
  const last = keys[keys.length - 1];
  const completion = [
    ['key (middle)', { line: middle.line, character: middle.col }],
    ['key (end)', { line: last.line, character: last.col }],
  ];
  const hover = [['key (middle)', { line: middle.line, character: middle.col + 1 }]];
  if (type) {
    completion.unshift(['type value', { line: type.line, character: type.valueCol }]);
    hover.push(['type key', { line: type.line, character: type.col + 1 }]);
    hover.push(['type value', { line: type.line, character: type.valueCol + 1 }]);
  }
  const expr = text.lastIndexOf('<+');
  if (expr >= 0) completion.push(['expression', positionOf(text, '<+', 2, expr)]);
  return { completion, hover };
}

/** Edit `i` of a file: a suffix on the root entity's `name`, else a trailing comment. */
function editOf(text) {
  const m = /^( {2}name: )([A-Za-z0-9][\w .-]*)$/m.exec(text);
  if (m) {
    const before = text.slice(0, m.index + m[0].length);
    const after = text.slice(m.index + m[0].length);
    return (i) => `${before} e${i}${after}`;
  }
  const base = text.endsWith('\n') ? text : `${text}\n`;
  return (i) => `${base}# edit ${i}\n`;
}

// ----- measuring ----------------------------------------------------------------------------------

async function timed(fn) {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}

const errorsIn = (p) => p.diagnostics.filter((x) => x.severity === 1).length;

/** Opens `text` as `uri` and waits for its diagnostics: [ms, publish]. */
async function openAndWait(server, uri, text) {
  const after = server.published.length;
  const t = performance.now();
  server.open(uri, text);
  const p = await server.waitDiagnostics(uri, after);
  return [p.at - t, p];
}

/** Replaces the text and waits for the diagnostics of that version (any publish for servers that send no version). */
async function changeAndWait(server, uri, text) {
  const after = server.published.length;
  const t = performance.now();
  const v = server.change(uri, text);
  const p = await server.waitDiagnostics(uri, after, (x) => x.version === undefined || x.version === v);
  return p.at - t;
}

/**
 * Every per-file figure, in a running server: open (first time), re-opens under fresh URIs
 * (`opens` times, each closed again), `edits` edits, then completion and hover at the probes
 * (`repeat` each). The document stays open with its original text.
 */
async function measureFile(server, { name, text, probes, opens, edits, repeat }) {
  const uri = uriOf(name);
  const [firstOpen, first] = await openAndWait(server, uri, text);
  const reopen = [];
  for (let r = 0; r < opens; r++) {
    const u = uriOf(name.replace(/(\.ya?ml)?$/, `.open${r}$1`));
    reopen.push((await openAndWait(server, u, text))[0]);
    await server.close(u);
  }
  const edit = editOf(text);
  const editMs = [];
  for (let i = 0; i < edits; i++) editMs.push(await changeAndWait(server, uri, edit(i)));
  await changeAndWait(server, uri, text);
  const completion = [];
  const completionCounts = [];
  for (const [, position] of probes.completion) {
    const samples = [];
    let count = 0;
    for (let i = 0; i < repeat; i++) {
      const [ms, res] = await timed(() =>
        server.request('textDocument/completion', { textDocument: { uri }, position }),
      );
      samples.push(ms);
      count = Array.isArray(res) ? res.length : (res?.items?.length ?? 0);
    }
    completion.push(samples);
    completionCounts.push(count);
  }
  const hover = [];
  for (const [, position] of probes.hover) {
    const samples = [];
    for (let i = 0; i < repeat; i++) {
      samples.push(
        (await timed(() => server.request('textDocument/hover', { textDocument: { uri }, position })))[0],
      );
    }
    hover.push(samples);
  }
  return {
    name,
    uri,
    lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
    errors: errorsIn(first),
    firstOpen,
    reopen,
    edits: editMs,
    completion,
    completionCounts,
    completionNames: probes.completion.map(([n]) => n),
    hover,
  };
}

/** Edit → diagnostics with the editor's default debounce, in a fresh server of ours: the total a user waits (ms each). */
async function measureDebounced(name, text) {
  const server = new BenchServer([...SERVER_NODE_FLAGS, SERVER, '--stdio']);
  await server.initialize({ settings: { validation: { debounceMs: DEBOUNCE_MS, liveReferences: false } } });
  try {
    const uri = uriOf(name);
    await openAndWait(server, uri, text);
    const edit = editOf(text);
    const out = [];
    for (let i = 0; i < 2; i++) out.push(await changeAndWait(server, uri, edit(i)));
    return out;
  } finally {
    await server.stop();
  }
}

let referenceJson;
function referenceSchema() {
  referenceJson ??= JSON.parse(fs.readFileSync(REFERENCE, 'utf8'));
  return referenceJson;
}

/** Our server, initialized with a 0 ms debounce; `schema` 'reference' sends the reference via harness/setSchema. */
async function startOurs(schema = 'bundled') {
  const server = new BenchServer([...SERVER_NODE_FLAGS, SERVER, '--stdio']);
  await server.initialize({ settings: { validation: { debounceMs: 0, liveReferences: false } } });
  server.fellBack = false;
  if (schema === 'reference') {
    const res = await server.request('harness/setSchema', {
      source: 'file',
      schema: referenceSchema(),
      label: 'pipeline.v0.json',
    });
    server.fellBack = !res?.ok;
  }
  return server;
}

/** yaml-language-server with its validation delay set to 0; the reference schema for `*.yaml`, or no schema. */
async function startYamlLs(schema) {
  const settings = {
    yaml: {
      schemas: schema === 'reference' ? { [pathToFileURL(REFERENCE).href]: ['*.yaml'] } : {},
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
  const server = new BenchServer(['--import', pathToFileURL(YAMLLS_NO_DELAY).href, YAMLLS, '--stdio'], {
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
  return server;
}

/** Spawn → first diagnostics of `text` in fresh servers, `runs` times (ms each). */
async function coldStarts(start, name, text, runs) {
  const out = [];
  for (let r = 0; r < runs; r++) {
    const server = await start();
    server.open(uriOf(name), text);
    const p = await server.waitDiagnostics(uriOf(name), 0);
    out.push(p.at - server.t0);
    await server.stop();
  }
  return out;
}

/** Runs `files` ([{ name, text, probes, big, debounced }]) in one server; RSS after each. */
async function measureFiles(start, files, { debounced = false } = {}) {
  const server = await start();
  const results = [];
  try {
    for (const f of files) {
      const r = await measureFile(server, {
        ...f,
        opens: f.big ? 1 : REPEAT,
        edits: f.big ? Math.min(3, REPEAT) : REPEAT,
        repeat: f.big ? Math.min(3, REPEAT) : REPEAT,
      });
      r.rss = server.rssMb();
      r.peak = server.peakRssMb();
      results.push(r);
    }
    results.fellBack = server.fellBack;
    // The server's first completion request (first sample at the first file's first position).
    results.firstCompletion = results[0]?.completion[0]?.[0];
  } finally {
    await server.stop();
  }
  if (debounced) {
    for (const [i, f] of files.entries())
      if (f.debounced) results[i].debounced = await measureDebounced(f.name, f.text);
  }
  return results;
}

// ----- formatting -----------------------------------------------------------------------------------

const fmtMs = (v) =>
  v === undefined ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const fmtMb = (v) => (v === undefined ? '—' : `${v.toFixed(0)} MB`);
const verdict = (v, limit) => (v === undefined || limit === undefined ? '' : v <= limit ? ' ok' : ' MISS');
const flat = (xs) => xs.flat(Infinity);

function table(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Medians of a group of file results (samples pooled over its files). */
function summarize(results) {
  if (!results || results.length === 0) return undefined;
  const perProbe = results.flatMap((r) =>
    r.completion.map((s, i) => ({ ms: median(s), where: `${r.name}, ${r.completionNames[i]}` })),
  );
  const slowest = perProbe.reduce((a, b) => (b.ms > (a?.ms ?? -1) ? b : a), undefined);
  return {
    firstOpen: results[0].firstOpen,
    open: median(flat(results.map((r) => (r.reopen.length ? r.reopen : [r.firstOpen])))),
    edit: median(flat(results.map((r) => r.edits))),
    debounced: median(flat(results.map((r) => r.debounced ?? []))),
    completion: median(flat(results.map((r) => r.completion))),
    completionSlowest: slowest?.ms,
    completionSlowestWhere: slowest?.where,
    hover: median(flat(results.map((r) => r.hover))),
    rss: results[results.length - 1].rss,
    peak: Math.max(...results.map((r) => r.peak ?? 0)) || undefined,
    errors: results.reduce((a, r) => a + r.errors, 0),
  };
}

const lineRange = (files) => {
  const ls = files.map((f) => f.text.split('\n').length - 1);
  const lo = Math.min(...ls);
  const hi = Math.max(...ls);
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
};

// ----- run ------------------------------------------------------------------------------------------

const started = performance.now();
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const loadAtStart = load();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
console.log(
  `Harness language server benchmark — node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAtStart}; flags: ${args.join(' ') || '(none)'}`,
);
console.log(`kinds: ${KINDS.join(', ')}; ${REPEAT} samples per figure (fewer on files over ${BIG} lines)`);
console.log(
  `reference schema: ${hasReference ? REFERENCE : 'absent (../shared/reference missing): bundled figures only, yaml-language-server without a schema'}`,
);
console.log(
  `fixtures: ${useFixtures && fs.existsSync(FIXTURE_ENTITIES) ? path.dirname(FIXTURE_ENTITIES) : 'not used'}`,
);
console.log(
  `debounce: measurements use 0 ms (edit figures = the work); the editor adds harness.validation.debounceMs = ${DEBOUNCE_MS} ms after an edit (server/connection.ts scheduleValidation; opens are validated at once). yaml-language-server's fixed ${YAMLLS_DELAY_MS} ms validation delay (on open and on edits) is set to 0 the same way.\n`,
);

/** Summary rows: { kind, files, lines, ours, yls, big }. */
const groups = [];

if (KINDS.includes('pipeline')) {
  const sized = SIZES.map((size) => {
    const text = generatePipeline(size);
    return { size, name: `bench-${size}.yaml`, text, probes: pipelineProbes(text), big: size > BIG };
  });
  // The largest file also gets one edit with the real debounce on top.
  sized[sized.length - 1].debounced = true;
  const real =
    useFixtures && fs.existsSync(FIXTURE_PIPELINES)
      ? fs
          .readdirSync(FIXTURE_PIPELINES)
          .filter((n) => /\.ya?ml$/.test(n))
          .sort()
          .map((n) => {
            const text = fs.readFileSync(path.join(FIXTURE_PIPELINES, n), 'utf8');
            return { name: `real-${n}`, text, probes: genericProbes(text), big: false };
          })
      : [];
  if (real.length) real[0].debounced = true;
  const files = [...real, ...sized];
  const variants = [['ours', 'bundled', () => startOurs('bundled')]];
  if (hasReference) variants.push(['ours', 'reference', () => startOurs('reference')]);
  if (withYamlLs)
    variants.push(['yamlls', 'reference', () => startYamlLs(hasReference ? 'reference' : 'none')]);
  const byVariant = {};
  for (const [who, schema, start] of variants) {
    const key = `${who}/${schema}`;
    try {
      const results = await measureFiles(start, files, { debounced: who === 'ours' && schema === 'bundled' });
      const cold = {};
      for (const f of sized) cold[f.size] = await coldStarts(start, f.name, f.text, f.big ? 1 : RUNS);
      byVariant[key] = { results, cold, fellBack: results.fellBack };
    } catch (err) {
      console.error(`${key} failed on pipelines: ${err.message}`);
    }
    console.log(
      `pipelines, ${key}: done (${elapsed()}); the server's first completion request: ${fmtMs(byVariant[key]?.results.firstCompletion)}`,
    );
  }
  const oursKey = 'ours/bundled';
  const ylsKey = 'yamlls/reference';
  const pick = (key, names) => byVariant[key]?.results.filter((r) => names.includes(r.name));

  const rows = [];
  const notes = [];
  const detail = (label, names, size) => {
    const s = Object.fromEntries(Object.keys(byVariant).map((k) => [k, summarize(pick(k, names))]));
    const cell = (k, field, fmt = fmtMs) => fmt(s[k]?.[field]);
    const cols = (field, fmt) => [
      cell(oursKey, field, fmt),
      cell('ours/reference', field, fmt),
      cell(ylsKey, field, fmt),
    ];
    const cold = (k) => (size !== undefined && byVariant[k] ? fmtMs(median(byVariant[k].cold[size])) : '—');
    if (size !== undefined)
      rows.push([
        label,
        'cold start (spawn → first diagnostics)',
        cold(oursKey),
        cold('ours/reference'),
        cold(ylsKey),
      ]);
    rows.push(
      [
        label,
        `first open → diagnostics${size === undefined ? ' (the server’s first file)' : ''}`,
        ...cols('firstOpen'),
      ],
      [label, 'open → diagnostics (re-open)', ...cols('open')],
      [label, 'edit → diagnostics, work (0 ms debounce)', ...cols('edit')],
      [
        label,
        `edit → diagnostics with the ${DEBOUNCE_MS} ms debounce`,
        cell(oursKey, 'debounced'),
        '',
        `(${YAMLLS_DELAY_MS} ms fixed + work)`,
      ],
      [
        label,
        'completion (median / slowest position)',
        ...cols('completion').map((c, i) => {
          const k = [oursKey, 'ours/reference', ylsKey][i];
          return s[k] ? `${c} / ${fmtMs(s[k].completionSlowest)}` : c;
        }),
      ],
      [label, 'hover', ...cols('hover')],
      [
        label,
        'RSS after (every file above still open) / peak',
        ...[oursKey, 'ours/reference', ylsKey].map((k) =>
          s[k] ? `${fmtMb(s[k].rss)} / ${fmtMb(s[k].peak)}` : '—',
        ),
      ],
      [
        label,
        'errors reported',
        s[oursKey]?.errors ?? '—',
        s['ours/reference']
          ? `${s['ours/reference'].errors}${byVariant['ours/reference'].fellBack ? ' (fell back to bundled!)' : ''}`
          : '—',
        s[ylsKey]?.errors ?? '—',
      ],
    );
    const slow = s[oursKey];
    if (size === undefined && slow?.completionSlowestWhere)
      notes.push(
        `${label}: slowest completion position (ours, bundled): ${fmtMs(slow.completionSlowest)} at ${slow.completionSlowestWhere}`,
      );
    return s;
  };
  if (real.length) {
    const s = detail(
      `real ×${real.length}`,
      real.map((f) => f.name),
    );
    groups.push({
      kind: 'pipeline',
      files: `real ×${real.length}`,
      lines: lineRange(real),
      ours: s[oursKey],
      yls: s[ylsKey],
      big: false,
    });
  }
  for (const f of sized) {
    const lines = f.text.split('\n').length - 1;
    const s = detail(`${lines} lines`, [f.name], f.size);
    const parse = median(
      await Promise.all([0, 1, 2].map(async () => (await timed(() => parseDocument(f.text)))[0])),
    );
    rows.push([`${lines} lines`, 'plain yaml parseDocument', fmtMs(parse), '', '']);
    groups.push({
      kind: 'pipeline',
      files: 'generated',
      lines: `${lines}`,
      ours: s[oursKey],
      yls: s[ylsKey],
      big: f.big,
    });
  }
  console.log(
    '\nPipelines\n' +
      table(rows, [
        'file(s)',
        'metric (median)',
        'ours (bundled)',
        'ours (reference)',
        `yaml-language-server (${hasReference ? 'reference schema' : 'no schema'})`,
      ]) +
      notes.map((n) => `\n${n}`).join(''),
  );
}

const entityKinds = KINDS.filter((k) => k !== 'pipeline');
if (entityKinds.length) {
  const fixtures = useFixtures ? readFixtureEntities(FIXTURE_ENTITIES) : [];
  // Fixture kinds outside the list (a CustomDeployment template) are timed with the templates.
  const known = new Set(Object.keys(ENTITY_KINDS));
  const kindOf = (f) =>
    known.has(f.kind) ? f.kind : f.kind.startsWith('template/') ? 'template/other' : f.kind;
  const kinds = [...entityKinds];
  const lastTemplate = kinds.findLastIndex((k) => k.startsWith('template/'));
  if (lastTemplate >= 0 && fixtures.some((f) => kindOf(f) === 'template/other'))
    kinds.splice(lastTemplate + 1, 0, 'template/other');
  const rows = [];
  for (const kind of kinds) {
    const gen = kind in ENTITY_KINDS ? generateEntities(kind) : [];
    const real = fixtures.filter((f) => kindOf(f) === kind).map((f) => ({ ...f, name: `real-${f.name}` }));
    const files = [...gen, ...real].map((f) => ({ ...f, probes: genericProbes(f.text), big: false }));
    files[0].debounced = true;
    const ours = await measureFiles(() => startOurs('bundled'), files, { debounced: true });
    let yls;
    if (withYamlLs) {
      try {
        yls = await measureFiles(() => startYamlLs('none'), files);
      } catch (err) {
        console.error(`yaml-language-server failed on ${kind}: ${err.message}`);
      }
    }
    for (const r of ours) {
      const y = yls?.find((x) => x.name === r.name);
      const name = r.name.length > 48 ? `${r.name.slice(0, 47)}…` : r.name;
      rows.push([
        kind,
        name,
        r.lines,
        `${r.errors} / ${y?.errors ?? '—'}`,
        `${fmtMs(r.firstOpen)} / ${fmtMs(y?.firstOpen)}`,
        `${fmtMs(median(r.reopen))} / ${fmtMs(y && median(y.reopen))}`,
        `${fmtMs(median(r.edits))} / ${fmtMs(y && median(y.edits))}`,
        r.debounced ? fmtMs(median(r.debounced)) : '',
        `${fmtMs(median(flat(r.completion)))} / ${fmtMs(y && median(flat(y.completion)))}`,
        r.completionCounts.join(','),
        `${fmtMs(median(flat(r.hover)))} / ${fmtMs(y && median(flat(y.hover)))}`,
      ]);
    }
    const split = (rs, names) => rs?.filter((r) => names.includes(r.name));
    for (const [label, set] of [
      ['generated', gen],
      [`real ×${real.length}`, real],
    ]) {
      if (set.length === 0) continue;
      const names = set.map((f) => f.name);
      groups.push({
        kind,
        files: label,
        lines: lineRange(set),
        ours: summarize(split(ours, names)),
        yls: summarize(split(yls, names)),
        big: false,
        // RSS is the server's after all of the kind's files.
        rssOurs: ours[ours.length - 1].rss,
        rssYls: yls?.[yls.length - 1]?.rss,
      });
    }
    console.log(
      `${kind}: done (${elapsed()}); the server's first completion request: ${fmtMs(ours.firstCompletion)} / ${fmtMs(yls?.firstCompletion)}`,
    );
  }
  console.log(
    '\nEntity kinds: per file, ours / yaml-language-server (no schema: plain YAML); one fresh server per kind\n' +
      table(rows, [
        'kind',
        'file',
        'lines',
        'errors',
        'first open→diag',
        're-open→diag',
        'edit work',
        `edit +${DEBOUNCE_MS} ms debounce`,
        'completion',
        'items/position',
        'hover',
      ]),
  );
}

if (MUTATIONS > 0) {
  const base = generatePipeline(200);
  const r = await measureRobustness(() => startOurs('bundled'), {
    base,
    uri: uriOf('bench-mutated.yaml'),
    count: MUTATIONS,
    seed: 20261129,
  });
  console.log(
    `\nRobustness (ours, bundled schema):\n` +
      `  alias bomb (10^12 stages if aliases were expanded) → first diagnostics: ${fmtMs(r.bombMs)} (${r.bombCodes.join(', ')})\n` +
      `  ${r.count} mutated ${base.split('\n').length - 1}-line pipelines (seed ${r.seed}), each through diagnostics, ` +
      `completion and hover at 3 offsets and symbols: median ${fmtMs(r.median)}, p99 ${fmtMs(r.p99)}, ` +
      `slowest ${fmtMs(r.slowest.ms)} (document #${r.slowest.index}); peak RSS ${fmtMb(r.rss)}\n` +
      '  (limits the unit tests used to assert: alias bomb ≤ 10 s; every mutated document ≤ 3 s)',
  );
}

// ----- summary --------------------------------------------------------------------------------------

let misses = 0;
const summaryRows = groups.map((g) => {
  const o = g.ours ?? {};
  const y = g.yls ?? {};
  const limits = {
    open: g.big ? undefined : TARGETS.open,
    edit: g.big ? TARGETS.editBig : TARGETS.edit,
    completion: g.big ? TARGETS.completionBig : TARGETS.completion,
    rss: TARGETS.rss,
  };
  const rss = g.rssOurs ?? o.rss;
  const values = { open: o.open, edit: o.edit, completion: o.completion, rss };
  const checked = Object.keys(limits).filter((k) => limits[k] !== undefined && values[k] !== undefined);
  const missed = checked.filter((k) => values[k] > limits[k]);
  misses += missed.length;
  const pair = (a, b, fmt, limit) => `${fmt(a)}${verdict(a, limit)} / ${fmt(b)}`;
  return [
    g.kind,
    g.files,
    g.lines,
    pair(o.open, y.open, fmtMs, limits.open),
    pair(o.edit, y.edit, fmtMs, limits.edit),
    pair(o.completion, y.completion, fmtMs, limits.completion),
    `${fmtMs(o.hover)} / ${fmtMs(y.hover)}`,
    pair(rss, g.rssYls ?? y.rss, fmtMb, limits.rss),
    missed.length ? `MISS ${missed.join(', ')}` : `${checked.length}/${checked.length} ok`,
  ];
});
console.log(
  `\nSummary (${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAtStart} at the start, ${load()} at the end; flags: ${args.join(' ') || '(none)'}; total ${elapsed()})\n` +
    `Medians, ours / yaml-language-server on the same files; yaml-language-server: ${hasReference ? 'the reference pipeline schema' : 'no schema'} for pipelines, no schema (plain YAML) for every other kind.\n` +
    `Targets (issue 10 §4), ok/MISS next to our figure: open→diag ≤ ${TARGETS.open} ms (files ≤ ${BIG} lines); edit work ≤ ${TARGETS.edit} ms, ≤ ${TARGETS.editBig} ms over ${BIG} lines` +
    ` (work only: add our ${DEBOUNCE_MS} ms debounce, yaml-language-server's fixed ${YAMLLS_DELAY_MS} ms); completion ≤ ${TARGETS.completion} ms, ≤ ${TARGETS.completionBig} ms over ${BIG} lines; RSS ≤ ${TARGETS.rss} MB` +
    ` (VmRSS after the row's files; pipelines: one server with every pipeline above it still open).\n` +
    table(summaryRows, [
      'kind',
      'files',
      'lines',
      'open→diag',
      'edit work',
      'completion',
      'hover',
      'RSS',
      'verdict',
    ]) +
    `\n${misses === 0 ? 'every target met' : `${misses} target figure(s) missed`}`,
);
fs.rmSync(workDir, { recursive: true, force: true });
