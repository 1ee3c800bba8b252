// Time figures for pathological input, measured here instead of asserted in unit tests (a wall-time
// limit inside a test fails on a busy machine and says nothing on a fast one):
//  - an alias bomb (10^12 stages if aliases were expanded) to its first diagnostics;
//  - mutated pipelines (the fuzz stage's kinds of damage: deleted, swapped, duplicated and
//    re-indented lines, junk and binary runs, truncation), each through diagnostics, completion,
//    hover and document symbols at three offsets: median, 99th percentile and slowest document.
// The unit tests keep the behaviour (the alias limit is reported; no mutated document throws).
import { median } from './lsp.mjs';

/** The unit tests' PRNG (test/helpers/prng.ts), so a seed names the same documents. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK = [
  '\t',
  '\u0000',
  '\uFFFD',
  '\u{1F600}',
  '<+',
  '>',
  ':',
  '- ',
  '&a ',
  '*a',
  '|',
  '"',
  "'",
  '{',
  '[',
  '#',
  '\r',
  '\\',
  '\u202E',
  '%',
];

/** One to four random edits of the kinds the fuzz stage makes. */
export function mutate(text, rnd) {
  let s = text;
  const n = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < n; k++) {
    const pos = Math.floor(rnd() * (s.length + 1));
    const lines = s.split('\n');
    const li = Math.floor(rnd() * lines.length);
    switch (Math.floor(rnd() * 9)) {
      case 0:
        s = s.slice(0, pos) + s.slice(pos + 1 + Math.floor(rnd() * 8));
        break;
      case 1:
        s = s.slice(0, pos) + JUNK[Math.floor(rnd() * JUNK.length)] + s.slice(pos);
        break;
      case 2:
        if (pos + 1 < s.length) s = s.slice(0, pos) + s[pos + 1] + s[pos] + s.slice(pos + 2);
        break;
      case 3:
        lines.splice(li, 1);
        s = lines.join('\n');
        break;
      case 4:
        lines.splice(li, 0, lines[li] ?? '');
        s = lines.join('\n');
        break;
      case 5: {
        const lj = Math.floor(rnd() * lines.length);
        [lines[li], lines[lj]] = [lines[lj], lines[li]];
        s = lines.join('\n');
        break;
      }
      case 6:
        lines[li] = rnd() < 0.5 ? `  ${lines[li]}` : (lines[li] ?? '').replace(/^ {1,3}/, '');
        s = lines.join('\n');
        break;
      case 7: {
        let junk = '';
        for (let i = 0; i < 1 + rnd() * 6; i++) junk += String.fromCharCode(Math.floor(rnd() * 0xffff));
        s = s.slice(0, pos) + junk + s.slice(pos);
        break;
      }
      default:
        s = s.slice(0, pos);
    }
  }
  return s;
}

/** The alias bomb of test/unit/server/core/yaml.test.ts: each level repeats the previous ten times. */
export function aliasBomb() {
  const lines = ['- &a0 {parallel: [{stage: {name: S, identifier: s, type: Custom}}]}'];
  for (let i = 1; i < 12; i++)
    lines.push(
      `- &a${i} {parallel: [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]}`,
    );
  return ['pipeline:', '  name: P', '  identifier: p', '  stages:', ...lines.map((l) => `    ${l}`), ''].join(
    '\n',
  );
}

/** LSP position (UTF-16 units, as `text` indexes) of a string offset. */
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/**
 * @param {() => Promise<import('./lsp.mjs').BenchServer>} start an initialized server
 * @param {{ base: string, uri: string, count: number, seed: number }} options
 */
export async function measureRobustness(start, { base, uri, count, seed }) {
  const server = await start();
  try {
    const bombUri = uri.replace(/\.yaml$/, '-alias-bomb.yaml');
    const t = performance.now();
    server.open(bombUri, aliasBomb());
    const bomb = await server.waitDiagnostics(bombUri, 0);
    const bombMs = bomb.at - t;
    const bombCodes = [...new Set(bomb.diagnostics.map((d) => d.code))];

    const rnd = mulberry32(seed);
    server.open(uri, base);
    await server.waitDiagnostics(uri, 0);
    const perDoc = [];
    let slowest = { ms: 0, index: -1 };
    for (let i = 0; i < count; i++) {
      const text = mutate(base, rnd);
      const offsets = [0, Math.floor(rnd() * (text.length + 1)), text.length];
      const started = performance.now();
      const after = server.published.length;
      const version = server.change(uri, text);
      await server.waitDiagnostics(uri, after, (p) => p.version === version);
      for (const offset of offsets) {
        const position = positionAt(text, offset);
        await server.request('textDocument/completion', { textDocument: { uri }, position });
        await server.request('textDocument/hover', { textDocument: { uri }, position });
      }
      await server.request('textDocument/documentSymbol', { textDocument: { uri } });
      const ms = performance.now() - started;
      perDoc.push(ms);
      if (ms > slowest.ms) slowest = { ms, index: i };
    }
    return {
      bombMs,
      bombCodes,
      count,
      seed,
      median: median(perDoc),
      p99: percentile(perDoc, 99),
      slowest,
      rss: server.peakRssMb(),
    };
  } finally {
    await server.stop();
  }
}
