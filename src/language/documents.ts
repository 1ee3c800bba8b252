// Which documents the Harness language server handles. Local files keep VS Code's `yaml` language
// id so other YAML tooling (formatters, Red Hat YAML, other schemas) keeps working on them; they
// are Harness documents when their root is pipeline/template/inputSet or they match
// `harness.pipelineFiles`. Documents opened from Harness (`harness:`) are `harness-yaml`, whose
// defaults turn auto-save off (see commands/fs/pipelineUri.ts). Local means the workspace's own
// file system: `file:` on desktop, and whatever scheme the workspace folders have in a virtual
// workspace or the browser (`vscode-vfs:` in github.dev, `vscode-test-web:`, `vscode-remote:`);
// never the read-only copies other views open (`git:`, diff and output documents).
import * as vscode from 'vscode';
import { HARNESS_YAML_LANGUAGE } from '../commands/fs/pipelineUri';
import { INPUT_SET_SCHEME } from '../inputSets/uri';
import { harnessRootKey, MAX_SCAN } from './detect';
import { readSettings } from './settings';

/** The schemes of YAML documents that may be Harness documents: see the top of this file. */
export function yamlSchemes(): string[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme);
  // `harness-inputset:` is an input set's read-only YAML opened from the tree (src/inputSets/uri.ts).
  return [...new Set(['file', 'untitled', 'harness', INPUT_SET_SCHEME, ...folders])];
}

/** The documents the language client syncs to the server (made when the client starts). */
export function documentSelector(): { language: string; scheme: string }[] {
  return [
    ...yamlSchemes().map((scheme) => ({ language: 'yaml', scheme })),
    { language: HARNESS_YAML_LANGUAGE, scheme: 'harness' },
  ];
}

/** True for YAML documents the Harness language server handles. */
export function isHarnessDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId === HARNESS_YAML_LANGUAGE && doc.uri.scheme === 'harness') return true;
  if (doc.languageId !== 'yaml' || !yamlSchemes().includes(doc.uri.scheme)) return false;
  // Only the head is scanned: don't copy a whole (possibly huge) document on every keystroke.
  const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(MAX_SCAN)));
  if (harnessRootKey(head)) return true;
  return readSettings(doc.uri).pipelineFiles.some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
}

/** The Harness diagnostics of `uri`, waiting (bounded) for the first publish after the server starts. */
export function harnessDiagnostics(uri: vscode.Uri, waitForPublish: boolean): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'harness');
  if (!waitForPublish) return Promise.resolve(current());
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      resolve(current());
    };
    const timer = setTimeout(done, 15_000);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
  });
}
