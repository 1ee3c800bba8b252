// The Marketplace-facing parts of package.json: the getting-started walkthrough points at commands
// and files that exist, the icon is the PNG the Marketplace needs, the editor's Push button is
// only on Harness documents, and the web build is declared, built and shipped, with its workspace
// capabilities.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';

interface Step {
  id: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}
interface Manifest {
  icon: string;
  main: string;
  browser?: string;
  capabilities?: {
    virtualWorkspaces?: boolean | { supported: string; description?: string };
    untrustedWorkspaces?: {
      supported: boolean | string;
      description?: string;
      restrictedConfigurations?: string[];
    };
  };
  repository?: { url: string };
  bugs?: { url: string };
  galleryBanner?: { color: string; theme: string };
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    walkthroughs: { id: string; steps: Step[] }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { scope?: string }> };
    viewsWelcome: { view: string; contents: string; when: string }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const commands = new Set(manifest.contributes.commands.map((c) => c.command));
const views = new Set(Object.values(manifest.contributes.views).flatMap((v) => v.map((x) => x.id)));
/** Commands VS Code itself provides that the walkthrough may link to. */
const BUILT_IN = new Set(['workbench.view.extension.harness']);
const shipped = fs
  .readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('!'))
  .map((l) => l.slice(1).replace(/\*\*$/, ''));

describe('package.json: Marketplace parts', () => {
  const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === 'harness.gettingStarted');

  it('has a getting-started walkthrough: sign in, browse, open, validate, push, run', () => {
    assert.ok(walkthrough);
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['signIn', 'browse', 'open', 'validate', 'push', 'run'],
    );
  });

  it('links only to commands and views that exist, and completes on them', () => {
    for (const step of walkthrough?.steps ?? []) {
      for (const [, id] of step.description.matchAll(/\(command:([\w.]+)\)/g))
        assert.ok(commands.has(id) || BUILT_IN.has(id), `${step.id}: unknown command ${id}`);
      assert.ok(step.completionEvents?.length, `${step.id} has a completion event`);
      for (const event of step.completionEvents ?? []) {
        const [kind, id] = event.split(':');
        if (kind === 'onCommand') assert.ok(commands.has(id), `${step.id}: unknown command ${id}`);
        else if (kind === 'onView') assert.ok(views.has(id), `${step.id}: unknown view ${id}`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it('ships every walkthrough page', () => {
    for (const step of walkthrough?.steps ?? []) {
      const file = step.media.markdown ?? step.media.image;
      assert.ok(file && fs.existsSync(path.join(repoRoot, file)), `${step.id}: ${file} exists`);
      assert.ok(
        shipped.some((prefix) => file.startsWith(prefix)),
        `${file} is in the .vsix (.vscodeignore)`,
      );
    }
  });

  it('has a 128×128 PNG icon (the Marketplace does not take SVG) and its metadata', () => {
    const png = fs.readFileSync(path.join(repoRoot, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128, 'width');
    assert.equal(png.readUInt32BE(20), 128, 'height');
    assert.match(manifest.repository?.url ?? '', /^https:\/\/github\.com\//);
    assert.match(manifest.bugs?.url ?? '', /^https:\/\//);
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
  });

  it('shows the editor Push button on Harness documents only, not on every YAML file', () => {
    const push = manifest.contributes.menus['editor/title'].find((m) => m.command === 'harness.pushPipeline');
    assert.equal(push?.when, 'harness.isPipelineDocument || resourceScheme == harness');
  });

  describe('the web build', () => {
    const esbuild = fs.readFileSync(path.join(repoRoot, 'esbuild.mjs'), 'utf8');

    it('has a browser entry next to main, built by esbuild for the browser and shipped in the .vsix', () => {
      assert.equal(manifest.main, './dist/extension.js');
      assert.equal(manifest.browser, './dist/web/extension.js');
      assert.match(esbuild, /in: 'src\/web\/extension\.ts', out: 'web\/extension'.*web: true/);
      assert.match(esbuild, /in: 'server\/browser\.ts', out: 'web\/server'.*web: true/);
      for (const file of [
        'dist/web/extension.js',
        'dist/web/server.js',
        'dist/extension.js',
        'dist/server.js',
      ])
        assert.ok(shipped.includes(file), `${file} is in the .vsix (.vscodeignore)`);
    });

    it('declares virtual workspaces supported and untrusted ones limited to settings that exist', () => {
      const caps = manifest.capabilities;
      assert.equal(caps?.virtualWorkspaces, true);
      const untrusted = caps?.untrustedWorkspaces;
      assert.equal(untrusted?.supported, 'limited');
      assert.ok((untrusted?.description ?? '').length > 40, 'says what Restricted Mode changes');
      const restricted = untrusted?.restrictedConfigurations ?? [];
      assert.deepEqual([...restricted].sort(), ['harness.schema.file', 'harness.schema.source']);
      for (const key of restricted) {
        const setting = manifest.contributes.configuration.properties[key];
        assert.ok(setting, `${key} is a setting`);
        assert.notEqual(setting.scope, 'application', `${key}: an application setting needs no restriction`);
      }
      // Where the token may go can never come from a workspace.
      assert.equal(
        manifest.contributes.configuration.properties['harness.defaultBaseUrl'].scope,
        'application',
      );
      assert.equal(
        manifest.contributes.configuration.properties['harness.http.timeoutSeconds'].scope,
        'application',
      );
    });

    it('has an "unreachable" welcome view for each build: http.proxy on desktop, CORS in the browser', () => {
      const unreachable = manifest.contributes.viewsWelcome.filter((w) =>
        w.when.includes('harness.apiUnreachable'),
      );
      const desktop = unreachable.find((w) => w.when.includes('!harness.web'));
      const web = unreachable.find((w) => /(^|[^!])harness\.web/.test(w.when));
      assert.match(desktop?.contents ?? '', /http\.proxy/);
      assert.match(web?.contents ?? '', /CORS/);
      assert.doesNotMatch(web?.contents ?? '', /http\.proxy/);
    });
  });
});
