// "Re-run from failed stage": which stages Harness's retry information lets the user start from.
// Harness lists every stage group in run order (a group of several ran in parallel); a retry can
// start at the failed group or at any group before it (stages after it never ran). vscode-free.
import { executionStatusInfo, type RetryInfo } from '../api/types';

export interface RetryChoice {
  label: string;
  description: string;
  /** Stage identifiers sent as `retryStages`. */
  retryStages: string[];
  /** For a parallel group: run every stage of it again, not only the failed ones. */
  runAllStages: boolean;
  /** The group that failed (the default choice). */
  failed: boolean;
}

export interface RetryChoices {
  choices: RetryChoice[];
  /** Index of the failed group's choice (what "re-run from failed stage" means by default). */
  defaultIndex: number;
}

type Stage = RetryInfo['groups'][number][number];

function didNotSucceed(stage: Stage): boolean {
  const group = executionStatusInfo(stage.status).group;
  return group === 'failed' || group === 'aborted';
}

function names(stages: Stage[]): string {
  return stages.map((s) => s.name || s.identifier).join(', ');
}

/** The groups a retry may start from, the failed one last and marked; empty when Harness allows none. */
export function retryChoices(info: RetryInfo): RetryChoices {
  if (!info.resumable) return { choices: [], defaultIndex: -1 };
  const groups = info.groups.filter((g) => g.length > 0);
  const failedAt = groups.findIndex((g) => g.some(didNotSucceed));
  const upTo = failedAt >= 0 ? groups.slice(0, failedAt + 1) : groups;
  const choices = upTo.map((group, i): RetryChoice => {
    const failed = i === failedAt;
    const parallel = group.length > 1;
    // The failed group of parallel stages: only its failed stages run again (its others passed).
    const stages = failed && parallel ? group.filter(didNotSucceed) : group;
    return {
      label: names(stages),
      description: [
        failed ? `${executionStatusInfo(stages[0].status).status} — re-run from here` : 'succeeded',
        parallel
          ? failed
            ? `parallel with ${names(group.filter((s) => !didNotSucceed(s))) || 'nothing else'}`
            : 'parallel stages'
          : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      retryStages: stages.map((s) => s.identifier),
      runAllStages: parallel && !failed,
      failed,
    };
  });
  return { choices, defaultIndex: failedAt >= 0 ? failedAt : choices.length - 1 };
}

/** The choice that contains stage `identifier` (options mode: `{ stage }`). */
export function choiceForStage(choices: RetryChoices, identifier: string): RetryChoice | undefined {
  return choices.choices.find((c) => c.retryStages.includes(identifier));
}
