import * as assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../simulator/server';
import { call, data } from './helpers';

interface ProjectItem {
  project: {
    orgIdentifier: string;
    identifier: string;
    name: string;
    color: string;
    modules: string[];
    description: string;
    tags: Record<string, string>;
  };
  createdAt: number;
  lastModifiedAt: number;
}

describe('simulator: organizations and projects', function () {
  // Bounded: these suites start servers and child processes on a possibly busy 2-core machine.
  this.timeout(15_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  it('creates and gets an organization', async () => {
    const created = data<{
      organization: { identifier: string; name: string; tags: Record<string, string> };
      harnessManaged: boolean;
    }>(
      await call(sim, 'POST', '/ng/api/organizations', {
        json: { organization: { identifier: 'sim_org', name: 'Sim Org', tags: { a: 'b' } } },
      }),
    );
    assert.deepEqual(created.organization, {
      identifier: 'sim_org',
      name: 'Sim Org',
      description: '',
      tags: { a: 'b' },
    });
    assert.equal(created.harnessManaged, false);
    const got = data<{ organization: { name: string } }>(
      await call(sim, 'GET', '/ng/api/organizations/sim_org'),
    );
    assert.equal(got.organization.name, 'Sim Org');
    const search = data<{ totalItems: number }>(
      await call(sim, 'GET', '/ng/api/organizations', { query: { searchTerm: 'sim org' } }),
    );
    assert.equal(search.totalItems, 1);
  });

  it('creates, gets, updates (full replacement) and deletes a project', async () => {
    const project = {
      orgIdentifier: 'engineering',
      identifier: 'sim_proj',
      name: 'Sim Project',
      color: '#0063F7',
      modules: ['CD', 'CI'],
      description: 'd',
      tags: { t: '1' },
    };
    const created = data<ProjectItem>(
      await call(sim, 'POST', '/ng/api/projects', {
        query: { orgIdentifier: 'engineering' },
        json: { project },
      }),
    );
    assert.deepEqual(created.project, project);
    assert.ok(created.createdAt > 0);
    const got = data<ProjectItem>(
      await call(sim, 'GET', '/ng/api/projects/sim_proj', { query: { orgIdentifier: 'engineering' } }),
    );
    assert.deepEqual(got.project, project);
    const replacement = { orgIdentifier: 'engineering', identifier: 'sim_proj', name: 'Renamed' };
    const updated = data<ProjectItem>(
      await call(sim, 'PUT', '/ng/api/projects/sim_proj', {
        query: { orgIdentifier: 'engineering' },
        json: { project: replacement },
      }),
    );
    assert.equal(updated.project.name, 'Renamed');
    assert.deepEqual(updated.project.modules, [], 'PUT replaces the whole project');
    assert.ok(updated.lastModifiedAt >= created.lastModifiedAt);
    const mismatch = await call(sim, 'PUT', '/ng/api/projects/sim_proj', {
      query: { orgIdentifier: 'engineering' },
      json: { project: { ...replacement, identifier: 'other' } },
    });
    assert.equal(mismatch.status, 400);
    assert.equal(
      data<boolean>(
        await call(sim, 'DELETE', '/ng/api/projects/sim_proj', { query: { orgIdentifier: 'engineering' } }),
      ),
      true,
    );
    assert.equal(
      (await call(sim, 'GET', '/ng/api/projects/sim_proj', { query: { orgIdentifier: 'engineering' } }))
        .status,
      404,
    );
  });

  it('refuses projects in unknown orgs, with a scope mismatch or with a bad colour', async () => {
    const inUnknownOrg = await call(sim, 'POST', '/ng/api/projects', {
      query: { orgIdentifier: 'nope' },
      json: { project: { orgIdentifier: 'nope', identifier: 'p1', name: 'P' } },
    });
    assert.equal(inUnknownOrg.status, 400);
    assert.equal(inUnknownOrg.body.code, 'RESOURCE_NOT_FOUND_EXCEPTION');
    const mismatch = await call(sim, 'POST', '/ng/api/projects', {
      query: { orgIdentifier: 'default' },
      json: { project: { orgIdentifier: 'mobile', identifier: 'p1', name: 'P' } },
    });
    assert.equal(mismatch.status, 400);
    const colour = await call(sim, 'POST', '/ng/api/projects', {
      query: { orgIdentifier: 'default' },
      json: { project: { identifier: 'p1', name: 'P', color: 'blue' } },
    });
    assert.equal(colour.status, 400);
    assert.equal(colour.body.status, 'FAILURE');
  });

  it('deleting a project deletes its pipelines and connectors', async () => {
    const scope = { orgIdentifier: 'mobile', projectIdentifier: 'ios_app' };
    assert.ok(sim.state.pipelines.some((p) => p.projectIdentifier === 'ios_app'));
    data(await call(sim, 'DELETE', '/ng/api/projects/ios_app', { query: { orgIdentifier: 'mobile' } }));
    assert.ok(!sim.state.pipelines.some((p) => p.projectIdentifier === 'ios_app'));
    assert.ok(!sim.state.connectors.some((c) => c.connector.projectIdentifier === 'ios_app'));
    const list = await call(sim, 'POST', '/pipeline/api/pipelines/list', {
      query: scope,
      json: { filterType: 'PipelineSetup' },
    });
    assert.equal(list.status, 404);
  });

  it('defaults the org of a project lookup to `default`, like ProjectResource', async () => {
    const got = data<ProjectItem>(await call(sim, 'GET', '/ng/api/projects/platform'));
    assert.equal(got.project.orgIdentifier, 'default');
  });
});
