// The language settings as the client reads them, and the shape sent to the server.
import * as vscode from 'vscode';
import type { SchemaSource } from '../../shared/protocol';

export interface LanguageSettings {
  pipelineFiles: string[];
  schemaSource: SchemaSource;
  schemaFile: string;
  liveReferences: boolean;
  debounceMs: number;
  validate: boolean;
}

export function readSettings(scope?: vscode.ConfigurationScope): LanguageSettings {
  const c = vscode.workspace.getConfiguration('harness', scope);
  const source = c.get<string>('schema.source', 'bundled');
  return {
    pipelineFiles: c.get<string[]>('pipelineFiles', ['**/.harness/**/*.yaml', '**/.harness/**/*.yml']),
    schemaSource: source === 'account' || source === 'file' ? source : 'bundled',
    schemaFile: c.get<string>('schema.file', ''),
    liveReferences: c.get<boolean>('validation.liveReferences', true),
    debounceMs: c.get<number>('validation.debounceMs', 200),
    validate: c.get<boolean>('validation.enable', true),
  };
}

/** What the server's applySettings understands (same shape on init and on change). */
export function serverSettings(s: LanguageSettings): Record<string, unknown> {
  return {
    pipelineFiles: s.pipelineFiles,
    validation: { enable: s.validate, liveReferences: s.liveReferences, debounceMs: s.debounceMs },
  };
}
