// What "open a step's log" needs, shared by the places that offer it (the execution tree's step
// rows, the pipeline graph) and the command that opens it (the log documents). Plain data, so it
// can travel as a command argument.
import type { ExecutionStatus, ProjectScope } from '../api/types';

/** The command that opens a step's log as a read-only document; its one argument is a StepLogTarget. */
export const OPEN_STEP_LOG_COMMAND = 'harness.openStepLog';

export interface StepLogTarget {
  /** The signed-in account the execution belongs to (its API client and base URL). */
  readonly accountId: string;
  readonly scope: ProjectScope;
  readonly pipelineIdentifier: string;
  readonly planExecutionId: string;
  /** The run's sequence number, for the document's title (`#42`). */
  readonly runSequence?: number;
  readonly stepIdentifier: string;
  readonly stepName: string;
  /** The log service key (`logBaseKey` of the execution graph's step node). */
  readonly logBaseKey: string;
  /** The step's status when the log was asked for: a running step's log is followed. */
  readonly status: ExecutionStatus;
  /** Layout node id of the step (for "open in Harness" links to the step). */
  readonly nodeId?: string;
}
