// The language server's state as the user sees it (the "Harness server" language status item):
// starting, running, restarting or stopped, and for a stop, whether it was a failure and why.
// vscode-languageclient reports only Starting / Running / Stopped, and an automatic restart looks
// like a stop followed by a start; what the client's handlers decided (lifecycle.ts) tells those
// apart. No `vscode` import: unit-tested in Node.

/** vscode-languageclient's public states, by name. */
export type ClientState = 'starting' | 'running' | 'stopped';

export type ServerPhase = 'starting' | 'running' | 'restarting' | 'stopped';

export interface ServerStatus {
  readonly phase: ServerPhase;
  /** Stopped by a failure (a crash past the restart budget, a start that failed), not on purpose. */
  readonly failed: boolean;
  /** Why it is restarting or failed, for the status item's detail. */
  readonly reason?: string;
}

const NOT_STARTED: ServerStatus = { phase: 'stopped', failed: false };

export class ServerStateMachine {
  private state: ServerStatus = NOT_STARTED;
  /** A restart was decided: the client's next "stopped" is its part of the restart, not a stop. */
  private restartStopPending = false;
  /** The client's last reported state. */
  private client: ClientState = 'stopped';

  get status(): ServerStatus {
    return this.state;
  }

  /** The client's own state changed. Returns the new status. */
  clientState(state: ClientState): ServerStatus {
    this.client = state;
    switch (state) {
      case 'starting':
        // An automatic or manual restart shows as restarting until the server runs again.
        if (this.state.phase !== 'restarting') this.state = { phase: 'starting', failed: false };
        break;
      case 'running':
        this.restartStopPending = false;
        this.state = { phase: 'running', failed: false };
        break;
      case 'stopped':
        if (this.restartStopPending) this.restartStopPending = false;
        else if (this.state.phase === 'stopped' && this.state.failed) {
          // Already explained (crash past the budget, lost connection, failed initialization).
        } else if (this.state.phase === 'starting' || this.state.phase === 'restarting')
          this.state = {
            phase: 'stopped',
            failed: true,
            reason:
              'The Harness language server could not start; the "Harness Language Server" output shows why.',
          };
        else this.state = { phase: 'stopped', failed: false };
        break;
    }
    return this.state;
  }

  /** The server went away and is being restarted automatically (`reason` says so). */
  restarting(reason: string): ServerStatus {
    // The client reports "stopped" before it starts again (unless it already reported it).
    this.restartStopPending = this.client !== 'stopped';
    this.state = { phase: 'restarting', failed: false, reason };
    return this.state;
  }

  /** The user restarts it: the old client goes away unheard, a new one starts. */
  restartedByHand(): ServerStatus {
    this.restartStopPending = false;
    this.state = { phase: 'restarting', failed: false, reason: 'Restarting the Harness language server.' };
    return this.state;
  }

  /** It stopped, or is about to, for this reason (a crash past the budget, a start that failed). */
  failed(reason: string): ServerStatus {
    this.restartStopPending = false;
    this.state = { phase: 'stopped', failed: true, reason };
    return this.state;
  }
}

export type StatusSeverity = 'information' | 'warning' | 'error';

/** What the status item shows for a status. */
export interface StatusView {
  readonly text: string;
  readonly detail: string;
  readonly severity: StatusSeverity;
  /** The item's spinner. */
  readonly busy: boolean;
}

export function serverStatusView(status: ServerStatus): StatusView {
  switch (status.phase) {
    case 'starting':
      return {
        text: 'Harness server: starting',
        detail: 'The Harness language server is starting.',
        severity: 'information',
        busy: true,
      };
    case 'running':
      return {
        text: 'Harness server: running',
        detail: 'Validation, completion and hover for Harness YAML.',
        severity: 'information',
        busy: false,
      };
    case 'restarting':
      return {
        text: 'Harness server: restarting',
        detail: status.reason ?? 'The Harness language server is restarting.',
        severity: 'warning',
        busy: true,
      };
    case 'stopped':
      return status.failed
        ? {
            text: 'Harness server: stopped',
            detail: status.reason ?? 'The Harness language server stopped.',
            severity: 'error',
            busy: false,
          }
        : {
            text: 'Harness server: stopped',
            detail: 'The Harness language server is not running.',
            severity: 'information',
            busy: false,
          };
  }
}
