// Builds API clients with the user's settings: request timeout, VS Code's proxy, and the
// "Harness" log (which redacts tokens) for the client's debug lines.
import * as vscode from 'vscode';
import { createHarnessClient } from '../api';
import type { HarnessApi } from '../api/types';
import { log } from '../log';

export function createClient(options: { baseUrl: string; token: string; accountId: string }): HarnessApi {
  const harness = vscode.workspace.getConfiguration('harness');
  const http = vscode.workspace.getConfiguration('http');
  const proxyUrl = http.get<string>('proxy')?.trim();
  const strictSSL = http.get<boolean>('proxyStrictSSL') ?? true;
  return createHarnessClient({
    ...options,
    timeoutMs: Math.round((harness.get<number>('http.timeoutSeconds') ?? 30) * 1000),
    ...(proxyUrl || !strictSSL ? { proxy: { ...(proxyUrl ? { url: proxyUrl } : {}), strictSSL } } : {}),
    logger: { debug: (m) => log.debug(m), warn: (m) => log.warn(m) },
  });
}
