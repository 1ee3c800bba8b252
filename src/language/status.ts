// The language status item: which schema validates Harness YAML, and how old it is.
import * as vscode from 'vscode';
import type { SchemaStatusParams } from '../../shared/protocol';

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
