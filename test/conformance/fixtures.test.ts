// Conformance: every real pipeline in ../shared/fixtures/pipelines must produce zero errors
// with the bundled schema and with the published reference schema; mistakes seeded into
// those pipelines (in memory) must be caught with the reference schema. Reads ../shared only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { hasShared, sharedDir } from '../helpers/paths';
import { compileBundledSchema, validateParsed } from '../../server/engine';
import { compileSchema, type CompiledSchemaImpl } from '../../server/schema/index';
import { parseWithYaml, parseYaml } from '../../server/yaml/parse';
import { fastParse } from '../../server/yaml/fastParse';
import { documentDifferences } from '../unit/server/core/equivalence';

const fixturesDir = path.join(sharedDir, 'fixtures', 'pipelines');
const referencePath = path.join(sharedDir, 'reference', 'harness-schema', 'pipeline.v0.json');
const fixtures = hasShared
  ? fs
      .readdirSync(fixturesDir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
  : [];
const read = (f: string) => fs.readFileSync(path.join(fixturesDir, f), 'utf8');
const errorsOf = (diags: Diagnostic[]) => diags.filter((d) => d.severity === 1);
const show = (diags: Diagnostic[]) =>
  diags
    .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} [${String(d.code)}] ${d.message}`)
    .join('\n');

/** Compiled once for the whole file: its schema nodes are read lazily and kept, as in a server. */
const bundled = compileBundledSchema();
let reference: CompiledSchemaImpl | undefined;
function referenceSchema(): CompiledSchemaImpl {
  if (!reference) {
    const started = performance.now();
    reference = compileSchema(JSON.parse(fs.readFileSync(referencePath, 'utf8')), 'file');
    console.log(`      reference schema read and compiled in ${(performance.now() - started).toFixed(0)} ms`);
  }
  return reference;
}

describe('conformance: the fast YAML parser on every real file', () => {
  const dirs = ['pipelines', 'entities'].map((d) => path.join(sharedDir, 'fixtures', d));
  const files = hasShared
    ? dirs.flatMap((d) =>
        fs.existsSync(d)
          ? fs
              .readdirSync(d)
              .filter((f) => /\.ya?ml$/.test(f))
              .map((f) => path.join(d, f))
          : [],
      )
    : [];
  it('builds exactly what yaml builds, field by field, or defers to yaml; real files stay on the fast path', () => {
    const differing: string[] = [];
    let fast = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const doc = fastParse(text);
      if (!doc) continue;
      fast++;
      const diff = documentDifferences(doc, parseWithYaml(text)[0]);
      if (diff.length) differing.push(`${path.basename(file)}: ${diff.join('; ')}`);
    }
    assert.deepEqual(differing, []);
    // The fast path is only worth keeping if real files take it.
    assert.ok(files.length >= 40, `only ${files.length} files`);
    assert.ok(fast >= files.length * 0.9, `${fast} of ${files.length} real files took the fast path`);
  });
});

describe('conformance: real pipelines', function () {
  this.timeout(120_000);

  it('the reference data is present beside the clone', () => {
    assert.ok(hasShared, `${sharedDir} is missing`);
    assert.ok(fixtures.length >= 20, `only ${fixtures.length} fixtures`);
    assert.ok(fs.existsSync(referencePath));
  });

  for (const f of fixtures) {
    it(`${f}: the fast parser builds exactly what yaml builds, comments included (or defers to it)`, () => {
      const fast = fastParse(read(f));
      if (fast) assert.deepEqual(documentDifferences(fast, parseWithYaml(read(f))[0]), []);
    });
    it(`${f}: no errors with the bundled schema`, () => {
      const diags = validateParsed(parseYaml(read(f)), bundled);
      assert.deepEqual(errorsOf(diags), [], show(errorsOf(diags)));
    });
    it(`${f}: no errors with the reference schema`, () => {
      const diags = validateParsed(parseYaml(read(f)), referenceSchema());
      assert.deepEqual(errorsOf(diags), [], show(errorsOf(diags)));
    });
  }
});

/** A mistake applied to the first fixture where `find` matches; the diagnostic it must cause. */
const mistakes: {
  name: string;
  find: RegExp;
  replace: (m: string) => string;
  code: string;
  message: RegExp;
  at: RegExp;
}[] = [
  {
    name: 'misspelled stage type',
    find: /(?<=\n\s+type: )Deployment(?=\n)/,
    replace: () => 'Deploymnt',
    code: 'invalid-enum',
    message: /^"Deploymnt" is not a stage type; did you mean "Deployment"\?/,
    at: /^Deploymnt$/,
  },
  {
    name: 'misspelled step type',
    find: /(?<=\n\s+type: )ShellScript(?=\n)/,
    replace: () => 'ShelScript',
    code: 'invalid-enum',
    message: /"ShelScript" is not a step type; did you mean "ShellScript"\?/,
    at: /^ShelScript$/,
  },
  {
    name: 'bad timeout',
    find: /(?<=\n\s+timeout: )\d+[mh](?=\n)/,
    replace: () => '10 minutes',
    code: 'invalid-timeout',
    message: /not a valid timeout/,
    at: /^10 minutes$/,
  },
  {
    name: 'invalid identifier',
    find: /(?<=\n {2}identifier: )\w+(?=\n)/,
    replace: (m) => `${m}-x`,
    code: 'invalid-identifier',
    message: /is invalid/,
    at: /-x$/,
  },
  {
    name: 'unterminated expression',
    find: /<\+pipeline\.[\w.]+>/,
    replace: (m) => m.slice(0, -1),
    code: 'invalid-expression',
    message: /Unterminated expression/,
    at: /^<\+pipeline\./,
  },
  {
    name: 'unknown runtime-input method',
    find: /<\+input>(?=\s*\n)/,
    replace: () => '<+input>.defualt(x)',
    code: 'invalid-expression',
    message: /Unknown runtime input method "\.defualt\(\)"/,
    at: /^defualt$/,
  },
  {
    name: 'missing step name',
    find: /(?<=- step:\n)(\s+)name: [^\n]+\n/,
    replace: () => '',
    code: 'missing-required',
    message: /Missing required property "name" in step/,
    at: /^step$/,
  },
  {
    name: 'duplicate stage identifier',
    find: /(?<=- stage:\n\s+name: [^\n]+\n\s+identifier: )\w+(?=\n[\s\S]*?- stage:\n\s+name: [^\n]+\n\s+identifier: (\w+)\n)/,
    replace: () => 'dup_stage',
    code: 'duplicate-identifier',
    message: /Duplicate stage identifier/,
    at: /^dup_stage$/,
  },
];

describe('conformance: seeded mistakes are caught with the reference schema', function () {
  this.timeout(120_000);
  for (const m of mistakes) {
    it(m.name, () => {
      const f = fixtures.find((x) => m.find.test(read(x)));
      assert.ok(f, `no fixture matches ${m.find}`);
      let text = read(f).replace(m.find, m.replace);
      if (m.code === 'duplicate-identifier') {
        // Give the second stage the same identifier as the first.
        text = text.replace(/(- stage:\n\s+name: [^\n]+\n\s+identifier: )(?!dup_stage)\w+/, '$1dup_stage');
      }
      const diags = validateParsed(parseYaml(text), referenceSchema());
      const hit = diags.find((d) => d.code === m.code && m.message.test(d.message));
      assert.ok(hit, `${f}: expected ${m.code} ${m.message}, got:\n${show(diags)}`);
      const p = parseYaml(text);
      const covered = text.slice(p.lines.offsetAt(hit.range.start), p.lines.offsetAt(hit.range.end));
      assert.match(covered, m.at, `range covers ${JSON.stringify(covered)}`);
    });
  }
});
