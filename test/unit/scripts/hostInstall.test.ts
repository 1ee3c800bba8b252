// The host-tools installer runs `npm install` inside `npm test` and `npm run demo`. A parent
// `npm run` exports its own state (npm_config_user_agent naming its Node, npm_config_global, …) and
// a nested npm reads it back as settings: code-server's postinstall then saw "node v20" and refused
// to install. These tests run the installer's nested install under a real `npm run` against a local
// stub package (nothing is downloaded) and check what the stub's postinstall saw.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../helpers/paths';

type InstallModule = typeof import('../../../scripts/host/install.mjs', {
  with: { 'resolution-mode': 'import' },
});
const installScript = path.join(repoRoot, 'scripts', 'host', 'install.mjs');
const loadInstall = () => import(pathToFileURL(installScript).href) as Promise<InstallModule>;

/** What a parent npm would claim to run on: the nested install must never report this Node. */
const PARENT_USER_AGENT = 'npm/0.0.0 node/v0.0.0-parent linux x64 workspaces/false';
/** A user's network setting on the parent command line: the nested install must keep it. */
const USER_REGISTRY = 'http://127.0.0.1:9/';

/** process.env without anything npm set: the test starts its parent `npm run` like a shell would. */
function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'NODE') continue;
    env[key] = value;
  }
  return env;
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

describe('host tools installer: nested npm install', () => {
  describe('nestedNpmEnv', () => {
    it('drops what a parent npm run exported about itself and keeps the user settings', async () => {
      const { nestedNpmEnv } = await loadInstall();
      const env = nestedNpmEnv(
        {
          PATH: '/usr/bin',
          HOME: '/home/u',
          npm_config_user_agent: 'npm/11 node/v20.20.2 linux x64',
          NPM_CONFIG_GLOBAL: 'true',
          npm_config_location: 'global',
          npm_config_workspace: 'a',
          npm_config_local_prefix: '/work/main',
          npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
          npm_lifecycle_event: 'demo',
          npm_lifecycle_script: 'node scripts/demo.mjs',
          npm_package_name: 'harness-vscode',
          npm_package_json: '/work/main/package.json',
          npm_command: 'run',
          npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
          npm_node_execpath: '/usr/bin/node',
          NODE: '/usr/bin/node',
          INIT_CWD: '/work/main',
          npm_config_registry: 'https://npm.example.com/',
          npm_config_https_proxy: 'http://proxy:3128',
          npm_config_proxy: 'http://proxy:3128',
          npm_config_noproxy: 'localhost',
          npm_config_cafile: '/etc/ssl/corp.pem',
          npm_config_strict_ssl: 'true',
          npm_config_cache: '/home/u/.npm',
          npm_config_userconfig: '/home/u/.npmrc',
          npm_config_prefix: '/home/u/.npm-global',
          HTTPS_PROXY: 'http://proxy:3128',
        },
        { nodeBin: '/opt/node24/bin/node', extra: { npm_config_nodedir: '/opt/node24' } },
      );
      assert.deepEqual(env, {
        PATH: `/opt/node24/bin${path.delimiter}/usr/bin`,
        HOME: '/home/u',
        npm_config_registry: 'https://npm.example.com/',
        npm_config_https_proxy: 'http://proxy:3128',
        npm_config_proxy: 'http://proxy:3128',
        npm_config_noproxy: 'localhost',
        npm_config_cafile: '/etc/ssl/corp.pem',
        npm_config_strict_ssl: 'true',
        npm_config_cache: '/home/u/.npm',
        npm_config_userconfig: '/home/u/.npmrc',
        npm_config_prefix: '/home/u/.npm-global',
        HTTPS_PROXY: 'http://proxy:3128',
        npm_config_nodedir: '/opt/node24',
      });
    });
  });

  describe('under a parent `npm run`', function () {
    this.timeout(90_000);
    if (process.platform === 'win32') return;
    let tmp: string;

    before(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-nested-install-'));
    });
    after(() => {
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('installs with the intended Node, not the parent npm user agent, and keeps its registry', () => {
      // The stub's postinstall records what an install script (like code-server's) sees.
      const stub = path.join(tmp, 'stub');
      writeJson(path.join(stub, 'package.json'), {
        name: 'harness-stub-postinstall',
        version: '1.0.0',
        scripts: { postinstall: 'node report.js' },
      });
      fs.writeFileSync(
        path.join(stub, 'report.js'),
        `require('fs').writeFileSync(require('path').join(__dirname, 'seen.json'), JSON.stringify({
  version: process.version,
  userAgent: process.env.npm_config_user_agent,
  registry: process.env.npm_config_registry,
  lifecycleEvent: process.env.npm_lifecycle_event,
  initCwd: process.env.INIT_CWD,
}));\n`,
      );
      // The directory the installer installs into (the tools cache, in real use).
      const target = path.join(tmp, 'cache');
      writeJson(path.join(target, 'package.json'), {
        name: 'harness-stub-cache',
        private: true,
        dependencies: { 'harness-stub-postinstall': `file:${stub}` },
      });
      // The project whose script runs the installer, as `npm test` / `npm run demo` do.
      const parent = path.join(tmp, 'project');
      writeJson(path.join(parent, 'package.json'), {
        name: 'harness-stub-project',
        version: '1.0.0',
        private: true,
        scripts: { tools: 'node nested.mjs' },
      });
      fs.writeFileSync(
        path.join(parent, 'nested.mjs'),
        `import { npmInstallIn } from ${JSON.stringify(pathToFileURL(installScript).href)};
npmInstallIn(process.argv[2], { nodeBin: process.argv[3] });\n`,
      );

      // "Node 24" is the Node running this test: the stub must report it, and the user agent
      // of its own npm, never the parent's.
      const intendedNode = process.execPath;
      const result = spawnSync(
        'npm',
        [
          'run',
          'tools',
          `--user-agent=${PARENT_USER_AGENT}`,
          `--registry=${USER_REGISTRY}`,
          '--',
          target,
          intendedNode,
        ],
        { cwd: parent, env: shellEnv(), encoding: 'utf8', timeout: 80_000 },
      );
      assert.equal(result.status, 0, `npm run tools failed:\n${result.stdout}\n${result.stderr}`);
      const seenFile = path.join(stub, 'seen.json');
      assert.ok(
        fs.existsSync(seenFile),
        `the stub's postinstall did not run:\n${result.stdout}\n${result.stderr}`,
      );
      const seen = JSON.parse(fs.readFileSync(seenFile, 'utf8')) as Record<string, string | undefined>;
      const intendedVersion = spawnSync(intendedNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
      assert.equal(seen.version, intendedVersion);
      assert.ok(
        !seen.userAgent?.includes('v0.0.0-parent'),
        `the install saw the parent's user agent: ${seen.userAgent}`,
      );
      assert.match(seen.userAgent ?? '', new RegExp(` node/${intendedVersion.replace(/\./g, '\\.')} `));
      assert.equal(seen.registry, USER_REGISTRY);
      assert.equal(seen.lifecycleEvent, 'postinstall');
      assert.equal(fs.realpathSync(seen.initCwd ?? ''), fs.realpathSync(target));
    });
  });
});
