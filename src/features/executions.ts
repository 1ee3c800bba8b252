// Executions: the one poller per execution that the status bar, the tree and the pipeline graph
// share, the status-bar watcher on top of it, and the commands on an execution row (abort,
// re-run, re-run from failed stage). Built before the tree and the resource commands, which
// receive the pollers and the watcher.
import * as vscode from 'vscode';
import type { CommandEnv } from '../commands/context';
import { ExecutionWatcher } from '../commands/executionWatcher';
import { abortExecution, rerunExecution, retryExecution } from '../executions/commands';
import { ExecutionPollers, type FocusSource } from '../executions/pollers';
import type { Log } from '../ui/log';

/** The window's focus as the pollers see it (they pause while it is elsewhere). */
export const windowFocus: FocusSource = {
  focused: () => vscode.window.state.focused,
  onDidFocus: (listener) =>
    vscode.window.onDidChangeWindowState((s) => {
      if (s.focused) listener();
    }),
};

export class ExecutionPollersFeature implements vscode.Disposable {
  readonly pollers: ExecutionPollers;

  constructor(log: Log) {
    this.pollers = new ExecutionPollers(windowFocus, undefined, (m) => log.warn(m));
  }

  dispose(): void {
    this.pollers.dispose();
  }
}

export class ExecutionCommandsFeature implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];

  constructor(env: CommandEnv, watcher: ExecutionWatcher) {
    this.disposables = [
      vscode.commands.registerCommand('harness.abortExecution', (a?: unknown) => abortExecution(env, a)),
      vscode.commands.registerCommand('harness.rerunExecution', (a?: unknown) =>
        rerunExecution(env, watcher, a),
      ),
      vscode.commands.registerCommand('harness.retryExecution', (a?: unknown) =>
        retryExecution(env, watcher, a),
      ),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
