// Why each `harness:` document is being saved, as VS Code tells save participants
// (onWillSaveTextDocument). The file system provider's writeFile does not get the reason, so it
// takes it from here to word what it does with the text (an explicit save vs an auto-save).
// Saves that skip participants ("Save without Formatting") leave no reason: treated as unknown.
import * as vscode from 'vscode';
import { HARNESS_SCHEME } from './pipelineUri';

/** How long a recorded reason stays valid: participants run right before the write. */
const FRESH_MS = 30_000;

export type SaveKind = 'explicit' | 'auto' | 'unknown';

export class SaveReasons implements vscode.Disposable {
  private readonly reasons = new Map<string, { kind: SaveKind; at: number }>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onWillSaveTextDocument((e) => {
      if (e.document.uri.scheme !== HARNESS_SCHEME) return;
      const kind = e.reason === vscode.TextDocumentSaveReason.Manual ? 'explicit' : 'auto';
      this.reasons.set(e.document.uri.toString(), { kind, at: Date.now() });
    });
  }

  /** The reason of the save of `uri` in progress, once. */
  take(uri: string): SaveKind {
    const r = this.reasons.get(uri);
    this.reasons.delete(uri);
    return r && Date.now() - r.at < FRESH_MS ? r.kind : 'unknown';
  }

  dispose(): void {
    this.subscription.dispose();
    this.reasons.clear();
  }
}
