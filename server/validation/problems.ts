// The engine's diagnostic shape before conversion to LSP positions: offsets are cheap to
// produce while walking; positions are computed once at the end.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { LineIndex } from '../yaml/lineIndex';

export interface Problem {
  code: string;
  message: string;
  start: number;
  end: number;
  severity: DiagnosticSeverity;
  data?: Record<string, unknown>;
}

export const ERROR = DiagnosticSeverity.Error;
export const WARNING = DiagnosticSeverity.Warning;

export function toDiagnostic(p: Problem, lines: LineIndex): Diagnostic {
  const d: Diagnostic = {
    range: lines.range(p.start, Math.max(p.start, p.end)),
    severity: p.severity,
    code: p.code,
    source: 'harness',
    message: p.message,
  };
  if (p.data) d.data = p.data;
  return d;
}

/** Drops exact repeats (same code, start and message), e.g. a rule both the schema and a semantic check enforce. */
export function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.code}\u0000${p.start}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Lists values for a message: the first few, then "…". */
export function listValues(values: readonly unknown[], max = 8): string {
  const shown = values.slice(0, max).map((v) => String(v));
  return shown.join(', ') + (values.length > max ? ', …' : '');
}
