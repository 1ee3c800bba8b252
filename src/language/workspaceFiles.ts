// The workspace's Harness files for related-entity lookups (entityLookup.ts): the files the
// `harness.pipelineFiles` globs match (by default everything under `.harness/`) plus open
// Harness documents (unsaved text wins). Read through vscode.workspace.fs, so it works in the
// browser too. One scan serves the lookups of a few seconds.
import * as vscode from 'vscode';
import { INPUT_SET_SCHEME } from '../inputSets/uri';
import type { WorkspaceFiles } from './entityLookup';
import { readSettings } from './settings';

const MAX_FILES = 500;
const MAX_BYTES = 2 * 1024 * 1024;
const FRESH_MS = 5_000;

export class VscodeWorkspaceFiles implements WorkspaceFiles {
  private last?: { at: number; files: Promise<{ path: string; text: string }[]> };

  harnessFiles(): Promise<{ path: string; text: string }[]> {
    if (this.last && Date.now() - this.last.at < FRESH_MS) return this.last.files;
    const files = this.scan();
    this.last = { at: Date.now(), files };
    files.catch(() => (this.last = undefined));
    return files;
  }

  private async scan(): Promise<{ path: string; text: string }[]> {
    const patterns = readSettings().pipelineFiles;
    const include = patterns.length === 1 ? patterns[0] : `{${patterns.join(',')}}`;
    const uris = await vscode.workspace.findFiles(include, '**/node_modules/**', MAX_FILES);
    const open = new Map(
      vscode.workspace.textDocuments
        .filter((d) => d.languageId === 'harness-yaml' || d.languageId === 'yaml')
        .map((d) => [d.uri.toString(), d] as const),
    );
    const out: { path: string; text: string }[] = [];
    const seen = new Set<string>();
    for (const doc of open.values()) {
      // Harness's own copies (pipelines, input sets opened from the tree) are not workspace files.
      if (doc.uri.scheme === 'harness' || doc.uri.scheme === INPUT_SET_SCHEME) continue;
      seen.add(doc.uri.toString());
      out.push({ path: vscode.workspace.asRelativePath(doc.uri), text: doc.getText() });
    }
    for (const uri of uris) {
      if (seen.has(uri.toString())) continue;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_BYTES) continue;
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        out.push({ path: vscode.workspace.asRelativePath(uri), text });
      } catch {
        // A file deleted or unreadable since the search is simply not a candidate.
      }
    }
    return out;
  }
}
