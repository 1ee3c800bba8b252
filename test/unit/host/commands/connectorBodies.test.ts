import * as assert from 'node:assert/strict';
import {
  buildConnector,
  parseConnectorFile,
  secretRefsOf,
  stripNulls,
  validateSecretRef,
} from '../../../../src/commands/connectorBodies';

const project = { orgIdentifier: 'default', projectIdentifier: 'web' };

describe('commands/connectorBodies', () => {
  it('builds DockerRegistry bodies (anonymous and with credentials)', () => {
    const anon = buildConnector({
      type: 'DockerRegistry',
      identifier: 'hub',
      name: 'Hub',
      scope: project,
      url: 'https://index.docker.io/v2/',
      providerType: 'DockerHub',
    });
    assert.deepEqual(anon, {
      name: 'Hub',
      identifier: 'hub',
      type: 'DockerRegistry',
      orgIdentifier: 'default',
      projectIdentifier: 'web',
      spec: {
        dockerRegistryUrl: 'https://index.docker.io/v2/',
        providerType: 'DockerHub',
        auth: { type: 'Anonymous' },
      },
    });
    const withPw = buildConnector({
      type: 'DockerRegistry',
      identifier: 'h',
      name: 'H',
      scope: {},
      url: 'u',
      providerType: 'Other',
      username: 'me',
      passwordRef: 'account.pw',
    });
    assert.deepEqual(withPw.spec.auth, {
      type: 'UsernamePassword',
      spec: { username: 'me', passwordRef: 'account.pw' },
    });
    assert.equal(withPw.orgIdentifier, undefined);
    assert.equal(withPw.projectIdentifier, undefined);
  });

  it('builds Github with API access and validation repo', () => {
    const c = buildConnector({
      type: 'Github',
      identifier: 'gh',
      name: 'gh',
      scope: { orgIdentifier: 'o' },
      connectionType: 'Account',
      url: 'https://github.com/acme',
      validationRepo: 'app',
      username: 'me',
      tokenRef: 'org.gh_pat',
      apiAccess: true,
    });
    assert.equal(c.orgIdentifier, 'o');
    assert.equal(c.projectIdentifier, undefined);
    assert.deepEqual(c.spec, {
      type: 'Account',
      url: 'https://github.com/acme',
      validationRepo: 'app',
      authentication: {
        type: 'Http',
        spec: { type: 'UsernameToken', spec: { username: 'me', tokenRef: 'org.gh_pat' } },
      },
      apiAccess: { type: 'Token', spec: { tokenRef: 'org.gh_pat' } },
    });
  });

  it('builds K8sCluster and Aws with delegate or manual credentials', () => {
    const k = buildConnector({
      type: 'K8sCluster',
      identifier: 'k',
      name: 'k',
      scope: project,
      credential: 'InheritFromDelegate',
      delegateSelectors: ['d1'],
    });
    assert.deepEqual(k.spec, { credential: { type: 'InheritFromDelegate' }, delegateSelectors: ['d1'] });
    const km = buildConnector({
      type: 'K8sCluster',
      identifier: 'k',
      name: 'k',
      scope: project,
      credential: 'ManualConfig',
      masterUrl: 'https://k8s',
      serviceAccountTokenRef: 'sa',
    });
    assert.deepEqual(km.spec, {
      credential: {
        type: 'ManualConfig',
        spec: {
          masterUrl: 'https://k8s',
          auth: { type: 'ServiceAccount', spec: { serviceAccountTokenRef: 'sa' } },
        },
      },
    });
    const a = buildConnector({
      type: 'Aws',
      identifier: 'a',
      name: 'a',
      scope: project,
      credential: 'ManualConfig',
      region: 'us-east-1',
      accessKey: 'AKIA',
      secretKeyRef: 'account.aws',
    });
    assert.deepEqual(a.spec, {
      credential: {
        type: 'ManualConfig',
        region: 'us-east-1',
        spec: { accessKey: 'AKIA', secretKeyRef: 'account.aws' },
      },
      executeOnDelegate: false,
    });
    assert.deepEqual(
      secretRefsOf({
        type: 'Aws',
        identifier: 'a',
        name: 'a',
        scope: project,
        credential: 'ManualConfig',
        accessKey: 'x',
        secretKeyRef: 'y',
      }),
      [{ field: 'secretKeyRef', ref: 'y' }],
    );
  });

  it('validates secret references by scope', () => {
    assert.equal(validateSecretRef('account.my-secret', {}), undefined);
    assert.equal(validateSecretRef('plain', project), undefined);
    assert.equal(validateSecretRef('org.s', { orgIdentifier: 'o' }), undefined);
    assert.match(validateSecretRef('org.s', {}) ?? '', /account-level/);
    assert.match(validateSecretRef('account.', project) ?? '', /Enter a secret/);
    assert.match(validateSecretRef('1bad', project) ?? '', /not a valid/);
  });

  it('parses connector YAML and JSON files for any type, applying the chosen scope', () => {
    const y = parseConnectorFile(
      'connector:\n  name: Jira\n  identifier: jira\n  orgIdentifier: other\n  type: Jira\n  description: null\n  spec:\n    jiraUrl: https://j\n',
      project,
    );
    assert.ok(y.ok);
    assert.equal(y.connector.type, 'Jira');
    assert.equal(y.connector.orgIdentifier, 'default');
    assert.equal(y.connector.projectIdentifier, 'web');
    assert.equal('description' in y.connector, false);
    const j = parseConnectorFile('{"name":"n","identifier":"n1","type":"Slack","spec":{"a":1}}');
    assert.ok(j.ok);
    assert.equal(j.connector.identifier, 'n1');
  });

  it('reports every problem of a bad file', () => {
    const r = parseConnectorFile('connector:\n  identifier: 9x\n');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.errors.length, 4);
      assert.match(r.errors[0], /^identifier:/);
    }
    assert.equal(parseConnectorFile('[1,2]').ok, false);
    assert.equal(parseConnectorFile('a: [').ok, false);
  });

  it('strips nulls deeply', () => {
    assert.deepEqual(stripNulls({ a: null, b: [1, null, { c: null, d: 2 }] }), { b: [1, { d: 2 }] });
  });
});
