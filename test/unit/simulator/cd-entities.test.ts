import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { seedState } from '../../simulator/seed';
import { startSimulator, type Simulator } from '../../simulator/server';
import { call, data } from './helpers';

/** servicesV2 and environmentsV2 lists are NG pages (ServiceResourceV2: PageResponse). */
interface NgPage<T> {
  content: T[];
  totalItems: number;
  totalPages: number;
  pageIndex: number;
  pageSize: number;
  pageItemCount: number;
}
interface SpringPage<T> {
  content: T[];
  totalElements: number;
  totalPages: number;
  number: number;
  size: number;
  last: boolean;
}
interface ScopedItem {
  identifier: string;
  name: string;
  orgIdentifier?: string;
  projectIdentifier?: string;
}
type ServiceItem = { service: ScopedItem & { yaml: string }; createdAt: number };
type EnvironmentItem = { environment: ScopedItem & { type: string; yaml: string } };
type TemplateItem = ScopedItem & {
  versionLabel: string;
  templateEntityType: string;
  stableTemplate: boolean;
  yaml?: string;
};

const DEMO = { orgIdentifier: 'default', projectIdentifier: 'default_project' };

describe('simulator: services, environments and templates', function () {
  this.timeout(15_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  const services = async (query: Record<string, string | number> = {}) =>
    data<NgPage<ServiceItem>>(await call(sim, 'GET', '/ng/api/servicesV2', { query }));
  const environments = async (query: Record<string, string | number> = {}) =>
    data<NgPage<EnvironmentItem>>(await call(sim, 'GET', '/ng/api/environmentsV2', { query }));
  const templates = async (
    query: Record<string, string | number> = {},
    body: unknown = { filterType: 'Template' },
  ) => call(sim, 'POST', '/template/api/templates/list-metadata', { query, json: body });

  it('seeds the same CD entities for the same seed, project ones always with their org', () => {
    const a = seedState(7);
    const b = seedState(7);
    assert.deepEqual(a.services, b.services);
    assert.deepEqual(a.environments, b.environments);
    assert.deepEqual(a.templates, b.templates);
    for (const list of [a.services, a.environments, a.templates])
      for (const e of list) assert.ok(e.projectIdentifier === undefined || e.orgIdentifier !== undefined);
  });

  it('lists services at exactly the scope asked, as a Spring page', async () => {
    const account = await services();
    assert.deepEqual(account.content.map((s) => s.service.identifier).sort(), [
      'observability_agent',
      'shared_gateway',
    ]);
    const org = await services({ orgIdentifier: 'default' });
    assert.deepEqual(
      org.content.map((s) => s.service.identifier),
      ['platform_core'],
    );
    const demo = await services({ ...DEMO });
    const ids = demo.content.map((s) => s.service.identifier);
    assert.ok(ids.includes('default_project') && ids.includes('web'), ids.join());
    assert.ok(demo.content.every((s) => s.service.projectIdentifier === 'default_project'));
    assert.equal(parse(demo.content[0].service.yaml).service.identifier, demo.content[0].service.identifier);
  });

  it('pages (page/size in, NG page out) and searches services', async () => {
    const scope = { orgIdentifier: 'default', projectIdentifier: 'platform' };
    const all = await services({ ...scope, size: 1000 });
    assert.ok(all.totalItems >= 40, `${all.totalItems}`);
    const p1 = await services({ ...scope, page: 1, size: 10 });
    assert.equal(p1.pageIndex, 1);
    assert.equal(p1.pageSize, 10);
    assert.equal(p1.pageItemCount, 10);
    assert.equal(p1.totalPages, Math.ceil(all.totalItems / 10));
    assert.equal((p1 as unknown as Record<string, unknown>).totalElements, undefined, 'not a Spring page');
    assert.deepEqual(
      p1.content.map((s) => s.service.identifier),
      all.content.slice(10, 20).map((s) => s.service.identifier),
    );
    const found = await services({ ...scope, searchTerm: 'CHECKOUT' });
    assert.ok(found.content.length > 0);
    assert.ok(found.content.every((s) => s.service.identifier.includes('checkout')));
  });

  it('gets a service and answers 400 RESOURCE_NOT_FOUND_EXCEPTION at the wrong scope', async () => {
    const got = data<ServiceItem>(await call(sim, 'GET', '/ng/api/servicesV2/web', { query: DEMO }));
    assert.equal(got.service.name, 'Web');
    const wrong = await call(sim, 'GET', '/ng/api/servicesV2/web', { query: { orgIdentifier: 'default' } });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.status, 'FAILURE');
    assert.equal(wrong.body.code, 'RESOURCE_NOT_FOUND_EXCEPTION');
    assert.equal(wrong.body.message, 'Service with identifier [web] in org [default] not found');
    const denied = await call(sim, 'GET', '/ng/api/servicesV2/x', {
      query: { orgIdentifier: 'default', projectIdentifier: 'vault' },
      token: sim.tokens.limited,
    });
    assert.equal(denied.status, 403);
  });

  it('serves environments with their type at every scope', async () => {
    const account = await environments();
    const types = Object.fromEntries(
      account.content.map((e) => [e.environment.identifier, e.environment.type]),
    );
    assert.deepEqual(types, { production: 'Production', qa: 'PreProduction' });
    const demo = await environments({ ...DEMO });
    assert.deepEqual(demo.content.map((e) => e.environment.identifier).sort(), ['production', 'staging']);
    const staging = data<EnvironmentItem>(
      await call(sim, 'GET', '/ng/api/environmentsV2/staging', { query: DEMO }),
    );
    assert.equal(staging.environment.type, 'PreProduction');
    assert.equal(parse(staging.environment.yaml).environment.type, 'PreProduction');
    const missing = await call(sim, 'GET', '/ng/api/environmentsV2/staging', { query: {} });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.message, 'Environment with identifier [staging] in account not found');
  });

  it('every literal serviceRef/environmentRef of a seeded pipeline exists in its project', () => {
    const state = seedState();
    let checked = 0;
    for (const p of state.pipelines) {
      for (const [key, list] of [
        ['serviceRef', state.services],
        ['environmentRef', state.environments],
      ] as const) {
        for (const m of p.yaml.matchAll(new RegExp(`${key}: (\\S+)`, 'g'))) {
          if (m[1].includes('<+')) continue;
          checked++;
          assert.ok(
            list.some(
              (e) =>
                e.identifier === m[1] &&
                e.orgIdentifier === p.orgIdentifier &&
                e.projectIdentifier === p.projectIdentifier,
            ),
            `${p.identifier}: ${key} ${m[1]}`,
          );
        }
      }
    }
    assert.ok(checked > 100, `${checked}`);
  });

  it('lists template versions with the Template filter body; Stable lists stable ones only', async () => {
    const bad = await templates({}, { filterType: 'PipelineSetup' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.message, 'Unable to process JSON');
    const all = data<SpringPage<TemplateItem>>(await templates({ templateListType: 'All' }));
    const notify = all.content.filter((t) => t.identifier === 'notify_team');
    assert.deepEqual(notify.map((t) => [t.versionLabel, t.stableTemplate]).sort(), [
      ['v1', true],
      ['v2', false],
    ]);
    assert.ok(all.content.every((t) => !t.orgIdentifier && t.yaml === undefined));
    const stable = data<SpringPage<TemplateItem>>(await templates({ templateListType: 'Stable' }));
    assert.ok(stable.content.every((t) => t.stableTemplate));
    assert.equal(stable.totalElements, 2);
    const org = data<SpringPage<TemplateItem>>(
      await templates({ orgIdentifier: 'default', size: 2, page: 1 }),
    );
    assert.equal(org.totalElements, 3);
    assert.equal(org.content.length, 1);
    assert.equal(org.last, true);
  });

  it('gets the stable template version, or the one asked for, and RESOURCE_NOT_FOUND_EXCEPTION otherwise', async () => {
    const q = { orgIdentifier: 'default' };
    const stable = data<TemplateItem>(
      await call(sim, 'GET', '/template/api/templates/cleanup_stage', { query: q }),
    );
    assert.equal(stable.versionLabel, 'v2');
    assert.equal(stable.templateEntityType, 'Stage');
    assert.equal(parse(stable.yaml ?? '').template.versionLabel, 'v2');
    const v3 = data<TemplateItem>(
      await call(sim, 'GET', '/template/api/templates/cleanup_stage', {
        query: { ...q, versionLabel: 'v3' },
      }),
    );
    assert.equal(v3.stableTemplate, false);
    const noVersion = await call(sim, 'GET', '/template/api/templates/cleanup_stage', {
      query: { ...q, versionLabel: 'v9' },
    });
    assert.equal(noVersion.status, 400);
    assert.match(String(noVersion.body.message), /and versionLabel: v9 does not exist or has been deleted/);
    const wrongScope = await call(sim, 'GET', '/template/api/templates/cleanup_stage', { query: {} });
    assert.equal(wrongScope.status, 400);
    assert.equal(wrongScope.body.code, 'RESOURCE_NOT_FOUND_EXCEPTION');
  });
});
