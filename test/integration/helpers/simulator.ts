// Starts the Harness API simulator inside the extension host process, so a test can point the
// extension at it and inspect the requests it received. The simulator is compiled with the tests
// (out/test/simulator/server.js); it is loaded by path at run time and its handle is checked, so
// this helper does not break the build while the simulator's internals change.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../helpers/paths';

export interface SimulatorTokens {
  admin: string;
  sat: string;
  limited: string;
}

/** The part of the simulator's handle integration tests rely on. */
export interface HostSimulator {
  url: string;
  accountId: string;
  tokens: SimulatorTokens;
  /** Fault injection controls; shape owned by the simulator. */
  faults: unknown;
  /** Requests received so far; shape owned by the simulator. */
  requests: unknown;
  close(): Promise<void>;
}

export const simulatorModulePath = path.join(repoRoot, 'out', 'test', 'simulator', 'server.js');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function checkHandle(value: unknown): HostSimulator {
  const tokens = isRecord(value) ? value.tokens : undefined;
  if (
    !isRecord(value) ||
    typeof value.url !== 'string' ||
    typeof value.accountId !== 'string' ||
    typeof value.close !== 'function' ||
    !isRecord(tokens) ||
    typeof tokens.admin !== 'string' ||
    typeof tokens.sat !== 'string' ||
    typeof tokens.limited !== 'string'
  ) {
    throw new Error(
      'startSimulator() returned a handle without {url, accountId, tokens{admin,sat,limited}, close}',
    );
  }
  return value as unknown as HostSimulator;
}

/** Starts a fresh simulator on a free loopback port; call `close()` in an `after` hook. */
export async function startSimulator(options?: Record<string, unknown>): Promise<HostSimulator> {
  if (!fs.existsSync(simulatorModulePath)) {
    throw new Error(`${simulatorModulePath} is missing: compile the tests (npx tsc -p tsconfig.test.json)`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod: unknown = require(simulatorModulePath);
  if (!isRecord(mod) || typeof mod.startSimulator !== 'function') {
    throw new Error(`${simulatorModulePath} does not export startSimulator()`);
  }
  const start = mod.startSimulator as (opts?: Record<string, unknown>) => Promise<unknown>;
  return checkHandle(await start(options));
}
