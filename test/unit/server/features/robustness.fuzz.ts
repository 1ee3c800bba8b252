// Mutated documents through every editing feature: no exceptions, whatever the text. A fixed
// seed keeps failures reproducible; the count is printed so the report can quote it.
import * as assert from 'node:assert/strict';
import { createEngine } from '../../../../server/engine';
import { codeActions } from '../../../../server/features/codeActions';
import { complete } from '../../../../server/features/completion';
import { definition } from '../../../../server/features/definition';
import { hover } from '../../../../server/features/hover';
import { documentSymbols } from '../../../../server/features/symbols';
import { SAMPLE } from './sample';
import { mulberry32 } from '../../../helpers/prng';

const rng = mulberry32;

const SNIPPETS = [
  '<+',
  '>',
  '<+input>.',
  ':',
  '- ',
  '\t',
  '  ',
  '\n',
  '[',
  '{',
  '"',
  "'",
  '&a ',
  '*a',
  '|',
  '#',
  '<+pipeline.stages.',
  'type: ',
  'step:',
  '\u0000',
  '😀',
];

function mutate(text: string, r: () => number): string {
  let out = text;
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (out.length + 1));
    const op = r();
    if (op < 0.4) out = out.slice(0, at) + SNIPPETS[Math.floor(r() * SNIPPETS.length)] + out.slice(at);
    else if (op < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(r() * 40));
    else if (op < 0.85) {
      const from = Math.floor(r() * out.length);
      out = out.slice(0, at) + out.slice(from, from + Math.floor(r() * 200)) + out.slice(at);
    } else out = out.slice(0, at) + out.slice(at).replace(/\n {2}/, '\n');
  }
  return out;
}

describe('features: robustness on mutated documents', function () {
  this.timeout(120_000);
  const DOCS = 1000;

  it(`answers completion, hover, definition, symbols and quick fixes on ${DOCS} mutated documents without throwing`, async () => {
    const r = rng(20261129);
    const engine = createEngine();
    // Answers that are not empty, per feature: the damaged documents must still reach every
    // feature (one that gave up on every mutated document would pass a no-exception check alone).
    const answered = { completion: 0, hover: 0, definition: 0, symbols: 0, quickFixes: 0 };
    for (let i = 0; i < DOCS; i++) {
      const text = mutate(SAMPLE, r);
      const uri = `file:///fuzz/${i % 8}.yaml`;
      const parsed = engine.parse(uri, i, text);
      const diags = engine.validate(uri, i, text);
      for (let k = 0; k < 3; k++) {
        const offset = Math.floor(r() * (text.length + 1));
        try {
          if ((await complete({ parsed, schema: engine.schema(), offset })).items.length > 0)
            answered.completion++;
          if (await hover({ parsed, schema: engine.schema(), offset })) answered.hover++;
          if (definition(parsed, uri, offset)) answered.definition++;
        } catch (err) {
          assert.fail(`document ${i}, offset ${offset}: ${(err as Error).stack}\n---\n${text}`);
        }
      }
      if (documentSymbols(parsed).length > 0) answered.symbols++;
      if (codeActions(parsed, uri, diags).length > 0) answered.quickFixes++;
    }
    for (const [feature, n] of Object.entries(answered))
      assert.ok(n > 0, `${feature}: no answer on any of ${DOCS} mutated documents`);
    console.log(
      `      ${DOCS} mutated documents, no exceptions; non-empty answers: ${JSON.stringify(answered)}`,
    );
  });
});
