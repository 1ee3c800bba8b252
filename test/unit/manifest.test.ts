// The Marketplace-facing parts of package.json: the getting-started walkthrough points at commands
// and files that exist, the icon is the PNG the Marketplace needs, and the editor's Push button is
// only on Harness documents.
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
  repository?: { url: string };
  bugs?: { url: string };
  galleryBanner?: { color: string; theme: string };
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    walkthroughs: { id: string; steps: Step[] }[];
    menus: Record<string, { command: string; when?: string }[]>;
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
});
