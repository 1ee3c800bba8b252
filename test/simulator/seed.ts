// Builds the simulator's account from a seed. Same seed ⇒ identical state (ids, tokens, names,
// timestamps), so tests and benchmarks can rely on exact totals and orderings.
import type {
  ConnectivityStatus,
  SimConnector,
  SimConnectorInfo,
  SimExecution,
  SimOrg,
  SimPipeline,
  SimPrincipal,
  SimProject,
  SimState,
  Tags,
} from './model';
import { EXECUTION_SUMMARY_STATUSES } from '../contract/enums';
import { buildPipeline, type PipelineKind, type PipelineYamlSpec } from './pipeline-yaml';
import { executionStepsOf, modulesOf, stageNamesOf } from './pipeline-meta';
import { ALNUM, HEX, createRng, type Rng } from './rng';
import { gitObjectId, sha1 } from './ids';
import { defaultConnectorSchema, defaultPipelineSchema } from './schemas';
import { seedEnvironments, seedServices, seedTemplates } from './seed-cd';
import { seedInputSets } from './seed-input-sets';
import { seedGitFiles } from './git-repos';

/** All seeded timestamps count back from this instant, so they do not depend on the clock. */
export const SEED_EPOCH = Date.UTC(2026, 5, 1, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const DEFAULT_SEED = 1;
/** The project with hundreds of pipelines (paging). */
export const BIG_PROJECT = { orgIdentifier: 'default', projectIdentifier: 'platform' } as const;
/** The project the `limited` token is denied. */
export const RESTRICTED_PROJECT = { orgIdentifier: 'default', projectIdentifier: 'vault' } as const;

const SERVICES = [
  'checkout', 'payments', 'catalog', 'search', 'inventory', 'orders', 'shipping', 'billing',
  'identity', 'notifications', 'recommendations', 'reviews', 'pricing', 'cart', 'gateway', 'ledger',
  'fraud', 'loyalty', 'media', 'profile', 'reporting', 'scheduler', 'session', 'storefront',
  'tax', 'warehouse', 'analytics', 'audit', 'auth', 'config', 'email', 'export', 'feature_flags',
  'geo', 'images', 'invoices', 'metrics', 'partners', 'quotes', 'returns',
]; // prettier-ignore

const BIG_PROJECT_KINDS: { suffix: string; label: string; kind: PipelineKind }[] = [
  { suffix: 'build', label: 'Build', kind: 'ci' },
  { suffix: 'integration_tests', label: 'Integration Tests', kind: 'ci' },
  { suffix: 'deploy_dev', label: 'Deploy Dev', kind: 'deploy' },
  { suffix: 'deploy_prod', label: 'Deploy Prod', kind: 'deploy' },
  { suffix: 'canary', label: 'Canary', kind: 'deploy' },
  { suffix: 'release', label: 'Release', kind: 'release' },
  { suffix: 'nightly', label: 'Nightly Job', kind: 'custom' },
  { suffix: 'db_migrate', label: 'DB Migrate', kind: 'custom' },
];

const TEAMS = ['core', 'growth', 'infra', 'data', 'mobile', 'sre'];
const COLORS = ['#0063F7', '#004fc4', '#7D4DD3', '#E43326', '#1C8A43', '#FF8800', '#42AB45', '#3DC7F6'];
const BASE_SET: { suffix: string; label: string; kind: PipelineKind }[] = [
  { suffix: 'build', label: 'Build', kind: 'ci' },
  { suffix: 'deploy', label: 'Deploy', kind: 'deploy' },
  { suffix: 'release', label: 'Release', kind: 'release' },
  { suffix: 'cleanup', label: 'Cleanup', kind: 'custom' },
  { suffix: 'pr_checks', label: 'PR Checks', kind: 'ci' },
  { suffix: 'hotfix', label: 'Hotfix', kind: 'deploy' },
  { suffix: 'backfill', label: 'Backfill', kind: 'custom' },
  { suffix: 'promote', label: 'Promote', kind: 'release' },
];

function titleCase(id: string): string {
  return id
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function principals(rng: Rng, accountId: string): SimPrincipal[] {
  const make = (
    kind: 'pat' | 'sat',
    name: string,
    email: string | undefined,
    denied: string[],
  ): SimPrincipal => {
    const tokenIdentifier = rng.chars(24, HEX);
    // An obviously fake secret: simulator tokens are demo credentials of a fake account.
    const secret = `SIMFAKE${rng.chars(13, ALNUM)}`;
    return {
      token: `${kind}.${accountId}.${tokenIdentifier}.${secret}`,
      kind,
      id: kind === 'pat' ? rng.chars(22, ALNUM) : 'ci_bot',
      name,
      email,
      tokenIdentifier,
      apiKeyIdentifier: kind === 'pat' ? 'vscode_key' : 'ci_bot_key',
      deniedProjects: denied,
    };
  };
  return [
    make('pat', 'Sam Simulator', 'sam.simulator@example.com', []),
    make('sat', 'CI Bot', undefined, []),
    make('pat', 'Lee Limited', 'lee.limited@example.com', [
      `${RESTRICTED_PROJECT.orgIdentifier}/${RESTRICTED_PROJECT.projectIdentifier}`,
    ]),
  ];
}

function orgs(): SimOrg[] {
  const list: [string, string, string][] = [
    ['default', 'default', 'Default Organization'],
    ['engineering', 'Engineering', 'Product engineering teams'],
    ['data_platform', 'Data Platform', 'Pipelines for data and ML workloads'],
    ['mobile', 'Mobile', 'iOS and Android apps'],
  ];
  return list.map(([identifier, name, description], i): SimOrg => ({
    identifier,
    name,
    description,
    tags: identifier === 'default' ? {} : ({ owner: `${identifier}-leads` } as Tags),
    createdAt: SEED_EPOCH - (400 - i) * DAY,
    lastModifiedAt: SEED_EPOCH - (300 - i * 7) * DAY,
    harnessManaged: identifier === 'default',
  }));
}

const PROJECTS: [string, string, string, string[]][] = [
  ['default', 'platform', 'Platform', ['CI', 'CD']],
  ['default', 'default_project', 'Default Project', ['CD']],
  ['default', 'payments', 'Payments', ['CI', 'CD', 'STO']],
  ['default', 'vault', 'Vault', ['CD']],
  ['engineering', 'web_app', 'Web App', ['CI', 'CD']],
  ['engineering', 'api_gateway', 'API Gateway', ['CI', 'CD']],
  ['engineering', 'infra', 'Infrastructure', ['CD', 'IACM']],
  ['engineering', 'sandbox', 'Sandbox', ['CI']],
  ['data_platform', 'etl', 'ETL', ['CI', 'CD']],
  ['data_platform', 'ml_models', 'ML Models', ['CI']],
  ['mobile', 'ios_app', 'iOS App', ['CI']],
  ['mobile', 'android_app', 'Android App', ['CI', 'CD']],
];

function projects(rng: Rng): SimProject[] {
  return PROJECTS.map(([orgIdentifier, identifier, name, modules], i) => ({
    orgIdentifier,
    identifier,
    name,
    color: rng.pick(COLORS),
    modules,
    description: `${name} project`,
    tags: { team: rng.pick(TEAMS) },
    createdAt: SEED_EPOCH - (350 - i) * DAY,
    lastModifiedAt: SEED_EPOCH - (200 - i * 3) * DAY,
    isFavorite: identifier === 'platform',
  }));
}

const FAILURE_SUMMARIES: Record<string, string> = {
  Github:
    'Error Encountered (Please check your credentials. The token may have expired or been revoked: 401 Bad credentials)',
  DockerRegistry:
    'Error Encountered (Invalid Docker Registry credentials: unauthorized: incorrect username or password)',
  K8sCluster:
    "Error Encountered (No eligible delegates available: no connected delegate has the selector 'k8s-prod')",
  Aws: 'Error Encountered (The security token included in the request is invalid.)',
};

function connectorSpec(type: string, identifier: string): Record<string, unknown> {
  switch (type) {
    case 'Github':
      return {
        type: 'Account',
        url: 'https://github.com/acme',
        validationRepo: 'platform-pipelines',
        authentication: {
          type: 'Http',
          spec: { type: 'UsernameToken', spec: { username: 'acme-bot', tokenRef: 'account.github_pat' } },
        },
        apiAccess: { type: 'Token', spec: { tokenRef: 'account.github_pat' } },
        executeOnDelegate: false,
      };
    case 'DockerRegistry':
      return {
        dockerRegistryUrl: 'https://index.docker.io/v2/',
        providerType: 'DockerHub',
        auth: {
          type: 'UsernamePassword',
          spec: { username: 'acme', passwordRef: 'account.dockerhub_password' },
        },
        executeOnDelegate: false,
      };
    case 'K8sCluster':
      return {
        credential: { type: 'InheritFromDelegate' },
        delegateSelectors: [`${identifier.split('_')[0]}-k8s`],
      };
    case 'Aws':
      return {
        credential: {
          type: 'ManualConfig',
          region: 'us-east-1',
          spec: { accessKeyRef: 'account.aws_access_key', secretKeyRef: 'account.aws_secret_key' },
        },
        executeOnDelegate: true,
      };
    default:
      return {};
  }
}

function connector(
  rng: Rng,
  info: Omit<SimConnectorInfo, 'spec' | 'description' | 'tags'>,
  status: ConnectivityStatus,
  age: number,
): SimConnector {
  const testedAt = status === 'UNKNOWN' ? 0 : SEED_EPOCH - rng.int(1, 600) * MINUTE;
  const errorSummary = status === 'FAILURE' ? FAILURE_SUMMARIES[info.type] : undefined;
  return {
    connector: {
      ...info,
      description: `${info.type} connector ${info.name}`,
      tags: {},
      spec: connectorSpec(info.type, info.identifier),
    },
    status: {
      status,
      ...(errorSummary ? { errorSummary } : {}),
      errors: errorSummary ? [{ reason: 'Unexpected Error', message: errorSummary, code: 450 }] : [],
      testedAt,
      lastTestedAt: testedAt,
      lastConnectedAt: status === 'SUCCESS' ? testedAt : status === 'FAILURE' ? testedAt - 3 * DAY : 0,
    },
    createdAt: SEED_EPOCH - (age + 30) * DAY,
    lastModifiedAt: SEED_EPOCH - age * DAY,
    harnessManaged: false,
  };
}

function seededStatus(rng: Rng): ConnectivityStatus {
  const r = rng.next();
  return r < 0.6 ? 'SUCCESS' : r < 0.85 ? 'FAILURE' : 'UNKNOWN';
}

const CONNECTOR_TYPES = ['Github', 'DockerRegistry', 'K8sCluster', 'Aws'] as const;

function connectors(rng: Rng, projectList: SimProject[], orgList: SimOrg[]): SimConnector[] {
  const out: SimConnector[] = [];
  // Account scope: one of each type, with one fixed status each so every status is present.
  const account: [string, string, string, ConnectivityStatus][] = [
    ['github_acme', 'GitHub acme', 'Github', 'SUCCESS'],
    ['dockerhub', 'Docker Hub', 'DockerRegistry', 'SUCCESS'],
    ['aws_prod', 'AWS prod', 'Aws', 'FAILURE'],
    ['k8s_shared', 'Shared Kubernetes', 'K8sCluster', 'UNKNOWN'],
    ['harnessImage', 'Harness Docker Connector', 'DockerRegistry', 'SUCCESS'],
  ];
  account.forEach(([identifier, name, type, status], i) =>
    out.push(connector(rng, { identifier, name, type }, status, i)),
  );
  for (const org of orgList) {
    out.push(
      connector(rng, { identifier: `${org.identifier}_github`, name: `${org.name} GitHub`, type: 'Github', orgIdentifier: org.identifier }, seededStatus(rng), 10),
      connector(rng, { identifier: `${org.identifier}_k8s`, name: `${org.name} Kubernetes`, type: 'K8sCluster', orgIdentifier: org.identifier }, seededStatus(rng), 11),
    ); // prettier-ignore
  }
  for (const p of projectList) {
    const count = p.identifier === BIG_PROJECT.projectIdentifier ? 24 : rng.int(2, 4);
    for (let i = 0; i < count; i++) {
      const type = CONNECTOR_TYPES[i % CONNECTOR_TYPES.length];
      const identifier = `${type.toLowerCase()}_${p.identifier}_${i + 1}`;
      out.push(
        connector(
          rng,
          {
            identifier,
            name: `${type} ${p.name} ${i + 1}`,
            type,
            orgIdentifier: p.orgIdentifier,
            projectIdentifier: p.identifier,
          },
          seededStatus(rng),
          rng.int(1, 90),
        ),
      );
    }
  }
  return out;
}

interface PipelinePlan {
  project: SimProject;
  identifier: string;
  name: string;
  kind: PipelineKind;
  remote: boolean;
  broken: boolean;
}

function pipelinePlans(rng: Rng, projectList: SimProject[]): PipelinePlan[] {
  const plans: PipelinePlan[] = [];
  for (const project of projectList) {
    if (
      project.identifier === BIG_PROJECT.projectIdentifier &&
      project.orgIdentifier === BIG_PROJECT.orgIdentifier
    ) {
      let n = 0;
      for (const service of SERVICES) {
        for (const k of BIG_PROJECT_KINDS) {
          plans.push({
            project,
            identifier: `${service}_${k.suffix}`,
            name: `${titleCase(service)} ${k.label}`,
            kind: k.kind,
            remote: n % 64 === 5,
            broken: n === 133,
          });
          n++;
        }
      }
      continue;
    }
    const count = rng.int(3, 8);
    for (let i = 0; i < count; i++) {
      const k = BASE_SET[i];
      const identifier = `${project.identifier}_${k.suffix}`;
      plans.push({
        project,
        identifier,
        name: `${project.name} ${k.label}`,
        kind: k.kind,
        remote: project.identifier === 'web_app' && i < 2,
        broken: false,
      });
    }
  }
  return plans;
}

const HISTORY_OUTCOMES = [
  'Success',
  'Success',
  'Success',
  'Success',
  'Failed',
  'Failed',
  'Aborted',
  'Expired',
];

function pipelinesAndExecutions(
  rng: Rng,
  projectList: SimProject[],
): { pipelines: SimPipeline[]; executions: SimExecution[] } {
  const pipelines: SimPipeline[] = [];
  const executions: SimExecution[] = [];
  const plans = pipelinePlans(rng, projectList);
  plans.forEach((plan, index) => {
    const { project } = plan;
    const r = rng.next();
    const inputs: PipelineYamlSpec['inputs'] = r < 0.6 ? 'none' : r < 0.85 ? 'optional' : 'required';
    const tags: Tags = { team: rng.pick(TEAMS) };
    if (rng.chance(0.15)) tags.tier = 'critical';
    const { node: pipelineNode, yaml } = buildPipeline({
      identifier: plan.identifier,
      name: plan.name,
      orgIdentifier: project.orgIdentifier,
      projectIdentifier: project.identifier,
      kind: plan.kind,
      tags,
      description: rng.chance(0.5) ? `${plan.name} for ${project.name}` : undefined,
      inputs,
      failing: rng.chance(0.08),
      codebase: { connectorRef: 'account.github_acme', repoName: plan.identifier.split('_')[0] },
      k8sConnectorRef: 'k8s_shared',
    });
    const lastUpdatedAt = SEED_EPOCH - (index * 37 + rng.int(0, 30)) * MINUTE;
    const storedYaml = plan.broken ? `${yaml}  stages: [unterminated\n` : yaml;
    const pipeline: SimPipeline = {
      orgIdentifier: project.orgIdentifier,
      projectIdentifier: project.identifier,
      identifier: plan.identifier,
      name: plan.name,
      description: typeof pipelineNode.description === 'string' ? pipelineNode.description : '',
      tags,
      yaml: storedYaml,
      version: rng.int(1, 12),
      createdAt: lastUpdatedAt - rng.int(1, 200) * DAY,
      lastUpdatedAt,
      storeType: plan.remote || plan.broken ? 'REMOTE' : 'INLINE',
      valid: !plan.broken,
      modules: modulesOf(pipelineNode),
      stageNames: stageNamesOf(pipelineNode),
      executionSummaryInfo: {},
    };
    if (pipeline.storeType === 'REMOTE') {
      const repoName = project.identifier === 'web_app' ? 'web-app' : 'platform-pipelines';
      pipeline.git = {
        objectId: gitObjectId(storedYaml),
        commitId: sha1(`seed-commit:${plan.identifier}:${pipeline.version}`),
        branch: 'main',
        repoName,
        filePath: `.harness/orgs/${project.orgIdentifier}/projects/${project.identifier}/pipelines/${plan.identifier}.yaml`,
        connectorRef: 'account.github_acme',
      };
    }
    pipelines.push(pipeline);
    // Run history: about three in four pipelines have run 1–3 times.
    if (!pipeline.valid || !rng.chance(0.75)) return;
    const steps = executionStepsOf(pipelineNode);
    const runs = rng.int(1, 3);
    let startTs = lastUpdatedAt + rng.int(5, 120) * MINUTE;
    for (let run = 1; run <= runs; run++) {
      const stepMs = rng.int(20, 240) * 1000;
      const outcome = rng.pick(HISTORY_OUTCOMES);
      const endStep = outcome === 'Success' ? steps.length - 1 : rng.int(0, steps.length - 1);
      executions.push({
        planExecutionId: rng.chars(22, `${ALNUM}-_`),
        orgIdentifier: project.orgIdentifier,
        projectIdentifier: project.identifier,
        pipelineIdentifier: plan.identifier,
        name: plan.name,
        runSequence: run,
        status: outcome,
        startTs,
        endTs: startTs + (endStep + 1) * stepMs,
        createdAt: startTs,
        stepMs,
        steps,
        outcome,
        endStep,
        modules: pipeline.modules,
        triggeredBy: { uuid: 'seed', identifier: 'Sam Simulator', email: 'sam.simulator@example.com' },
        inputYaml: '',
      });
      const last = executions[executions.length - 1];
      pipeline.executionSummaryInfo = {
        lastExecutionTs: last.startTs,
        lastExecutionStatus: last.outcome,
        lastExecutionId: last.planExecutionId,
      };
      startTs += rng.int(60, 3 * 24 * 60) * MINUTE;
    }
  });
  return { pipelines, executions };
}

/**
 * Every other connector below account scope whose seeded status is UNKNOWN is PENDING instead:
 * Harness reads a connector that was never tested as PENDING (ConnectorMapper, test/contract).
 * Its test outcome stays the seeded one.
 */
function markPending(list: SimConnector[]): void {
  let n = 0;
  for (const c of list) {
    if (c.status.status !== 'UNKNOWN' || !c.connector.orgIdentifier) continue;
    if (n++ % 2 === 0) c.status = { ...c.status, status: 'PENDING' };
  }
}

/** A status Harness documents (test/contract/enums.ts), or a seeding bug. */
function documented(name: string): string {
  if (!EXECUTION_SUMMARY_STATUSES.some((f) => f.value === name))
    throw new Error(`undocumented status ${name}`);
  return name;
}

const STUCK_STATUSES = [
  'InterventionWaiting',
  'ResourceWaiting',
  'Waiting',
  'Paused',
  'QueuedExecutionConcurrencyReached',
  'InputWaiting',
].map(documented);

/**
 * More of the execution statuses Harness documents in the seeded history, by rule (no PRNG):
 * some Failed runs Errored, Aborted ones AbortedByFreeze, Expired ones ApprovalRejected, Success
 * ones IgnoreFailed; and the last run of every 25th pipeline that ran is still waiting (for an
 * intervention, a resource, …), so lists show statuses that are not final.
 */
function varyOutcomes(pipelines: SimPipeline[], executions: SimExecution[]): void {
  const seen: Record<string, number> = {};
  const vary: Record<string, [number, string]> = {
    Failed: [3, documented('Errored')],
    Aborted: [2, documented('AbortedByFreeze')],
    Expired: [2, documented('ApprovalRejected')],
    Success: [9, documented('IgnoreFailed')],
  };
  for (const e of executions) {
    const rule = vary[e.outcome];
    if (!rule) continue;
    seen[e.outcome] = (seen[e.outcome] ?? 0) + 1;
    if (seen[e.outcome] % rule[0] === 0) e.outcome = e.status = rule[1];
  }
  let ran = 0;
  for (const p of pipelines) {
    const last = executions.find((e) => e.planExecutionId === p.executionSummaryInfo.lastExecutionId);
    if (!last) continue;
    if (ran++ % 25 === 12) {
      last.outcome = last.status = STUCK_STATUSES[Math.floor(ran / 25) % STUCK_STATUSES.length];
      last.stuck = true;
      last.endTs = undefined;
    }
    p.executionSummaryInfo.lastExecutionStatus = last.outcome;
  }
}

export function seedState(seed: number = DEFAULT_SEED): SimState {
  const rng = createRng(seed);
  const accountId = `sim${rng.chars(19, `${ALNUM}_-`)}`;
  const orgList = orgs();
  const projectList = projects(rng);
  const principalList = principals(rng, accountId);
  const connectorList = connectors(rng, projectList, orgList);
  // Connectors whose seeded status is UNKNOWN get a deterministic test outcome.
  for (const c of connectorList) {
    if (c.status.status === 'UNKNOWN') c.simTestOutcome = rng.chance(0.5) ? 'SUCCESS' : 'FAILURE';
  }
  const { pipelines, executions } = pipelinesAndExecutions(rng, projectList);
  // Both derived without the PRNG, so every other seeded value is unchanged.
  markPending(connectorList);
  varyOutcomes(pipelines, executions);
  return {
    seed,
    account: {
      identifier: accountId,
      name: 'Acme Simulated',
      companyName: 'Acme Corp (simulated)',
      cluster: 'prod1',
      accountType: 'ENTERPRISE',
      createdAt: SEED_EPOCH - 500 * DAY,
    },
    principals: principalList,
    orgs: orgList,
    projects: projectList,
    connectors: connectorList,
    pipelines,
    executions,
    inputSets: seedInputSets(SEED_EPOCH),
    // Derived without the PRNG, so adding them left every other seeded value unchanged.
    services: seedServices(pipelines, SEED_EPOCH),
    environments: seedEnvironments(pipelines, SEED_EPOCH),
    templates: seedTemplates(SEED_EPOCH),
    gitFiles: seedGitFiles(pipelines),
    pipelineSchema: defaultPipelineSchema(),
    connectorSchema: defaultConnectorSchema(),
  };
}
