// The CLI's output formats: text (one line per diagnostic), json, SARIF 2.1.0 for code scanning
// and GitHub Actions workflow commands (annotations). Pure functions over the checked files.

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];

export interface Entry {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  code: string | number | undefined;
  message: string;
}

export interface FileReport {
  /** As given on the command line (or found by a glob), relative to the working directory. */
  file: string;
  diagnostics: Entry[];
}

export const TOOL_NAME = 'harness-yaml';
const INFORMATION_URI = 'https://github.com/harness-community/harness-vscode';

/** `path:line:col severity message [code]`, one line each. */
export function textLines(report: FileReport): string[] {
  return report.diagnostics.map(
    (e) => `${report.file}:${e.line}:${e.column} ${e.severity} ${e.message} [${String(e.code)}]`,
  );
}

/** A workflow command's data: `%`, CR and LF escaped (GitHub Actions toolkit `escapeData`). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,` (toolkit `escapeProperty`). */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, one line each. */
export function githubLines(report: FileReport): string[] {
  return report.diagnostics.map((e) => {
    const command = e.severity === 'error' ? 'error' : e.severity === 'warning' ? 'warning' : 'notice';
    const props = [
      `file=${escapeProperty(report.file)}`,
      `line=${e.line}`,
      `col=${e.column}`,
      `endLine=${e.endLine}`,
      `endColumn=${e.endColumn}`,
      `title=${escapeProperty(`Harness YAML [${String(e.code)}]`)}`,
    ];
    return `::${command} ${props.join(',')}::${escapeData(e.message)}`;
  });
}

/** A SARIF 2.1.0 log with one run: a rule per diagnostic code, a result per diagnostic. */
export function sarifLog(reports: FileReport[], version: string): unknown {
  const rules = new Map<string, number>();
  const results: unknown[] = [];
  for (const report of reports) {
    for (const e of report.diagnostics) {
      const ruleId = String(e.code ?? 'harness');
      if (!rules.has(ruleId)) rules.set(ruleId, rules.size);
      results.push({
        ruleId,
        ruleIndex: rules.get(ruleId),
        level: e.severity === 'info' ? 'note' : e.severity,
        message: { text: e.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(report.file),
              region: {
                startLine: e.line,
                startColumn: e.column,
                endLine: e.endLine,
                endColumn: e.endColumn,
              },
            },
          },
        ],
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version,
            informationUri: INFORMATION_URI,
            rules: [...rules.keys()].map((id) => ({
              id,
              name: id,
              shortDescription: { text: `Harness YAML: ${id}` },
              helpUri: INFORMATION_URI,
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The working directory' } } },
        results,
      },
    ],
  };
}

/**
 * Where a file is, as SARIF wants it: a relative path is a URI reference against %SRCROOT% (the
 * working directory, which code scanning maps to the repository root), an absolute one a file URI.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed
    .split('/')
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  if (slashed.startsWith('/')) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${encoded}` };
  return { uri: encoded.replace(/^\.\//, ''), uriBaseId: '%SRCROOT%' };
}
