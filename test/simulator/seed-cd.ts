// Seeds the CD entities pipelines refer to: services, environments and templates at account, org
// and project scope. Deterministic without the PRNG (so the rest of the seed is unchanged), and
// derived from the seeded pipelines where it matters: every literal `serviceRef`/`environmentRef`
// of a seeded pipeline exists in its project, so live references on seeded pipelines never warn.
import type { SimEnvironment, SimPipeline, SimScoped, SimService, SimTemplate, Tags } from './model';
import { toYaml } from './yaml-emit';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The demo project (`npm run demo`): its pipelines deploy `web` to `production`. */
export const DEMO_PROJECT = { orgIdentifier: 'default', projectIdentifier: 'default_project' } as const;

function scoped(s: SimScoped): SimScoped {
  return {
    ...(s.orgIdentifier ? { orgIdentifier: s.orgIdentifier } : {}),
    ...(s.projectIdentifier ? { projectIdentifier: s.projectIdentifier } : {}),
  };
}

function titleCase(id: string): string {
  return id
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function service(identifier: string, scope: SimScoped, epoch: number, age: number): SimService {
  const name = titleCase(identifier);
  const where = scoped(scope);
  return {
    identifier,
    name,
    description: `${name} service`,
    ...where,
    tags: {},
    yaml: toYaml({
      service: {
        name,
        identifier,
        ...where,
        serviceDefinition: { type: 'Kubernetes', spec: { manifests: [], artifacts: {} } },
      },
    }),
    createdAt: epoch - (age + 20) * DAY,
    lastModifiedAt: epoch - age * DAY - identifier.length * MINUTE,
  };
}

function environment(
  identifier: string,
  type: SimEnvironment['type'],
  scope: SimScoped,
  epoch: number,
  age: number,
): SimEnvironment {
  const name = titleCase(identifier);
  const where = scoped(scope);
  const tags: Tags = type === 'Production' ? { tier: 'prod' } : {};
  return {
    identifier,
    name,
    description: `${name} environment`,
    ...where,
    type,
    tags,
    yaml: toYaml({ environment: { name, identifier, ...where, type, tags } }),
    createdAt: epoch - (age + 40) * DAY,
    lastModifiedAt: epoch - age * DAY - identifier.length * MINUTE,
  };
}

function stepSpec(label: string): Record<string, unknown> {
  return {
    type: 'ShellScript',
    timeout: '10m',
    spec: {
      shell: 'Bash',
      onDelegate: true,
      source: { type: 'Inline', spec: { script: `echo "${label}"` } },
      environmentVariables: [],
      outputVariables: [],
    },
  };
}

function stageSpec(label: string): Record<string, unknown> {
  return {
    type: 'Custom',
    spec: {
      execution: {
        steps: [{ step: { name: 'Run', identifier: 'run', ...stepSpec(label) } }],
      },
    },
  };
}

function template(
  identifier: string,
  templateEntityType: 'Stage' | 'Step',
  versions: string[],
  stable: string,
  scope: SimScoped,
  epoch: number,
  age: number,
): SimTemplate[] {
  const name = titleCase(identifier);
  const where = scoped(scope);
  return versions.map((versionLabel, i) => ({
    identifier,
    name,
    versionLabel,
    templateEntityType,
    stableTemplate: versionLabel === stable,
    description: `${name} (${templateEntityType.toLowerCase()} template)`,
    ...where,
    tags: {},
    yaml: toYaml({
      template: {
        name,
        identifier,
        versionLabel,
        type: templateEntityType,
        ...where,
        spec:
          templateEntityType === 'Step'
            ? stepSpec(`${name} ${versionLabel}`)
            : stageSpec(`${name} ${versionLabel}`),
      },
    }),
    lastUpdatedAt: epoch - (age - i) * DAY,
  }));
}

/** Literal (non-expression) values of `key:` lines in YAML the seed emitted itself. */
function literalValues(yaml: string, key: string): string[] {
  const out: string[] = [];
  for (const m of yaml.matchAll(new RegExp(`^\\s*(?:- )?${key}: *(.+)$`, 'gm'))) {
    const v = m[1].trim().replace(/^["']|["']$/g, '');
    if (v !== '' && !v.includes('<+')) out.push(v);
  }
  return out;
}

export function seedServices(pipelines: SimPipeline[], epoch: number): SimService[] {
  const out: SimService[] = [
    service('observability_agent', {}, epoch, 30),
    service('shared_gateway', {}, epoch, 12),
    service('platform_core', { orgIdentifier: 'default' }, epoch, 8),
    service('web_frontend', { orgIdentifier: 'engineering' }, epoch, 5),
    service('web', DEMO_PROJECT, epoch, 2),
  ];
  const seen = new Set(out.map((s) => `${s.orgIdentifier}/${s.projectIdentifier}/${s.identifier}`));
  for (const p of pipelines) {
    for (const id of literalValues(p.yaml, 'serviceRef')) {
      if (id.startsWith('account.') || id.startsWith('org.')) continue;
      const key = `${p.orgIdentifier}/${p.projectIdentifier}/${id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(service(id, p, epoch, 3 + (seen.size % 40)));
    }
  }
  return out;
}

export function seedEnvironments(pipelines: SimPipeline[], epoch: number): SimEnvironment[] {
  const out: SimEnvironment[] = [
    environment('production', 'Production', {}, epoch, 60),
    environment('qa', 'PreProduction', {}, epoch, 50),
    environment('shared_prod', 'Production', { orgIdentifier: 'default' }, epoch, 40),
    environment('preview', 'PreProduction', { orgIdentifier: 'engineering' }, epoch, 35),
    environment('production', 'Production', DEMO_PROJECT, epoch, 20),
  ];
  const seen = new Set(out.map((e) => `${e.orgIdentifier}/${e.projectIdentifier}/${e.identifier}`));
  for (const p of pipelines) {
    for (const id of literalValues(p.yaml, 'environmentRef')) {
      if (id.startsWith('account.') || id.startsWith('org.')) continue;
      const key = `${p.orgIdentifier}/${p.projectIdentifier}/${id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(environment(id, /prod/.test(id) ? 'Production' : 'PreProduction', p, epoch, 10));
    }
  }
  return out;
}

export function seedTemplates(epoch: number): SimTemplate[] {
  return [
    ...template('notify_team', 'Step', ['v1', 'v2'], 'v1', {}, epoch, 90),
    ...template('k8s_deploy_stage', 'Stage', ['1.0.0'], '1.0.0', {}, epoch, 70),
    ...template('cleanup_stage', 'Stage', ['v1', 'v2', 'v3'], 'v2', { orgIdentifier: 'default' }, epoch, 60),
    ...template('security_scan', 'Step', ['v1'], 'v1', { orgIdentifier: 'engineering' }, epoch, 45),
    ...template('smoke_test', 'Step', ['v1', 'v2'], 'v2', DEMO_PROJECT, epoch, 15),
    ...template('canary_stage', 'Stage', ['v1'], 'v1', DEMO_PROJECT, epoch, 10),
  ];
}
