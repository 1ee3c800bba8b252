// What a watched execution reports as it goes: the status bar, the tree and the pipeline graph
// listen to one source, fed by one poller per execution.
import type * as vscode from 'vscode';
import type { ExecutionDetail, ExecutionSummary, ProjectScope } from '../api/types';

export interface ExecutionUpdate {
  readonly accountId: string;
  readonly scope: ProjectScope;
  readonly pipelineIdentifier: string;
  readonly planExecutionId: string;
  readonly summary: ExecutionSummary;
  /** The stage and step graph, when the poller fetched it (someone shows the run's nodes). */
  readonly detail?: ExecutionDetail;
  /** The watch ended (a final status, an unknown one, or its deadline). */
  readonly ended: boolean;
}

export interface ExecutionUpdateSource {
  readonly onDidUpdate: vscode.Event<ExecutionUpdate>;
}
