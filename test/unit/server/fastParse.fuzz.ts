// Fuzz: generated block YAML rich in what the fast parser must place exactly as `yaml` does —
// comment lines at every column, blank lines, comments after values, keys and block scalar
// headers, number formats, block scalars with empty lines — plain and with random line damage.
// Whenever the fast parser accepts a document, it must equal `yaml`'s field by field (comments,
// all three range offsets, errors and warnings included). Seeded and reproducible;
// HARNESS_FUZZ_COUNT / HARNESS_FUZZ_SEED override the defaults.
import * as assert from 'node:assert/strict';
import { fastParse, ParseMemo } from '../../../server/yaml/fastParse';
import { parseWithYaml } from '../../../server/yaml/parse';
import { mulberry32 } from '../../helpers/prng';
import { documentDifferences } from './core/equivalence';

const COUNT = Number(process.env.HARNESS_FUZZ_COUNT ?? 3000);
const SEED = Number(process.env.HARNESS_FUZZ_SEED ?? 20261202);

const SCALARS = [
  'x',
  'hello world',
  '1',
  '-3',
  '0o17',
  '0x1F',
  '1.50',
  '2.5',
  '1e3',
  '.inf',
  '-.Inf',
  '.nan',
  '~',
  'null',
  'True',
  'false',
  '"q"',
  "'it''s'",
  '""',
  '[a, 1]',
  '{k: v, n: 2}',
  '[]',
  '<+input>',
  'a#b',
  '10m',
];

/** A block YAML document with comments and blank lines in many places. */
function generate(r: () => number): string {
  const lines: string[] = [];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const pad = (n: number) => ' '.repeat(Math.max(0, n));
  const comment = (col: number) =>
    `${pad(col)}#${r() < 0.2 ? '' : ` c${Math.floor(r() * 100)}`}${r() < 0.1 ? '  ' : ''}`;
  const inline = () => (r() < 0.15 ? ` #${r() < 0.3 ? '' : ' t'}` : '');
  // Comment and blank lines between items, at columns around the items' own.
  const noise = (col: number) => {
    while (r() < 0.35) lines.push(r() < 0.4 ? '' : comment(col + Math.floor(r() * 7) - 3));
  };
  const blockScalar = (prefix: string, col: number) => {
    lines.push(`${prefix}${pick(['|', '>', '|-', '|+', '>-'])}${inline()}`);
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++)
      lines.push(r() < 0.2 ? '' : `${pad(col + 2)}line ${i}${r() < 0.1 ? ' # not a comment' : ''}`);
  };
  const map = (col: number, depth: number, firstPrefix?: string) => {
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) {
      if (i > 0 || firstPrefix === undefined) noise(col);
      const prefix = `${i === 0 && firstPrefix !== undefined ? firstPrefix : pad(col)}k${depth}_${i}:`;
      const x = r();
      if (depth < 4 && x < 0.3) {
        lines.push(`${prefix}${inline()}`);
        noise(col + 2);
        map(col + 2, depth + 1);
      } else if (depth < 4 && x < 0.45) {
        lines.push(`${prefix}${inline()}`);
        noise(col + 2);
        seq(r() < 0.3 ? col : col + 2, depth + 1);
      } else if (x < 0.5) blockScalar(`${prefix} `, col);
      else if (x < 0.53) lines.push(prefix);
      else lines.push(`${prefix} ${pick(SCALARS)}${inline()}`);
    }
  };
  const seq = (col: number, depth: number) => {
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) {
      if (i > 0) noise(col);
      const x = r();
      if (depth < 4 && x < 0.35) map(col + 2, depth + 1, `${pad(col)}- `);
      else if (x < 0.45) blockScalar(`${pad(col)}- `, col);
      else lines.push(`${pad(col)}- ${pick(SCALARS)}${inline()}`);
    }
  };
  noise(0);
  if (r() < 0.8) map(0, 0);
  else seq(0, 0);
  noise(0);
  return lines.join('\n') + (r() < 0.9 ? '\n' : '');
}

/** Deletes, duplicates, re-indents lines, adds comments and stray syntax. */
function damage(text: string, r: () => number): string {
  const lines = text.split('\n');
  for (let n = Math.floor(r() * 4); n > 0; n--) {
    const j = Math.floor(r() * lines.length);
    const x = r();
    if (x < 0.25) lines.splice(j, 1);
    else if (x < 0.45) lines.splice(j, 0, lines[Math.floor(r() * lines.length)] ?? '');
    else if (x < 0.65) lines[j] = ' '.repeat(Math.floor(r() * 3)) + (lines[j] ?? '');
    else if (x < 0.75) lines[j] = (lines[j] ?? '').replace(/^ {1,2}/, '');
    else if (x < 0.85) lines[j] = (lines[j] ?? '') + [' # z', '#', ' ', ':', ' - y'][Math.floor(r() * 5)];
    else
      lines.splice(
        j,
        0,
        ' '.repeat(Math.floor(r() * 10)) +
          ['#', '# q', '', '-', '- - w', '"k k": 1', "'q': [1, 2]"][Math.floor(r() * 7)],
      );
  }
  return lines.join('\n');
}

describe('fuzz: the fast YAML parser builds what yaml builds, comments included', function () {
  this.timeout(600_000);

  for (const damaged of [false, true]) {
    it(`${COUNT} ${damaged ? 'damaged' : 'generated'} documents (seed ${SEED})`, () => {
      const r = mulberry32(SEED + (damaged ? 1 : 0));
      let accepted = 0;
      for (let i = 0; i < COUNT; i++) {
        const text = damaged ? damage(generate(r), r) : generate(r);
        const fast = fastParse(text);
        if (!fast) continue;
        accepted++;
        const full = parseWithYaml(text);
        assert.equal(full.length, 1, `fast path accepted ${full.length} documents:\n${JSON.stringify(text)}`);
        assert.deepEqual(documentDifferences(fast, full[0]), [], `document #${i}: ${JSON.stringify(text)}`);
      }
      // Most undamaged documents must stay on the fast path, or this test says little.
      if (!damaged) assert.ok(accepted > COUNT * 0.6, `only ${accepted} of ${COUNT} on the fast path`);
      console.log(`      ${accepted} of ${COUNT} on the fast path, all equal to yaml's`);
    });
  }

  it(`${COUNT} chains of edits parsed with the previous version's memo (seed ${SEED})`, () => {
    const r = mulberry32(SEED + 2);
    let parsed = 0;
    let reused = 0;
    for (let i = 0; i < COUNT / 5; i++) {
      // Several sequence items of the same document, so edits leave most of them as they were.
      let text = `items:\n${Array.from({ length: 3 + Math.floor(r() * 4) }, () => mapDocument(r))
        .map((t) => `  - k: 0\n${t.replace(/^(?=.)/gm, '    ')}`)
        .join('\n')}\n`;
      // Every sequence item is memoized (the default leaves out short ones), the edits chained.
      let previous: ParseMemo | undefined;
      let prevText = '';
      for (let step = 0; step < 6; step++) {
        const memo = new ParseMemo(1);
        const doc = fastParse(text, previous, memo);
        if (doc) {
          parsed++;
          reused += memo.reused;
          const full = parseWithYaml(text);
          assert.equal(full.length, 1);
          assert.deepEqual(
            documentDifferences(doc, full[0]),
            [],
            `chain #${i} step ${step}: ${JSON.stringify(text)}\nPREV ${JSON.stringify(prevText)}`,
          );
          previous = memo;
          prevText = text;
        }
        const x = r();
        text = x < 0.25 ? moveItem(text, r) : x < 0.85 ? editLine(text, r) : damage(text, r);
      }
    }
    assert.ok(parsed > COUNT / 2, `only ${parsed} versions on the fast path`);
    assert.ok(reused > parsed, `only ${reused} items reused in ${parsed} versions`);
    console.log(`      ${parsed} versions on the fast path, ${reused} items reused, all equal to yaml's`);
  });
});

/** A generated document whose root is a map the fast parser accepts: an item's content. */
function mapDocument(r: () => number): string {
  for (;;) {
    const text = generate(r);
    if (/^\s*-/.test(text.replace(/^\s*#.*$/gm, '')) || !fastParse(text)) continue;
    return text.endsWith('\n') ? text : `${text}\n`;
  }
}

/** An edit as typing makes it: a value changed, a key added after a key, a key line deleted. */
function editLine(text: string, r: () => number): string {
  const lines = text.split('\n');
  const keyLines = lines.flatMap((l, i) => (/^ *[\w-]+: \S/.test(l) ? [i] : []));
  if (keyLines.length === 0) return text;
  const j = keyLines[Math.floor(r() * keyLines.length)];
  const x = r();
  if (x < 0.5) lines[j] = lines[j].replace(/: .*$/, `: ${SCALARS[Math.floor(r() * SCALARS.length)]}`);
  else if (x < 0.8)
    lines.splice(j + 1, 0, lines[j].replace(/^( *)[\w-]+: .*$/, `$1added${Math.floor(r() * 1e6)}: 1`));
  else lines.splice(j, 1);
  return lines.join('\n');
}

/** Swaps two of the top-level items, or repeats one (the same text twice in one document). */
function moveItem(text: string, r: () => number): string {
  const parts = text.split(/^(?= {2}- k: 0$)/m);
  const head = parts.shift() ?? '';
  if (parts.length < 2) return text;
  const a = Math.floor(r() * parts.length);
  const b = Math.floor(r() * parts.length);
  if (r() < 0.5) [parts[a], parts[b]] = [parts[b], parts[a]];
  else parts.splice(b, 0, parts[a]);
  return head + parts.join('');
}
