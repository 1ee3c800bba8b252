#!/usr/bin/env node
// Command line: `harness-yaml validate <files or globs…> [--schema FILE] [--format text|json|sarif|github]`
// (`node dist/cli.js …` from a clone). Runs the same engine as the language server.
// Exit codes: 0 no errors (also when there is nothing to check), 1 errors, 2 usage.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine } from './engine';
import { HARNESS_ROOT_KEYS } from '../shared/protocol';
import { expandGlob, isGlob } from './cli/files';
import {
  githubLines,
  OUTPUT_FORMATS,
  sarifLog,
  textLines,
  TOOL_NAME,
  type Entry,
  type FileReport,
  type OutputFormat,
} from './cli/report';

/** The package's version (dist/cli.js sits one level below package.json, in a clone and in an installed package). */
function packageVersion(): string {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof json.version === 'string' ? json.version : 'unknown';
  } catch {
    // Run from somewhere without its package.json: the version is only informative.
    return 'unknown';
  }
}
const VERSION = packageVersion();

const USAGE = `Usage: ${TOOL_NAME} validate <files or globs…> [--schema FILE] [--format text|json|sarif|github]

Validates Harness YAML: files whose root key is a Harness entity (pipeline:, template:,
inputSet:, overlayInputSet:, trigger:, service:, environment:, infrastructureDefinition:,
connector:, secret:). Harness v1 YAML (version: 1) is recognised and not checked.
  --schema FILE     validate against this JSON Schema instead of the bundled one
  --format text     path:line:col severity message [code], then a summary line (default)
  --format json     one JSON array of { file, diagnostics } objects
  --format sarif    a SARIF 2.1.0 log, for code scanning (upload it with github/codeql-action/upload-sarif)
  --format github   GitHub Actions annotations (::error file=…,line=…::message)
Globs: ** * ? {a,b} (quote them so the shell does not expand them). A file that does not exist
(deleted in the commit being checked) is skipped with a note; nothing to check is not an error.
Exit: 0 ok, 1 errors, 2 usage.`;

interface Options {
  inputs: string[];
  schema?: string;
  format: OutputFormat;
}

const isFormat = (v: string): v is OutputFormat => (OUTPUT_FORMATS as readonly string[]).includes(v);
const badFormat = (v: string) => `--format must be one of ${OUTPUT_FORMATS.join(', ')}, not "${v}".`;

function parseArgs(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return USAGE;
  if (command === '--version' || command === '-v') return VERSION;
  if (command !== 'validate') return `Unknown command "${command}".\n\n${USAGE}`;
  const opts: Options = { inputs: [], format: 'text' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--schema' || a === '--format') {
      const v = rest[++i];
      if (v === undefined) return `${a} needs a value.\n\n${USAGE}`;
      if (a === '--schema') opts.schema = v;
      else if (isFormat(v)) opts.format = v;
      else return badFormat(v);
    } else if (a.startsWith('--schema=')) opts.schema = a.slice('--schema='.length);
    else if (a.startsWith('--format=')) {
      const v = a.slice('--format='.length);
      if (!isFormat(v)) return badFormat(v);
      opts.format = v;
    } else if (a === '--help' || a === '-h') return USAGE;
    else if (a === '--') {
      // Everything after `--` is a file, even if it starts with "-".
      opts.inputs.push(...rest.slice(i + 1));
      break;
    } else if (a.startsWith('-')) return `Unknown option "${a}".\n\n${USAGE}`;
    else opts.inputs.push(a);
  }
  return opts;
}

/** Where the run's lines go. Text and GitHub output is one ordered stream; a document format keeps stdout for the document. */
interface Out {
  /** Diagnostics in the text and github formats. */
  line(text: string): void;
  /** Notes (skipped files) and the summary. */
  note(text: string): void;
}

function outputFor(format: OutputFormat): Out {
  const stdout = (t: string) => process.stdout.write(`${t}\n`);
  const stderr = (t: string) => process.stderr.write(`${t}\n`);
  if (format === 'text') return { line: stdout, note: stdout };
  if (format === 'github') return { line: stdout, note: (t) => stdout(`::notice::${t}`) };
  return { line: stdout, note: stderr };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The files to check: globs expanded, missing files noted (a commit's deleted files), directories refused. */
function collectFiles(inputs: string[], cwd: string, out: Out): string[] | string {
  const files: string[] = [];
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    if (isGlob(input) && !fs.existsSync(full)) {
      const matched = expandGlob(input, cwd).filter((f) => /\.ya?ml$/i.test(f));
      if (!matched.length) out.note(`No YAML files match ${input}`);
      files.push(...matched);
    } else if (!fs.existsSync(full)) {
      out.note(`Skipped ${input}: no such file (deleted?)`);
    } else if (!fs.statSync(full).isFile()) {
      return `${input} is a directory: give files or a glob such as '${input.replace(/\/$/, '')}/**/*.yaml'.`;
    } else files.push(input);
  }
  return [...new Set(files)];
}

export function main(argv: string[], cwd = process.cwd()): number {
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    const info = opts === USAGE || opts === VERSION;
    (info ? process.stdout : process.stderr).write(`${opts}\n`);
    return info ? 0 : 2;
  }
  const out = outputFor(opts.format);
  const files = collectFiles(opts.inputs, cwd, out);
  if (typeof files === 'string') {
    process.stderr.write(`${files}\n`);
    return 2;
  }

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
  const reports: FileReport[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
    } catch (e) {
      out.note(`Cannot read ${file}: ${(e as Error).message}`);
      errors++;
      continue;
    }
    const parsed = engine.parse(file, 1, text);
    if (!parsed.rootKey && !parsed.v1 && parsed.syntaxDiagnostics.every((d) => d.severity !== 1)) {
      out.note(`Skipped ${file}: no Harness root key (${HARNESS_ROOT_KEYS.join(':, ')}:)`);
      continue;
    }
    const diags = engine.validate(file, 1, text);
    engine.forget(file);
    const report: FileReport = {
      file,
      diagnostics: diags.map((d): Entry => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
        code: d.code,
        message: d.message,
      })),
    };
    for (const e of report.diagnostics) {
      if (e.severity === 'error') errors++;
      else if (e.severity === 'warning') warnings++;
    }
    if (opts.format === 'text') textLines(report).forEach(out.line);
    else if (opts.format === 'github') githubLines(report).forEach(out.line);
    reports.push(report);
  }

  if (opts.format === 'json') process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else if (opts.format === 'sarif')
    process.stdout.write(`${JSON.stringify(sarifLog(reports, VERSION), null, 2)}\n`);
  out.note(
    reports.length === 0
      ? 'No Harness YAML files to check: nothing to do.'
      : `${plural(reports.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
  );
  return errors > 0 ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${TOOL_NAME}: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
