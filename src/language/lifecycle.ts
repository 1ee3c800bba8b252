// The language client's lifecycle handlers and its status item. A crash restarts the server
// within the restart budget (restartPolicy.ts), past it the server stays stopped with an error
// message that offers "Restart Harness Language Server"; a failed initialization is logged and
// shown; the "Harness server" language status item follows the client's state (serverState.ts).
// Those modules decide; this one only translates to vscode-languageclient and VS Code.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  State,
  type BaseLanguageClient,
  type CloseHandlerResult,
  type ErrorHandlerResult,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import type { Log } from '../ui/log';
import {
  ConnectionErrors,
  connectionLostMessage,
  crashMessage,
  DEFAULT_RESTART_BUDGET,
  RestartPolicy,
  type RestartBudget,
} from './restartPolicy';
import { ServerStateMachine, serverStatusView, type ClientState, type ServerStatus } from './serverState';
import { RESTART_SERVER_COMMAND, ServerStatusItem } from './status';

/** The options a client is made with so that this lifecycle handles its failures. */
export type LifecycleOptions = Pick<LanguageClientOptions, 'errorHandler' | 'initializationFailedHandler'>;

const RESTART_ACTION = 'Restart Harness Language Server';

function clientState(state: State): ClientState {
  switch (state) {
    case State.Starting:
      return 'starting';
    case State.Running:
      return 'running';
    default:
      return 'stopped';
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ServerLifecycle implements vscode.Disposable {
  private readonly policy: RestartPolicy;
  private readonly machine = new ServerStateMachine();
  private readonly item: ServerStatusItem;
  private readonly changed = new vscode.EventEmitter<ServerStatus>();
  private readonly restarted = new vscode.EventEmitter<void>();
  /** A crash restarted the server: the next "running" is the restarted server. */
  private autoRestart = false;

  /** The status changed (what the status item shows). */
  readonly onDidChange = this.changed.event;
  /** The server runs again after an automatic restart (it lost what it was told since it started). */
  readonly onDidRestart = this.restarted.event;

  constructor(
    selector: vscode.DocumentSelector,
    private readonly log: Log,
    budget: RestartBudget = DEFAULT_RESTART_BUDGET,
  ) {
    this.policy = new RestartPolicy(budget);
    this.item = new ServerStatusItem(selector, serverStatusView(this.machine.status));
  }

  get status(): ServerStatus {
    return this.machine.status;
  }

  /** What the status item shows. */
  get view(): ServerStatusItem['view'] {
    return this.item.view;
  }

  /**
   * The handlers for a new client. `isCurrent` is false once that client has been replaced (a
   * restart by hand): a replaced client is never restarted and its failures change nothing.
   */
  clientOptions(isCurrent: () => boolean): LifecycleOptions {
    const errors = new ConnectionErrors();
    return {
      errorHandler: {
        error: (error, _message, count): ErrorHandlerResult => {
          if (!isCurrent() || errors.failed(count) === 'continue') return { action: ErrorAction.Continue };
          const message = connectionLostMessage(error.message);
          this.stopped(message);
          return { action: ErrorAction.Shutdown, message, handled: true };
        },
        closed: (): CloseHandlerResult => {
          errors.reset();
          if (!isCurrent()) return { action: CloseAction.DoNotRestart, handled: true };
          const decision = this.policy.crashed();
          const message = crashMessage(decision, this.policy.budget);
          if (decision.restart) {
            this.log.warn(message);
            this.autoRestart = true;
            this.set(this.machine.restarting(message));
            return { action: CloseAction.Restart, message, handled: true };
          }
          this.stopped(message);
          return { action: CloseAction.DoNotRestart, message, handled: true };
        },
      },
      initializationFailedHandler: (error: unknown) => {
        if (isCurrent()) {
          const message = `The Harness language server failed to initialize: ${errorText(error)}`;
          this.log.error(message);
          this.set(this.machine.failed(message));
        }
        // Not retried: the bundled server failing to initialize is a bug, not a passing condition.
        return false;
      },
    };
  }

  /** Follows the client's state while it is the current one. */
  watch(client: BaseLanguageClient, isCurrent: () => boolean): vscode.Disposable {
    return client.onDidChangeState((e) => {
      if (!isCurrent()) return;
      const next = this.set(this.machine.clientState(clientState(e.newState)));
      if (next.phase === 'running' && this.autoRestart) {
        this.autoRestart = false;
        this.log.info('Harness language server restarted');
        this.restarted.fire();
      }
    });
  }

  /** The user restarts the server: the budget starts afresh. */
  restartingByHand(): void {
    this.policy.reset();
    this.autoRestart = false;
    this.set(this.machine.restartedByHand());
  }

  /** The client could not be made or started (`reason` says why). */
  startFailed(reason: string): void {
    this.set(this.machine.failed(reason));
  }

  dispose(): void {
    this.item.dispose();
    this.changed.dispose();
    this.restarted.dispose();
  }

  /** It stops for good: logged, shown, and offered to be restarted. */
  private stopped(message: string): void {
    this.autoRestart = false;
    this.log.error(message);
    this.set(this.machine.failed(message));
    void vscode.window.showErrorMessage(message, RESTART_ACTION).then((choice) => {
      if (choice === RESTART_ACTION) void vscode.commands.executeCommand(RESTART_SERVER_COMMAND);
    });
  }

  private set(status: ServerStatus): ServerStatus {
    this.item.show(serverStatusView(status));
    this.changed.fire(status);
    return status;
  }
}
