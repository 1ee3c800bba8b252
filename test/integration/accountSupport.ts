// Shared by the account*/tree* integration tests: the extension's exported hooks, the
// simulator, and signing in/out through the real commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SignInResult } from '../../src/account/manager';
import type { HarnessExtensionApi } from '../../src/extension';
import { startSimulator, type HostSimulator } from './helpers/simulator';

export const EXTENSION_ID = 'harness-community.harness-vscode';

export type HarnessExports = HarnessExtensionApi;

function isExports(v: unknown): v is HarnessExports {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof Reflect.get(v, 'tree') === 'object' &&
    typeof Reflect.get(v, 'currentAccount') === 'function' &&
    typeof Reflect.get(v, 'logLines') === 'function'
  );
}

/** The extension's exports (test runs): the tree, the account hooks and the log. */
export async function harnessExports(): Promise<HarnessExports> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const exported = await ext.activate();
  assert.ok(
    isExports(exported),
    'activate() should return the test hooks (tree, ready, currentAccount, storedSessionIds, logLines)',
  );
  await exported.ready;
  return exported;
}

/** The simulator's live state, which tests may poke (revoke a token, add a principal). */
export interface SimPrincipalLike {
  token: string;
  kind: 'pat' | 'sat';
  id: string;
  name: string;
  email?: string;
  tokenIdentifier: string;
  apiKeyIdentifier: string;
  deniedProjects: string[];
}
export interface SimLike extends HostSimulator {
  state: { principals: SimPrincipalLike[] };
  faults: { inject(f: Record<string, unknown>): void; clear(): void };
  requests: { method: string; path: string; query: Record<string, string | string[]> }[];
}

export async function startSim(): Promise<SimLike> {
  return (await startSimulator()) as SimLike;
}

export async function signIn(args: {
  baseUrl: string;
  token: string;
  accountId?: string;
}): Promise<SignInResult> {
  const result = await vscode.commands.executeCommand<SignInResult>('harness.signIn', args);
  assert.ok(result, 'harness.signIn returned nothing');
  return result;
}

export async function signOutAll(api: HarnessExports): Promise<void> {
  for (const id of api.storedSessionIds()) {
    await vscode.commands.executeCommand('harness.signOut', { sessionId: id });
  }
}
