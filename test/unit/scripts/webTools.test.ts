// The web stage's VS Code build is code-server's workbench with three patches on its minified
// bundle (scripts/host/web-tools.mjs). They must apply exactly, and a code-server whose bundle moved
// them must fail the install with the patch named, never produce a half-patched workbench. The
// real bundle is patched by the web stage itself; here, a stand-in with the same anchors.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../helpers/paths';

type WebToolsModule = typeof import('../../../scripts/host/web-tools.mjs', {
  with: { 'resolution-mode': 'import' },
});
const load = () =>
  import(
    pathToFileURL(path.join(repoRoot, 'scripts', 'host', 'web-tools.mjs')).href
  ) as Promise<WebToolsModule>;

const START = '(function(){let s=lt.document.getElementById("vscode-workbench-web-configuration")';
const ROAMING =
  'get userRoamingDataHome(){return ze(P.file(this.userDataPath).with({scheme:J.vscodeRemote}),"User")}';
const option = (key: string) =>
  `if(typeof this.options.${key}>"u")throw new Error("${key} was not provided to the browser");`;

/** A stand-in for code-server's workbench.js with every anchor the patches look for. */
function bundle(parts: { start?: boolean; roaming?: boolean; options?: number } = {}): string {
  const options = ['isEnabledFileDownloads', 'isEnabledFileUploads', 'isEnabledCoderGettingStarted'];
  return [
    'var P={},D=class{};',
    `class X{${parts.roaming === false ? '' : ROAMING}}`,
    ...options.slice(0, parts.options ?? 3).map(option),
    parts.start === false ? '' : `${START};start()})();`,
    'export{Fvo as LocalStorageSecretStorageProvider};',
  ].join('\n');
}

describe('web stage tools: the VS Code web build from code-server', () => {
  it('removes the start-up code, exports the API test-web imports and keeps settings in the browser', async () => {
    const { patchWorkbench } = await load();
    const out = patchWorkbench(bundle());
    assert.ok(!out.includes('vscode-workbench-web-configuration'), 'start-up IIFE gone');
    assert.match(
      out,
      /export\{Fvo as LocalStorageSecretStorageProvider,Nvo as create,P as URI,D as Emitter\};$/,
    );
    assert.match(
      out,
      /get userRoamingDataHome\(\)\{return P\.file\("\/User"\)\.with\(\{scheme:"vscode-userdata"\}\)\}/,
    );
    assert.doesNotMatch(out, /was not provided to the browser/);
    assert.match(out, /isEnabledCoderGettingStarted>"u"\)return false;/);
    assert.match(out, /isEnabledFileDownloads>"u"\)return true;/);
  });

  for (const [what, parts, named] of [
    ['the start-up code', { start: false }, /start-up IIFE/],
    ['userRoamingDataHome', { roaming: false }, /userRoamingDataHome/],
    ['an option getter', { options: 2 }, /code-server-only options \(found 2\)/],
  ] as const) {
    it(`fails loudly, naming it, when ${what} moved`, async () => {
      const { patchWorkbench } = await load();
      assert.throws(() => patchWorkbench(bundle(parts)), named);
    });
  }

  it('builds a symlink tree with one patched workbench and the entry test-web loads', async () => {
    const { buildVsCodeWeb } = await load();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-webtools-'));
    try {
      const src = path.join(tmp, 'vscode');
      const wb = path.join(src, 'out', 'vs', 'code', 'browser', 'workbench');
      fs.mkdirSync(wb, { recursive: true });
      fs.mkdirSync(path.join(src, 'out', 'vs', 'workbench'), { recursive: true });
      fs.mkdirSync(path.join(src, 'extensions'));
      fs.mkdirSync(path.join(src, 'node_modules'));
      fs.writeFileSync(path.join(wb, 'workbench.js'), bundle());
      fs.writeFileSync(path.join(src, 'out', 'nls.messages.js'), '');
      const out = path.join(tmp, 'web');
      buildVsCodeWeb(src, out);
      assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8')).type, 'module');
      assert.ok(fs.lstatSync(path.join(out, 'out', 'nls.messages.js')).isSymbolicLink(), 'files are linked');
      assert.equal(
        fs.readFileSync(path.join(wb, 'workbench.js'), 'utf8'),
        bundle(),
        'the source is untouched',
      );
      assert.match(
        fs.readFileSync(path.join(out, 'out', 'vs', 'workbench', 'workbench.web.main.internal.js'), 'utf8'),
        /workbench-api\.js/,
      );
      assert.match(
        fs.readFileSync(
          path.join(out, 'out', 'vs', 'code', 'browser', 'workbench', 'workbench-api.js'),
          'utf8',
        ),
        /Nvo as create/,
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
