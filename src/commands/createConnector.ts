// Create Connector: a guided flow for DockerRegistry, Github, K8sCluster and Aws (fields and
// secret references), or any type from a YAML/JSON file; at account, org or project scope.
import * as vscode from 'vscode';
import { isHarnessApiError } from '../api/errors';
import type { Connector, ConnectorInfo, Scope } from '../api/types';
import type { AccountContext } from '../account/accounts';
import { scopeOf } from '../tree/nodes';
import { isDuplicate, showCreateError } from './apiErrors';
import { connectorsFolder, scopeLabel, type CommandEnv } from './context';
import {
  buildConnector,
  GUIDED_CONNECTOR_TYPES,
  parseConnectorFile,
  secretRefsOf,
  validateSecretRef,
  type GuidedConnectorInput,
  type GuidedConnectorType,
} from './connectorBodies';
import { deriveIdentifier, validateIdentifier, validateName } from './identifiers';
import {
  failed,
  isCancelled,
  isOptions,
  isTreeNode,
  str,
  withCancellableProgress,
  type CommandResult,
} from './invocation';
import { pickScope } from './pickers';

export type CreateConnectorResult = CommandResult<{ connector: Connector }>;

const TYPE_LABELS: Record<GuidedConnectorType, string> = {
  DockerRegistry: 'Docker Registry',
  Github: 'GitHub',
  K8sCluster: 'Kubernetes Cluster',
  Aws: 'AWS',
};

function scopeFromOptions(o: Record<string, unknown>): Scope {
  const org = str(o.org);
  const project = str(o.project);
  return org ? (project ? { orgIdentifier: org, projectIdentifier: project } : { orgIdentifier: org }) : {};
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return [];
}

/** Builds the guided input from a plain options object (non-interactive use). */
export function guidedFromOptions(o: Record<string, unknown>, scope: Scope): GuidedConnectorInput | string {
  const type = str(o.type) as GuidedConnectorType | undefined;
  const name = str(o.name);
  if (!type || !GUIDED_CONNECTOR_TYPES.includes(type))
    return `type must be one of ${GUIDED_CONNECTOR_TYPES.join(', ')}`;
  if (!name) return 'pass name';
  const identifier = str(o.identifier) ?? deriveIdentifier(name);
  const base = { identifier, name, scope, description: str(o.description) };
  const manual = str(o.credential) === 'ManualConfig';
  switch (type) {
    case 'DockerRegistry':
      return {
        ...base,
        type,
        url: str(o.url) ?? 'https://index.docker.io/v2/',
        providerType: (str(o.providerType) as 'DockerHub' | 'Harbor' | 'Quay' | 'Other') ?? 'DockerHub',
        username: str(o.username),
        passwordRef: str(o.passwordRef),
      };
    case 'Github':
      return {
        ...base,
        type,
        connectionType: str(o.connectionType) === 'Repo' ? 'Repo' : 'Account',
        url: str(o.url) ?? '',
        validationRepo: str(o.validationRepo),
        username: str(o.username) ?? '',
        tokenRef: str(o.tokenRef) ?? '',
        apiAccess: o.apiAccess !== false,
      };
    case 'K8sCluster':
      return manual
        ? {
            ...base,
            type,
            credential: 'ManualConfig',
            masterUrl: str(o.masterUrl) ?? '',
            serviceAccountTokenRef: str(o.serviceAccountTokenRef) ?? '',
            caCertRef: str(o.caCertRef),
          }
        : { ...base, type, credential: 'InheritFromDelegate', delegateSelectors: list(o.delegateSelectors) };
    case 'Aws':
      return manual
        ? {
            ...base,
            type,
            region: str(o.region),
            credential: 'ManualConfig',
            accessKey: str(o.accessKey) ?? '',
            secretKeyRef: str(o.secretKeyRef) ?? '',
          }
        : {
            ...base,
            type,
            region: str(o.region),
            credential: 'InheritFromDelegate',
            delegateSelectors: list(o.delegateSelectors),
          };
  }
}

/** Problems found before sending, as "field: message" lines. */
export function checkGuided(input: GuidedConnectorInput): string[] {
  const problems: string[] = [];
  const idError = validateIdentifier(input.identifier);
  if (idError) problems.push(`identifier: ${idError}`);
  const nameError = validateName(input.name);
  if (nameError) problems.push(`name: ${nameError}`);
  for (const { field, ref } of secretRefsOf(input)) {
    const e = validateSecretRef(ref, input.scope);
    if (e) problems.push(`${field}: ${e}`);
  }
  if (input.type === 'Github' && !/^https?:\/\//.test(input.url))
    problems.push('url: enter the GitHub account or repository URL');
  if (input.type === 'Github' && !input.username) problems.push('username: required');
  if (
    (input.type === 'K8sCluster' || input.type === 'Aws') &&
    input.credential === 'InheritFromDelegate' &&
    input.delegateSelectors.length === 0
  ) {
    problems.push(
      'delegateSelectors: at least one delegate selector is needed to inherit credentials from a delegate',
    );
  }
  if (
    input.type === 'K8sCluster' &&
    input.credential === 'ManualConfig' &&
    !/^https?:\/\//.test(input.masterUrl)
  ) {
    problems.push('masterUrl: enter the cluster API URL');
  }
  if (input.type === 'Aws' && input.credential === 'ManualConfig' && !input.accessKey)
    problems.push('accessKey: required');
  return problems;
}

// ---- interactive ---------------------------------------------------------------------------

async function ask(
  title: string,
  prompt: string,
  options: { value?: string; validate?: (v: string) => string | undefined; optional?: boolean } = {},
): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt,
    value: options.value,
    ignoreFocusOut: true,
    validateInput: (v) =>
      !options.optional && v.trim() === ''
        ? 'Required'
        : v.trim() === ''
          ? undefined
          : options.validate?.(v.trim()),
  });
}

async function choose<T extends string>(title: string, values: readonly T[]): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(
    values.map((v) => ({ label: v })),
    { title, ignoreFocusOut: true },
  );
  return picked?.label as T | undefined;
}

/** What every guided question shares: the title, the scope's secret rules and the common fields. */
interface Asking {
  title: string;
  base: { name: string; identifier: string; scope: Scope };
  /** Validates a secret reference for this scope. */
  secret: (v: string) => string | undefined;
  /** How a secret is referenced from this scope. */
  secretHint: string;
}

const httpUrl = (v: string) => (/^https?:\/\//.test(v) ? undefined : 'Enter an http(s) URL');

/** The guided questions for `type` (answers of a failed attempt are offered again). */
async function askGuided(
  type: GuidedConnectorType,
  scope: Scope,
  previous?: GuidedConnectorInput,
): Promise<GuidedConnectorInput | undefined> {
  const title = `New ${TYPE_LABELS[type]} connector in ${scopeLabel(scope)}`;
  const name = await ask(title, 'Name', { value: previous?.name, validate: validateName });
  if (name === undefined) return undefined;
  const identifier = await ask(title, 'Identifier', {
    value: previous?.identifier ?? deriveIdentifier(name),
    validate: validateIdentifier,
  });
  if (identifier === undefined) return undefined;
  const a: Asking = {
    title,
    base: { name, identifier, scope },
    secret: (v) => validateSecretRef(v, scope),
    secretHint: scope.orgIdentifier
      ? 'Secret identifier: my_secret (same scope), org.my_secret or account.my_secret'
      : 'Secret identifier: account.my_secret',
  };
  switch (type) {
    case 'DockerRegistry':
      return askDockerRegistry(a);
    case 'Github':
      return askGithub(a);
    case 'K8sCluster':
    case 'Aws':
      return askCloud(a, type);
  }
}

async function askDockerRegistry(a: Asking): Promise<GuidedConnectorInput | undefined> {
  const { title: t, base } = a;
  const type = 'DockerRegistry';
  const providerType = await choose(t + ': provider', ['DockerHub', 'Harbor', 'Quay', 'Other'] as const);
  if (!providerType) return undefined;
  const url = await ask(t, 'Registry URL', { value: 'https://index.docker.io/v2/' });
  if (url === undefined) return undefined;
  const auth = await choose(t + ': authentication', ['Anonymous', 'Username and password'] as const);
  if (!auth) return undefined;
  if (auth === 'Anonymous') return { ...base, type, providerType, url };
  const username = await ask(t, 'Username');
  if (username === undefined) return undefined;
  const passwordRef = await ask(t, `Password secret. ${a.secretHint}`, { validate: a.secret });
  if (passwordRef === undefined) return undefined;
  return { ...base, type, providerType, url, username, passwordRef };
}

async function askGithub(a: Asking): Promise<GuidedConnectorInput | undefined> {
  const { title: t, base } = a;
  const connectionType = await choose(t + ': connects to', ['Account', 'Repo'] as const);
  if (!connectionType) return undefined;
  const url = await ask(
    t,
    connectionType === 'Account' ? 'Account URL, e.g. https://github.com/my-org' : 'Repository URL',
    { validate: httpUrl },
  );
  if (url === undefined) return undefined;
  const validationRepo =
    connectionType === 'Account'
      ? await ask(t, 'A repository to test the connection with', { optional: true })
      : '';
  if (validationRepo === undefined) return undefined;
  const username = await ask(t, 'GitHub username');
  if (username === undefined) return undefined;
  const tokenRef = await ask(t, `Personal access token secret. ${a.secretHint}`, { validate: a.secret });
  if (tokenRef === undefined) return undefined;
  return {
    ...base,
    type: 'Github',
    connectionType,
    url,
    validationRepo: validationRepo || undefined,
    username,
    tokenRef,
    apiAccess: true,
  };
}

/** Kubernetes and AWS: credentials inherited from a delegate, or entered (manual). */
async function askCloud(a: Asking, type: 'K8sCluster' | 'Aws'): Promise<GuidedConnectorInput | undefined> {
  const { title: t, base } = a;
  const credential = await choose(t + ': credentials', ['InheritFromDelegate', 'ManualConfig'] as const);
  if (!credential) return undefined;
  const region = type === 'Aws' ? await ask(t, 'Region (optional), e.g. us-east-1', { optional: true }) : '';
  if (region === undefined) return undefined;
  if (credential === 'InheritFromDelegate') {
    const selectors = await ask(t, 'Delegate selectors (comma-separated)');
    if (selectors === undefined) return undefined;
    const delegateSelectors = list(selectors);
    return type === 'Aws'
      ? { ...base, type, region: region || undefined, credential, delegateSelectors }
      : { ...base, type, credential, delegateSelectors };
  }
  return type === 'K8sCluster' ? askK8sManual(a) : askAwsManual(a, region);
}

async function askK8sManual(a: Asking): Promise<GuidedConnectorInput | undefined> {
  const t = a.title;
  const masterUrl = await ask(t, 'Cluster master URL', { validate: httpUrl });
  if (masterUrl === undefined) return undefined;
  const serviceAccountTokenRef = await ask(t, `Service account token secret. ${a.secretHint}`, {
    validate: a.secret,
  });
  if (serviceAccountTokenRef === undefined) return undefined;
  const caCertRef = await ask(t, `CA certificate secret (optional). ${a.secretHint}`, {
    validate: a.secret,
    optional: true,
  });
  if (caCertRef === undefined) return undefined;
  return {
    ...a.base,
    type: 'K8sCluster',
    credential: 'ManualConfig',
    masterUrl,
    serviceAccountTokenRef,
    caCertRef: caCertRef || undefined,
  };
}

async function askAwsManual(a: Asking, region: string): Promise<GuidedConnectorInput | undefined> {
  const t = a.title;
  const accessKey = await ask(t, 'Access key ID');
  if (accessKey === undefined) return undefined;
  const secretKeyRef = await ask(t, `Secret access key secret. ${a.secretHint}`, { validate: a.secret });
  if (secretKeyRef === undefined) return undefined;
  return {
    ...a.base,
    type: 'Aws',
    region: region || undefined,
    credential: 'ManualConfig',
    accessKey,
    secretKeyRef,
  };
}

async function readFile(pathOrUri: string | vscode.Uri): Promise<string> {
  const uri = typeof pathOrUri === 'string' ? vscode.Uri.file(pathOrUri) : pathOrUri;
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** What to create: a finished body (file, or guided fields from options), or a type to ask about. */
type Choice = { body: ConnectorInfo } | { guidedType: GuidedConnectorType };

/**
 * `harness.createConnector(node | options)`: where (options, node, selection or picked), what (a
 * file of any type, or the guided fields), then create it; interactive guided answers that
 * Harness rejected as invalid or duplicate are asked again with the answers kept.
 */
export async function createConnector(env: CommandEnv, arg?: unknown): Promise<CreateConnectorResult> {
  const interactive = !isOptions(arg);
  const account = await env.activeAccount(interactive);
  if (!account) return { status: 'refused', reason: 'not signed in to Harness' };
  const scope = isOptions(arg)
    ? scopeFromOptions(arg)
    : isTreeNode(arg)
      ? scopeOf(arg)
      : (env.tree.selectedScope() ?? (await pickScope(env, account.api)));
  if (!scope) return { status: 'cancelled' };
  const choice = isOptions(arg) ? await choiceFromOptions(arg, scope) : await chooseInteractively(scope);
  if ('status' in choice) return choice;
  let guided: GuidedConnectorInput | undefined;
  for (;;) {
    let body: ConnectorInfo;
    if ('guidedType' in choice) {
      guided = await askGuided(choice.guidedType, scope, guided);
      if (!guided) return { status: 'cancelled' };
      body = buildConnector(guided);
    } else body = choice.body;
    try {
      return await send(env, account, scope, body);
    } catch (err) {
      if (isCancelled(err)) return { status: 'cancelled' };
      await showCreateError(env, err, `connector ${body.identifier}`, interactive);
      const again =
        interactive && 'guidedType' in choice && (isDuplicate(err) || isHarnessApiError(err, 'invalid'));
      if (!again) return failed(err);
    }
  }
}

/** Options: `yaml` or `file` (any type), else the guided fields; refused when something is wrong. */
async function choiceFromOptions(
  o: Record<string, unknown>,
  scope: Scope,
): Promise<Choice | CreateConnectorResult> {
  const file = str(o.file);
  const text = str(o.yaml) ?? (file ? await readFile(file) : undefined);
  if (text !== undefined) {
    const parsed = parseConnectorFile(text, scope);
    return parsed.ok ? { body: parsed.connector } : { status: 'refused', reason: parsed.errors.join('; ') };
  }
  const g = guidedFromOptions(o, scope);
  if (typeof g === 'string') return { status: 'refused', reason: g };
  const problems = checkGuided(g);
  if (problems.length) return { status: 'refused', reason: problems.join('; ') };
  return { body: buildConnector(g) };
}

/** Interactive: a guided type, or a YAML/JSON file of any type (its problems shown in a modal). */
async function chooseInteractively(scope: Scope): Promise<Choice | CreateConnectorResult> {
  const how = await vscode.window.showQuickPick(
    [
      ...GUIDED_CONNECTOR_TYPES.map((t) => ({
        label: TYPE_LABELS[t],
        description: t,
        type: t as GuidedConnectorType | 'file',
      })),
      {
        label: '$(file) From a YAML or JSON file…',
        description: 'any connector type',
        type: 'file' as const,
      },
    ],
    { placeHolder: `New connector in ${scopeLabel(scope)}`, ignoreFocusOut: true },
  );
  if (!how) return { status: 'cancelled' };
  if (how.type !== 'file') return { guidedType: how.type };
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { 'Connector YAML/JSON': ['yaml', 'yml', 'json'] },
  });
  if (!picked?.[0]) return { status: 'cancelled' };
  const parsed = parseConnectorFile(await readFile(picked[0]), scope);
  if (parsed.ok) return { body: parsed.connector };
  await vscode.window.showErrorMessage('Harness: the connector file has problems.', {
    modal: true,
    detail: parsed.errors.join('\n'),
  });
  return { status: 'refused', reason: parsed.errors.join('; ') };
}

/** Creates the connector, offers Test Connection and refreshes its folder in the tree. */
async function send(
  env: CommandEnv,
  account: AccountContext,
  scope: Scope,
  body: ConnectorInfo,
): Promise<CreateConnectorResult> {
  const connector = await withCancellableProgress(`Creating connector ${body.identifier}…`, (signal) =>
    account.api.createConnector(body, { signal }),
  );
  void vscode.window
    .showInformationMessage(
      `Harness: created connector "${body.name}" in ${scopeLabel(scope)}.`,
      'Test Connection',
    )
    .then((c) => {
      if (c)
        void vscode.commands.executeCommand('harness.testConnection', {
          ...scopeArgs(scope),
          identifier: body.identifier,
        });
    });
  env.tree.refresh(connectorsFolder(scope));
  return { status: 'ok', connector };
}

function scopeArgs(scope: Scope): Record<string, string> {
  const out: Record<string, string> = {};
  if (scope.orgIdentifier) out.org = scope.orgIdentifier;
  if (scope.projectIdentifier) out.project = scope.projectIdentifier;
  return out;
}
