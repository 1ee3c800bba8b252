// Fuzz: generated block YAML rich in what the fast parser must place exactly as `yaml` does —
// comment lines at every column, blank lines, comments after values, keys and block scalar
// headers, number formats, block scalars with empty lines — plain and with random line damage.
// Whenever the fast parser accepts a document, it must equal `yaml`'s field by field (comments,
// all three range offsets, errors and warnings included). Seeded and reproducible;
// HARNESS_FUZZ_COUNT / HARNESS_FUZZ_SEED override the defaults.
import * as assert from 'node:assert/strict';
import { fastParse } from '../../../server/yaml/fastParse';
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
});
