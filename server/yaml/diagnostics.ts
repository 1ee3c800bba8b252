// YAML-level diagnostics: syntax errors, duplicate keys, tabs in indentation, extra documents.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { YAMLError } from 'yaml';
import type { ParsedYaml } from './types';
import { multilineScalarLines } from './blockLines';

const CODES: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: 'duplicate-key',
  TAB_AS_INDENT: 'tab',
};

export function yamlDiagnostics(parsed: ParsedYaml): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { lines, text } = parsed;
  const tabLines = new Set<number>();
  // Tabs in indentation (outside block scalars, where tabs are content). Only the lines with a
  // tab are looked at, and the scalar lines worked out only when there is one.
  let inScalar: Set<number> | undefined;
  for (let tab = text.indexOf('\t'); tab >= 0;) {
    const line = lines.positionAt(tab).line;
    const start = lines.lineStarts[line];
    const next = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : text.length;
    tab = next < text.length ? text.indexOf('\t', next) : -1;
    let i = start;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    const lead = text.slice(start, i);
    if (!lead.includes('\t') || i >= text.length || text[i] === '\n' || text[i] === '\r') continue;
    inScalar ??= multilineScalarLines(parsed);
    if (inScalar.has(line)) continue;
    tabLines.add(line);
    out.push({
      range: lines.range(start, i),
      severity: DiagnosticSeverity.Error,
      code: 'tab',
      source: 'harness',
      message: 'Tabs are not allowed in YAML indentation; use spaces',
      data: { replacement: lead.replace(/\t/g, '  ') },
    });
  }
  parsed.docs.forEach((doc, index) => {
    const report = (e: YAMLError, severity: DiagnosticSeverity) => {
      const code = CODES[e.code] ?? (severity === DiagnosticSeverity.Error ? 'yaml-syntax' : 'yaml-warning');
      let [s, end] = e.pos;
      s = Math.max(0, Math.min(s, text.length));
      end = Math.max(s, Math.min(end, text.length));
      if (code === 'tab' && tabLines.has(lines.positionAt(s).line)) return;
      if (e.code === 'DUPLICATE_KEY') {
        // The parser points at the key's first character: cover the whole key.
        while (end < text.length && !/[:\s]/.test(text[end])) end++;
      } else if (text.slice(s, end).trim() === '') {
        // A position between tokens (often a line end): cover the content of that line, or
        // of the last non-empty line before it, so the squiggle is visible and meaningful.
        let line = lines.positionAt(s).line;
        if (s === lines.lineStarts[line] && line > 0) line--;
        while (line > 0 && lines.lineText(line).trim() === '') line--;
        const lt = lines.lineText(line);
        const lead = lt.length - lt.trimStart().length;
        s = lines.lineStarts[line] + lead;
        end = lines.lineStarts[line] + lt.trimEnd().length;
      }
      out.push({
        range: lines.range(s, end),
        severity,
        code,
        source: 'harness',
        message: cleanMessage(e),
        data: { yamlCode: e.code },
      });
    };
    for (const e of doc.errors) report(e, DiagnosticSeverity.Error);
    for (const w of doc.warnings) report(w, DiagnosticSeverity.Warning);
    if (index === 1) {
      const s = doc.range?.[0] ?? 0;
      out.push({
        range: lines.range(s, lines.lineEnd(lines.positionAt(s).line)),
        severity: DiagnosticSeverity.Warning,
        code: 'multi-document',
        source: 'harness',
        message: 'This file holds more than one YAML document; only the first one is validated',
      });
    }
  });
  return out;
}

function cleanMessage(e: YAMLError): string {
  // The parser appends " at line N, column M:" and a source excerpt; the range says that already.
  const m = e.message.split(/ at line \d+, column \d+/)[0].trim();
  if (e.code === 'DUPLICATE_KEY') return 'Duplicate key: map keys must be unique';
  return m || 'YAML syntax error';
}
