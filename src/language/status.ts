// The language status items: which schema validates Harness YAML and how old it is, and whether
// the language server runs (starting, running, restarting, stopped), with a Restart command.
import * as vscode from 'vscode';
import type { SchemaStatusParams } from '../../shared/protocol';
import type { StatusSeverity, StatusView } from './serverState';

/** `Harness: Restart Language Server`. */
export const RESTART_SERVER_COMMAND = 'harness.restartLanguageServer';

export function ageText(fetchedAt: number | undefined, now = Date.now()): string {
  if (!fetchedAt) return '';
  const s = Math.max(0, Math.round((now - fetchedAt) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min old`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h old`;
  return `${Math.round(h / 24)} days old`;
}

export class SchemaStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private status: SchemaStatusParams = { source: 'bundled' };
  private warning: string | undefined;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('harness.schema', selector);
    this.item.name = 'Harness Pipeline Schema';
    this.item.command = {
      title: 'Refresh',
      command: 'harness.refreshSchema',
      tooltip: 'Fetch the pipeline schema again',
    };
    this.render();
  }

  update(status: SchemaStatusParams, warning?: string): void {
    this.status = status;
    this.warning = status.fallbackReason ?? warning;
    this.render();
  }

  busy(on: boolean): void {
    this.item.busy = on;
  }

  private render(): void {
    const age = ageText(this.status.fetchedAt);
    this.item.text = `Harness schema: ${this.status.source}${age ? ` (${age})` : ''}`;
    this.item.detail = this.warning ?? this.status.label;
    this.item.severity = this.warning
      ? vscode.LanguageStatusSeverity.Warning
      : vscode.LanguageStatusSeverity.Information;
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}

const SEVERITY: Record<StatusSeverity, vscode.LanguageStatusSeverity> = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
};

/** The language server's state (see serverState.ts for what each one means). */
export class ServerStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private shown: StatusView;

  constructor(selector: vscode.DocumentSelector, view: StatusView) {
    this.item = vscode.languages.createLanguageStatusItem('harness.server', selector);
    this.item.name = 'Harness Language Server';
    this.item.command = {
      title: 'Restart',
      command: RESTART_SERVER_COMMAND,
      tooltip: 'Restart the Harness language server',
    };
    this.shown = view;
    this.show(view);
  }

  show(view: StatusView): void {
    this.shown = view;
    this.item.text = view.text;
    this.item.detail = view.detail;
    this.item.severity = SEVERITY[view.severity];
    this.item.busy = view.busy;
  }

  /** What it shows now (the item's own properties cannot be read back through the workbench). */
  get view(): StatusView {
    return this.shown;
  }

  dispose(): void {
    this.item.dispose();
  }
}
