// Connector request bodies for the guided "Create Connector" flow (DockerRegistry, Github,
// K8sCluster, Aws) and parsing of a connector YAML/JSON file for any type. Shapes follow
// harness-api.md §6; no vscode here.
import { parse as parseYaml } from 'yaml';
import type { ConnectorInfo, Scope } from '../api/types';
import { validateIdentifier } from './identifiers';

export const GUIDED_CONNECTOR_TYPES = ['DockerRegistry', 'Github', 'K8sCluster', 'Aws'] as const;
export type GuidedConnectorType = (typeof GUIDED_CONNECTOR_TYPES)[number];

export interface ConnectorBase {
  identifier: string;
  name: string;
  description?: string;
  tags?: Record<string, string>;
  scope: Scope;
}

export type DockerRegistryInput = ConnectorBase & {
  type: 'DockerRegistry';
  url: string;
  providerType: 'DockerHub' | 'Harbor' | 'Quay' | 'Other';
  /** Absent ⇒ anonymous. */
  username?: string;
  passwordRef?: string;
};

export type GithubInput = ConnectorBase & {
  type: 'Github';
  connectionType: 'Account' | 'Repo';
  url: string;
  validationRepo?: string;
  username: string;
  tokenRef: string;
  /** Adds apiAccess with the same token (needed for Git Experience). */
  apiAccess?: boolean;
};

export type K8sClusterInput = ConnectorBase & {
  type: 'K8sCluster';
} & (
    | { credential: 'InheritFromDelegate'; delegateSelectors: string[] }
    | { credential: 'ManualConfig'; masterUrl: string; serviceAccountTokenRef: string; caCertRef?: string }
  );

export type AwsInput = ConnectorBase & {
  type: 'Aws';
  region?: string;
} & (
    | { credential: 'InheritFromDelegate'; delegateSelectors: string[] }
    | { credential: 'ManualConfig'; accessKey: string; secretKeyRef: string }
  );

export type GuidedConnectorInput = DockerRegistryInput | GithubInput | K8sClusterInput | AwsInput;

/**
 * Validates a secret reference for a connector at `scope`: `id` (same scope), `org.id`
 * (org scope; not from an account-scoped connector) or `account.id`.
 */
export function validateSecretRef(ref: string, scope: Scope): string | undefined {
  const m = /^(?:(account|org)\.)?(.*)$/.exec(ref.trim());
  const prefix = m?.[1];
  const id = m?.[2] ?? '';
  if (!id) return 'Enter a secret identifier, e.g. account.my_secret';
  // Secret identifiers may also contain hyphens (Harness docs, entity identifier reference).
  if (!/^[a-zA-Z_][0-9a-zA-Z_$-]{0,127}$/.test(id)) return `"${id}" is not a valid secret identifier.`;
  if (prefix === 'org' && !scope.orgIdentifier) {
    return 'An account-level connector can only use account secrets (account.<id>).';
  }
  return undefined;
}

function base(input: ConnectorBase, type: string, spec: Record<string, unknown>): ConnectorInfo {
  const info: ConnectorInfo = { name: input.name.trim(), identifier: input.identifier, type, spec };
  if (input.description) info.description = input.description;
  if (input.tags && Object.keys(input.tags).length) info.tags = input.tags;
  if (input.scope.orgIdentifier) info.orgIdentifier = input.scope.orgIdentifier;
  if (input.scope.orgIdentifier && input.scope.projectIdentifier) {
    info.projectIdentifier = input.scope.projectIdentifier;
  }
  return info;
}

export function buildConnector(input: GuidedConnectorInput): ConnectorInfo {
  switch (input.type) {
    case 'DockerRegistry':
      return base(input, 'DockerRegistry', {
        dockerRegistryUrl: input.url,
        providerType: input.providerType,
        auth:
          input.username && input.passwordRef
            ? { type: 'UsernamePassword', spec: { username: input.username, passwordRef: input.passwordRef } }
            : { type: 'Anonymous' },
      });
    case 'Github': {
      const spec: Record<string, unknown> = {
        type: input.connectionType,
        url: input.url,
        authentication: {
          type: 'Http',
          spec: { type: 'UsernameToken', spec: { username: input.username, tokenRef: input.tokenRef } },
        },
      };
      if (input.connectionType === 'Account' && input.validationRepo)
        spec.validationRepo = input.validationRepo;
      if (input.apiAccess) spec.apiAccess = { type: 'Token', spec: { tokenRef: input.tokenRef } };
      return base(input, 'Github', spec);
    }
    case 'K8sCluster':
      if (input.credential === 'InheritFromDelegate') {
        // InheritFromDelegate must carry no credential spec and needs delegate selectors.
        return base(input, 'K8sCluster', {
          credential: { type: 'InheritFromDelegate' },
          delegateSelectors: input.delegateSelectors,
        });
      }
      return base(input, 'K8sCluster', {
        credential: {
          type: 'ManualConfig',
          spec: {
            masterUrl: input.masterUrl,
            auth: {
              type: 'ServiceAccount',
              spec: {
                serviceAccountTokenRef: input.serviceAccountTokenRef,
                ...(input.caCertRef ? { caCertRef: input.caCertRef } : {}),
              },
            },
          },
        },
      });
    case 'Aws': {
      const region = input.region ? { region: input.region } : {};
      if (input.credential === 'InheritFromDelegate') {
        return base(input, 'Aws', {
          credential: { type: 'InheritFromDelegate', ...region },
          delegateSelectors: input.delegateSelectors,
          executeOnDelegate: true,
        });
      }
      return base(input, 'Aws', {
        credential: {
          type: 'ManualConfig',
          ...region,
          spec: { accessKey: input.accessKey, secretKeyRef: input.secretKeyRef },
        },
        executeOnDelegate: false,
      });
    }
  }
}

/** Secret reference fields a guided input carries, for validation before sending. */
export function secretRefsOf(input: GuidedConnectorInput): { field: string; ref: string }[] {
  switch (input.type) {
    case 'DockerRegistry':
      return input.passwordRef ? [{ field: 'passwordRef', ref: input.passwordRef }] : [];
    case 'Github':
      return [{ field: 'tokenRef', ref: input.tokenRef }];
    case 'K8sCluster':
      return input.credential === 'ManualConfig'
        ? [
            { field: 'serviceAccountTokenRef', ref: input.serviceAccountTokenRef },
            ...(input.caCertRef ? [{ field: 'caCertRef', ref: input.caCertRef }] : []),
          ]
        : [];
    case 'Aws':
      return input.credential === 'ManualConfig' ? [{ field: 'secretKeyRef', ref: input.secretKeyRef }] : [];
  }
}

export type ParsedConnector = { ok: true; connector: ConnectorInfo } | { ok: false; errors: string[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parses connector YAML or JSON (root `connector:` or the bare connector object). When `scope`
 * is given it replaces the file's org/project (the user chose where to create it).
 */
export function parseConnectorFile(text: string, scope?: Scope): ParsedConnector {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    return {
      ok: false,
      errors: [`The file cannot be parsed: ${err instanceof Error ? err.message : String(err)}`],
    };
  }
  const body = isRecord(data) && isRecord(data.connector) ? data.connector : data;
  if (!isRecord(body)) return { ok: false, errors: ['The file must contain a `connector:` object.'] };
  const errors: string[] = [];
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
  const identifier = str('identifier');
  const name = str('name');
  const type = str('type');
  if (!identifier) errors.push('identifier: missing');
  else {
    const e = validateIdentifier(identifier);
    if (e) errors.push(`identifier: ${e}`);
  }
  if (!name) errors.push('name: missing');
  if (!type) errors.push('type: missing');
  if (!isRecord(body.spec)) errors.push('spec: missing or not an object');
  if (errors.length) return { ok: false, errors };
  const connector: ConnectorInfo = {
    ...(body as Record<string, unknown>),
    identifier: identifier as string,
    name: name as string,
    type: type as string,
    spec: body.spec as Record<string, unknown>,
  };
  if (scope) {
    delete connector.orgIdentifier;
    delete connector.projectIdentifier;
    if (scope.orgIdentifier) connector.orgIdentifier = scope.orgIdentifier;
    if (scope.orgIdentifier && scope.projectIdentifier) connector.projectIdentifier = scope.projectIdentifier;
  }
  return { ok: true, connector: stripNulls(connector) as ConnectorInfo };
}

/** NG rejects bodies with null values ("Unable to process JSON"): drop them. */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(stripNulls);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = stripNulls(v);
    return out;
  }
  return value;
}
