// Command line: `node dist/cli.js validate <files or globs…> [--schema FILE] [--format text|json]`.
// Runs the same engine as the language server. Exit codes: 0 no errors, 1 errors, 2 usage.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine } from './engine';
import { expandGlob, isGlob } from './cli/files';

const USAGE = `Usage: harness-yaml validate <files or globs…> [--schema FILE] [--format text|json]

Validates Harness pipeline YAML (files whose root key is pipeline:, template: or inputSet:).
  --schema FILE     validate against this JSON Schema instead of the bundled one
  --format text     path:line:col severity message [code] (default)
  --format json     one JSON array of { file, diagnostics } objects
Globs: ** * ? {a,b} (quote them so the shell does not expand them). Exit: 0 ok, 1 errors, 2 usage.`;

interface Options {
  inputs: string[];
  schema?: string;
  format: 'text' | 'json';
}

function parseArgs(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return USAGE;
  if (command !== 'validate') return `Unknown command "${command}".\n\n${USAGE}`;
  const opts: Options = { inputs: [], format: 'text' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--schema' || a === '--format') {
      const v = rest[++i];
      if (v === undefined) return `${a} needs a value.\n\n${USAGE}`;
      if (a === '--schema') opts.schema = v;
      else if (v === 'text' || v === 'json') opts.format = v;
      else return `--format must be text or json, not "${v}".`;
    } else if (a.startsWith('--schema=')) opts.schema = a.slice('--schema='.length);
    else if (a.startsWith('--format=')) {
      const v = a.slice('--format='.length);
      if (v !== 'text' && v !== 'json') return `--format must be text or json, not "${v}".`;
      opts.format = v;
    } else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('-')) return `Unknown option "${a}".\n\n${USAGE}`;
    else opts.inputs.push(a);
  }
  if (!opts.inputs.length) return `No files given.\n\n${USAGE}`;
  return opts;
}

export function main(argv: string[], cwd = process.cwd()): number {
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    const isHelp = opts === USAGE;
    (isHelp ? process.stdout : process.stderr).write(`${opts}\n`);
    return isHelp ? 0 : 2;
  }
  const files: string[] = [];
  for (const input of opts.inputs) {
    if (isGlob(input) && !fs.existsSync(path.resolve(cwd, input))) {
      const matched = expandGlob(input, cwd).filter((f) => /\.ya?ml$/i.test(f));
      if (!matched.length) process.stderr.write(`No YAML files match ${input}\n`);
      files.push(...matched);
    } else if (fs.existsSync(path.resolve(cwd, input)) && fs.statSync(path.resolve(cwd, input)).isFile()) {
      files.push(input);
    } else {
      process.stderr.write(`File not found: ${input}\n`);
      return 2;
    }
  }
  if (!files.length) return 2;

  const engine = createEngine({ cacheSize: 1 });
  if (opts.schema) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.resolve(cwd, opts.schema), 'utf8'));
    } catch (e) {
      process.stderr.write(`Cannot read schema ${opts.schema}: ${(e as Error).message}\n`);
      return 2;
    }
    const r = engine.setSchema(json, 'file');
    if (!r.ok) {
      process.stderr.write(`Cannot use schema ${opts.schema}: ${r.error ?? 'invalid'}\n`);
      return 2;
    }
  }

  let errors = 0;
  let warnings = 0;
  let checked = 0;
  const report: { file: string; diagnostics: unknown[] }[] = [];
  for (const file of [...new Set(files)]) {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
    } catch (e) {
      process.stderr.write(`Cannot read ${file}: ${(e as Error).message}\n`);
      errors++;
      continue;
    }
    const parsed = engine.parse(file, 1, text);
    if (!parsed.rootKey && parsed.syntaxDiagnostics.every((d) => d.severity !== 1)) {
      if (opts.format === 'text')
        process.stderr.write(`Skipped ${file}: no pipeline:, template: or inputSet: root\n`);
      continue;
    }
    checked++;
    const diags = engine.validate(file, 1, text);
    engine.forget(file);
    const entries = diags.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
      code: d.code,
      message: d.message,
    }));
    for (const e of entries) {
      if (e.severity === 'error') errors++;
      else if (e.severity === 'warning') warnings++;
      if (opts.format === 'text')
        process.stdout.write(
          `${file}:${e.line}:${e.column} ${e.severity} ${e.message} [${String(e.code)}]\n`,
        );
    }
    report.push({ file, diagnostics: entries });
  }
  if (opts.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else
    process.stderr.write(
      `${checked} file${checked === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
    );
  return errors > 0 ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`harness-yaml: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
