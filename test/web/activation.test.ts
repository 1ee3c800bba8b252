// The web build in a real web worker extension host: no Node at all, the browser entry
// (dist/web/extension.js) is the one that activates, on a workspace that is not a local folder.
import * as vscode from 'vscode';
import { config, equal, harnessExports, match, ok, report, type WebTestConfig } from './support';

describe('the web build in a web worker extension host', () => {
  let cfg: WebTestConfig;
  before(async () => {
    cfg = await config();
  });

  it('runs in a web worker: no process, no require, UI kind Web', () => {
    equal(typeof Reflect.get(globalThis, 'process'), 'undefined', 'typeof process');
    equal(typeof Reflect.get(globalThis, 'importScripts'), 'function', 'typeof importScripts (a worker)');
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind');
  });

  it('activates its browser entry, not the desktop one', async () => {
    const api = await harnessExports();
    equal(api.platform, 'web', 'the platform activate() was given');
    const line = api.logLines().find((l) => /activated in \d+ ms/.test(l));
    ok(line, `an activation line in the log: ${JSON.stringify(api.logLines())}`);
    match(line, /activated in \d+ ms \(web\)/);
    await report('activate() (web)', `${/activated in (\d+) ms/.exec(line)?.[1] ?? '?'} ms`);
  });

  it('has its workspace folder on a non-file scheme (test-web: a virtual workspace)', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    ok(folder, 'a workspace folder is open');
    equal(folder.uri.scheme, cfg.host === 'test-web' ? 'vscode-test-web' : 'vscode-remote', 'folder scheme');
  });
});
