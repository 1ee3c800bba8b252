// The `connector` root: a Harness connector as users keep it in Git (v0 YAML). Our own structure
// and words. Facts (keys, enums, required keys) from: Harness's NG connector YAML schema as bundled
// in harness/mcp-server (src/data/schemas/entities/connector.project.ts, synced 2026-05-27, MIT),
// harness/harness-go-sdk harness/nextgen model_*connector*.go and model_*credential*.go
// (Apache-2.0), and ../shared/docs/harness-api.md (beside the project) §6. Where a choice is ours and no source
// shows it, the comment says "Assumption".
import {
  anyValue,
  bool,
  int,
  list,
  obj,
  oneOfValues,
  shared,
  sharedFields,
  str,
  strList,
  strMap,
  typeConst,
  union,
} from '../build';
import { delegateSelectors, description, identifier, name, tags } from '../common';
import type { Definitions, JsonSchema } from '../types';

const d: Definitions = {};
const use = (def: string): JsonSchema => ({ $ref: `#/definitions/${def}` });

/** A key holding a secret identifier: same scope, or `org.`/`account.` prefixed (the union says so). */
const secret = (what: string): JsonSchema => str(`${what} (secret reference).`);
const url = (what: string): JsonSchema => str(`URL of ${what}.`);

// The keys connector specs share, stored once and joined to every spec through allOf. Each source
// DTO lists delegateSelectors and ignoreTestConnection; executeOnDelegate and proxy only some of
// them. Assumption: accepting the last two on every spec costs no false error, only a missed
// warning for a connector type that ignores them.
const specKeys = shared('ConnectorSpecKeys', () =>
  obj('The keys every connector spec may have.', {
    delegateSelectors: shared('DelegateSelectors', delegateSelectors),
    executeOnDelegate: bool(
      'true: a delegate runs the connection (and the test); false: Harness connects from its platform.',
    ),
    ignoreTestConnection: bool('Save the connector without testing the connection.'),
    // Assumption (no source describes it): the flag of connecting through Harness Secure Connect.
    proxy: bool('Connect through Harness Secure Connect (a tunnel into a private network).'),
  }),
);
/** A closed connector spec: its own keys plus the shared ones. */
const withSpecKeys = (s: JsonSchema): JsonSchema => ({ ...s, allOf: [specKeys] });

// One username key or the other: the sources require exactly one of username / usernameRef;
// the schema cannot say "one of", so both stay optional (assumption: no false error).
const userKeys = sharedFields('Connector', {
  username: str('User name in plain text (or use usernameRef).'),
  usernameRef: secret('User name kept as a secret (or use username)'),
});

// ---- credential members: `{type, spec}` blocks, each stored once and shared by the unions ----
// Source: NG schema *UsernamePassword*, *UsernameToken*, *TokenSpec, *Oauth, GithubApp(Spec),
// *SshCredentials; SDK model_github_http_credentials*.go, model_docker_auth_credentials.go.

/** One `{type, spec}` member, `Connector<Group>_<Type>`; without a spec schema, spec is tolerated. */
function member(
  def: string,
  type: string,
  what: string,
  spec?: JsonSchema,
  extra: Record<string, JsonSchema> = {},
  specRequired = true,
): string {
  const props: Record<string, JsonSchema> = { type: typeConst(type, 'The method.'), ...extra };
  if (spec) props.spec = spec;
  d[def] = obj(what, props, {
    required: spec && specRequired ? ['type', 'spec'] : ['type'],
    closed: true,
  });
  return def;
}

/**
 * A discriminated credential union; a type no member has is a warning, a near-miss an error.
 * Members are shared, so a union whose source does not require `spec` (Harness's DTO leaves it
 * optional: Docker auth, GitHub API access …) says so on each of its branch references.
 */
function block(
  def: string,
  what: string,
  members: string[],
  specRequired = false,
  kind = 'credential',
): JsonSchema {
  const u = union(what, members, kind, { unknownIsWarning: true });
  if (!specRequired) u.oneOf = u.oneOf?.map((r) => ({ ...r, 'x-harness-optional': ['spec'] }));
  d[def] = u;
  return use(def);
}

/**
 * `spec` on a credential that must have none: Harness's deserializers of the Kubernetes and AWS
 * credentials refuse one ("No spec should be provided with the inherit from delegate type").
 * `not` is read by the engine (draft-07); the JsonSchema type does not list it.
 */
const noSpec = shared(
  'ConnectorNoSpec',
  () =>
    ({
      description:
        'Leave out: Harness refuses a spec for this credential type (put delegateSelectors on the connector spec).',
      not: {},
    }) as JsonSchema,
);

const spec = (what: string, props: Record<string, JsonSchema>, required: string[] = []): JsonSchema =>
  obj(what, props, { required, closed: true });

const userPassword = shared('ConnectorUserPassword', () =>
  spec('User name and password.', { ...userKeys, passwordRef: secret('Password') }, ['passwordRef']),
);
const userToken = shared('ConnectorUserToken', () =>
  spec('User name and access token.', { ...userKeys, tokenRef: secret('Access token') }, ['tokenRef']),
);
const tokenOnly = shared('ConnectorToken', () =>
  spec('An access token.', { tokenRef: secret('Access token') }, ['tokenRef']),
);
// Gitlab and Bitbucket require refreshTokenRef; GitHub's OAuth has only tokenRef.
const oauth = shared('ConnectorOAuth', () =>
  spec(
    'Tokens of the OAuth app Harness was authorised with.',
    { tokenRef: secret('OAuth access token'), refreshTokenRef: secret('OAuth refresh token') },
    ['tokenRef'],
  ),
);
const githubApp = shared('ConnectorGithubApp', () =>
  spec(
    'A GitHub App installation (give the id in plain text or as a secret).',
    {
      applicationId: str('GitHub App id.'),
      applicationIdRef: secret('GitHub App id'),
      installationId: str('Installation id of the app.'),
      installationIdRef: secret('Installation id'),
      privateKeyRef: secret('Private key of the app (PEM)'),
    },
    ['privateKeyRef'],
  ),
);

const UserPass = member(
  'ConnectorCred_UsernamePassword',
  'UsernamePassword',
  'User name and password.',
  userPassword,
);
const UserToken = member(
  'ConnectorCred_UsernameToken',
  'UsernameToken',
  'User name and access token.',
  userToken,
);
const Token = member('ConnectorCred_Token', 'Token', 'An access token.', tokenOnly);
const OAuth = member('ConnectorCred_OAuth', 'OAuth', 'OAuth tokens.', oauth);
const GithubApp = member('ConnectorCred_GithubApp', 'GithubApp', 'A GitHub App.', githubApp);
const Anonymous = member(
  'ConnectorCred_Anonymous',
  'Anonymous',
  'No credentials (public access).',
  undefined,
  {
    spec: anyValue('Not used for anonymous access.'),
  },
);
const Ssh = member(
  'ConnectorCred_Ssh',
  'Ssh',
  'Over SSH, with an SSH key secret.',
  spec('The SSH key.', { sshKeyRef: secret('SSH key secret (type SSHKey)') }, ['sshKeyRef']),
);
const BearerToken = member(
  'ConnectorCred_BearerToken',
  'Bearer Token(HTTP Header)',
  'A bearer token sent in the Authorization header.',
  tokenOnly,
);

/** Git providers: `authentication: {type: Http|Ssh}` with the provider's HTTP methods. */
function gitAuth(provider: string, httpMembers: string[], httpSpecRequired: boolean): JsonSchema {
  const http = member(
    `Connector${provider}Auth_Http`,
    'Http',
    'Over HTTPS.',
    block(
      `Connector${provider}Http`,
      `How Harness signs in to ${provider} over HTTPS.`,
      httpMembers,
      httpSpecRequired,
    ),
  );
  return block(
    `Connector${provider}Auth`,
    `How Harness connects to ${provider} to clone: Http or Ssh.`,
    [http, Ssh],
    true,
    'connection',
  );
}

const gitUrlKeys = sharedFields('ConnectorGit', {
  url: str('Account (or organisation/project) URL, or a repository URL when type is Repo.'),
  validationRepo: str('A repository Harness tests the connection with (for Account URLs).'),
});
const gitConnectionType = (values: string[]) =>
  values.length === 3
    ? shared('ConnectorGitUrlType', () =>
        oneOfValues('What the URL points to: Account, Repo or Project.', values),
      )
    : oneOfValues(`What the URL points to: ${values.join(' or ')}.`, values);

/**
 * A Git provider connector spec (Github, Gitlab, Bitbucket, AzureRepo). `strict` marks where the
 * source requires the spec of an HTTP method and of an API access method.
 */
function gitProvider(
  provider: string,
  types: string[],
  httpMembers: string[],
  apiMembers: string[],
  strict: { http: boolean; api: boolean },
): JsonSchema {
  return spec(
    `Settings of the ${provider} connector.`,
    {
      type: gitConnectionType(types),
      ...gitUrlKeys,
      authentication: gitAuth(provider, httpMembers, strict.http),
      apiAccess: block(
        `Connector${provider}ApiAccess`,
        `Credentials for ${provider}'s API (webhooks, pull requests, Git Experience).`,
        apiMembers,
        strict.api,
      ),
    },
    ['type', 'url', 'authentication'],
  );
}

// ---- connector types ----

const connectorTypes: string[] = [];
/** `Connector_<type>`: the keys every connector has (stored once) with this type's spec. */
function connector(type: string, what: string, specSchema: JsonSchema): void {
  connectorTypes.push(type);
  d[`Connector_${type}`] = {
    type: 'object',
    description: what,
    allOf: [use('ConnectorCommonKeys')],
    properties: {
      type: typeConst(type, 'Connector type.'),
      spec: specSchema.$ref ? specSchema : withSpecKeys(specSchema),
    },
    required: ['name', 'identifier', 'type', 'spec'],
    additionalProperties: false,
  };
}

// Code repositories. Source: NG schema GithubConnector, GitlabConnector, BitbucketConnector,
// AzureRepoConnector (+ their *Authentication, *HttpCredentials, *ApiAccess); SDK model_git*_connector.go.
connector(
  'Github',
  'GitHub or GitHub Enterprise.',
  gitProvider(
    'Github',
    ['Account', 'Repo', 'Project'],
    [UserPass, UserToken, OAuth, GithubApp, Anonymous],
    [Token, GithubApp, OAuth],
    { http: false, api: false },
  ),
);
connector(
  'Gitlab',
  'GitLab.',
  gitProvider(
    'Gitlab',
    ['Account', 'Repo', 'Project'],
    [
      UserPass,
      UserToken,
      OAuth,
      member(
        'ConnectorCred_Kerberos',
        'Kerberos',
        'Kerberos.',
        spec('The Kerberos key.', { kerberosKeyRef: secret('Kerberos key') }, ['kerberosKeyRef']),
      ),
    ],
    [
      member(
        'ConnectorCred_GitlabToken',
        'Token',
        'An access token.',
        spec(
          'An access token and the API URL.',
          { tokenRef: secret('Access token'), apiUrl: str('GitLab API URL (self-managed GitLab).') },
          ['tokenRef'],
        ),
      ),
      OAuth,
    ],
    { http: true, api: false },
  ),
);
connector(
  'Bitbucket',
  'Bitbucket Cloud or Server.',
  gitProvider(
    'Bitbucket',
    ['Account', 'Repo', 'Project'],
    [UserPass],
    [
      UserToken,
      OAuth,
      member(
        'ConnectorCred_AccessToken',
        'AccessToken',
        'A repository, project or workspace access token.',
        tokenOnly,
      ),
      member(
        'ConnectorCred_EmailAndApiToken',
        'EmailAndApiToken',
        'Atlassian account e-mail and API token.',
        spec(
          'E-mail (plain or as a secret) and API token.',
          {
            email: str('Atlassian account e-mail.'),
            emailRef: secret('Atlassian account e-mail'),
            tokenRef: secret('API token'),
          },
          ['tokenRef'],
        ),
      ),
    ],
    { http: true, api: true },
  ),
);
connector(
  'AzureRepo',
  'Azure Repos (Azure DevOps).',
  gitProvider('AzureRepo', ['Project', 'Repo'], [UserToken], [Token], { http: true, api: false }),
);

// Git: the connection type sits on the spec itself (`type: Http|Ssh` with its own `spec`).
// Source: NG schema GitConfigDTO, GitHTTPAuthenticationDTO, GitSSHAuthenticationDTO.
const gitCommon = {
  connectionType: gitConnectionType(['Account', 'Repo', 'Project']),
  ...gitUrlKeys,
  branchName: str('Branch used by default.'),
  isAnonymous: bool('Clone without credentials.'),
};
d.ConnectorGit_Http = withSpecKeys(
  obj(
    'A Git server over HTTPS.',
    {
      type: typeConst('Http', 'Over HTTPS.'),
      // The sources require passwordRef; assumption: not required here (isAnonymous needs none).
      spec: spec('User name and password.', { ...userKeys, passwordRef: secret('Password or token') }),
      ...gitCommon,
    },
    { required: ['type', 'connectionType', 'url', 'spec'], closed: true },
  ),
);
d.ConnectorGit_Ssh = withSpecKeys(
  obj(
    'A Git server over SSH.',
    {
      type: typeConst('Ssh', 'Over SSH.'),
      spec: spec('The SSH key.', { sshKeyRef: secret('SSH key secret (type SSHKey)') }, ['sshKeyRef']),
      ...gitCommon,
    },
    { required: ['type', 'connectionType', 'url', 'spec'], closed: true },
  ),
);
connector(
  'Git',
  'Any Git server.',
  block(
    'ConnectorGitSpec',
    'Settings of the Git connector: type Http or Ssh.',
    ['ConnectorGit_Http', 'ConnectorGit_Ssh'],
    true,
    'connection',
  ),
);

// Artifact and chart repositories. Source: NG schema DockerConnectorDTO, ArtifactoryConnector,
// NexusConnector, HttpHelmConnectorDTO, OciHelmConnectorDTO; SDK model_docker_connector.go etc.
const userPassOrAnonymous = block(
  'ConnectorUserPassOrAnonymous',
  'Credentials: UsernamePassword or Anonymous.',
  [UserPass, Anonymous],
);
connector(
  'DockerRegistry',
  'A Docker registry.',
  spec(
    'Settings of the Docker registry connector.',
    {
      dockerRegistryUrl: url('the registry, e.g. https://index.docker.io/v2/'),
      providerType: oneOfValues('Kind of registry.', ['DockerHub', 'Harbor', 'Quay', 'Other']),
      auth: userPassOrAnonymous,
    },
    ['dockerRegistryUrl', 'providerType'],
  ),
);
connector(
  'Artifactory',
  'JFrog Artifactory.',
  spec(
    'Settings of the Artifactory connector.',
    {
      artifactoryServerUrl: url('the Artifactory server'),
      auth: block(
        'ConnectorArtifactoryAuth',
        'Credentials: UsernamePassword, Anonymous or OidcAuthentication.',
        [
          UserPass,
          Anonymous,
          member(
            'ConnectorCred_ArtifactoryOidc',
            'OidcAuthentication',
            'OpenID Connect (Harness as identity provider).',
            spec('OIDC settings.', {
              providerName: str('Name of the OIDC provider configured in Artifactory.'),
              audience: str('Audience of the token.'),
              projectKey: str('Artifactory project key.'),
            }),
            {},
            false,
          ),
        ],
      ),
    },
    ['artifactoryServerUrl'],
  ),
);
connector(
  'Nexus',
  'Sonatype Nexus.',
  spec(
    'Settings of the Nexus connector.',
    {
      nexusServerUrl: url('the Nexus server'),
      version: str('Nexus version: 3.x or 2.x.'),
      auth: userPassOrAnonymous,
    },
    ['nexusServerUrl', 'version'],
  ),
);
const helmSpec = (kind: string) =>
  spec(
    `Settings of the ${kind} Helm repository connector.`,
    { helmRepoUrl: url(`the ${kind} Helm repository`), auth: userPassOrAnonymous },
    ['helmRepoUrl'],
  );
connector('HttpHelmRepo', 'A Helm chart repository over HTTP(S).', helmSpec('HTTP'));
connector('OciHelmRepo', 'A Helm chart repository in an OCI registry.', helmSpec('OCI'));

// Clouds and clusters. Source: NG schema KubernetesClusterConfigDTO, AwsConnector, GcpConnector,
// AzureConnector, PhysicalDataCenterConnectorDTO, TasConnector, SpotConnector, RancherConnectorDTO,
// TerraformCloudConnector; SDK model_aws_connector.go (proxyUrl), model_physical_data_center_*.go
// (sshKeyRef); harness-core's credential deserializers (no spec with InheritFromDelegate/Irsa).
const k8sAuth = block(
  'ConnectorK8sAuth',
  'How Harness signs in to the cluster.',
  [
    UserPass,
    member(
      'ConnectorCred_K8sServiceAccount',
      'ServiceAccount',
      'A service account token.',
      spec(
        'Service account token and CA certificate.',
        {
          serviceAccountTokenRef: secret('Service account token'),
          caCertRef: secret('CA certificate of the cluster'),
        },
        ['serviceAccountTokenRef'],
      ),
    ),
    member(
      'ConnectorCred_K8sClientKeyCert',
      'ClientKeyCert',
      'A client key and certificate.',
      spec(
        'Client certificate, key and CA.',
        {
          clientCertRef: secret('Client certificate'),
          clientKeyRef: secret('Client key'),
          clientKeyPassphraseRef: secret('Passphrase of the client key'),
          clientKeyAlgo: str('Algorithm of the client key, e.g. RSA.'),
          caCertRef: secret('CA certificate of the cluster'),
        },
        ['clientCertRef', 'clientKeyRef'],
      ),
    ),
    member(
      'ConnectorCred_K8sOpenIdConnect',
      'OpenIdConnect',
      'OpenID Connect.',
      spec(
        'OIDC provider and credentials.',
        {
          oidcIssuerUrl: url('the OIDC issuer'),
          oidcUsername: str('OIDC user name (or oidcUsernameRef).'),
          oidcUsernameRef: secret('OIDC user name'),
          oidcClientIdRef: secret('OIDC client id'),
          oidcPasswordRef: secret('OIDC password'),
          oidcSecretRef: secret('OIDC client secret'),
          oidcScopes: str('Scopes, comma-separated.'),
        },
        ['oidcClientIdRef', 'oidcPasswordRef'],
      ),
    ),
  ],
  true,
);
connector(
  'K8sCluster',
  'A Kubernetes cluster.',
  spec(
    'Settings of the Kubernetes cluster connector.',
    {
      credential: block('ConnectorK8sCredential', 'How Harness reaches the cluster.', [
        member(
          'ConnectorK8sCred_InheritFromDelegate',
          'InheritFromDelegate',
          "Use the delegate's own in-cluster credentials (needs delegateSelectors).",
          undefined,
          { spec: noSpec },
        ),
        member(
          'ConnectorK8sCred_ManualConfig',
          'ManualConfig',
          'Give the master URL and credentials.',
          spec(
            'Cluster address and credentials.',
            { masterUrl: url('the Kubernetes API server'), auth: k8sAuth },
            ['masterUrl', 'auth'],
          ),
        ),
      ]),
    },
    ['credential'],
  ),
);

const aws = sharedFields('ConnectorAws', {
  region: str('AWS region used to test the connection, e.g. us-east-1.'),
  crossAccountAccess: obj(
    'Assume a role in another AWS account.',
    {
      crossAccountRoleArn: str('ARN of the role to assume.'),
      externalId: str('External id the role requires.'),
      assumeRoleSessionDuration: int('Session duration in seconds.'),
    },
    { required: ['crossAccountRoleArn'], closed: true },
  ),
});
const awsMember = (type: string, what: string, s?: JsonSchema) =>
  member(`ConnectorAwsCred_${type}`, type, what, s, s ? aws : { ...aws, spec: noSpec });
connector(
  'Aws',
  'An AWS account.',
  spec(
    'Settings of the AWS connector.',
    {
      credential: block('ConnectorAwsCredential', 'How Harness signs in to AWS.', [
        awsMember('InheritFromDelegate', "Use the delegate's IAM role (needs delegateSelectors)."),
        awsMember(
          'ManualConfig',
          'An access key and secret key.',
          spec(
            'Access key (plain or as a secret) and secret key.',
            {
              accessKey: str('Access key id in plain text (or accessKeyRef).'),
              accessKeyRef: secret('Access key id'),
              secretKeyRef: secret('Secret access key'),
              sessionTokenRef: secret('Session token (temporary credentials)'),
            },
            ['secretKeyRef'],
          ),
        ),
        awsMember('Irsa', 'IAM roles for service accounts of the delegate pod (EKS).'),
        awsMember(
          'OidcAuthentication',
          'OpenID Connect: Harness assumes a role with a web identity token.',
          spec('Role to assume.', {
            iamRoleArn: str('ARN of the IAM role.'),
            oidcSessionTagKeys: strList('Session tags passed with the token.', 'A tag key.'),
          }),
        ),
        awsMember(
          'CredentialBroker',
          'Credentials fetched from a credential broker service.',
          anyValue(
            'The broker: url, mapping (response fields to AWS keys), signedSecretRef, payload, skipTls, timeoutSeconds.',
          ),
        ),
      ]),
      awsSdkClientBackOffStrategyOverride: anyValue(
        'Retry back-off of the AWS SDK: type FixedDelayBackoffStrategy, EqualJitterBackoffStrategy or FullJitterBackoffStrategy, with retryCount, baseDelay, maxBackoffTime or fixedBackoff in its spec.',
      ),
      proxyUrl: str('HTTP proxy the AWS SDK uses.'),
    },
    ['credential'],
  ),
);

const gcpOidc = shared('ConnectorGcpOidc', () =>
  spec('Workload identity federation settings.', {
    workloadPoolId: str('Workload identity pool id.'),
    providerId: str('Workload identity provider id.'),
    gcpProjectId: str('GCP project number.'),
    serviceAccountEmail: str('Service account to impersonate.'),
  }),
);
const gcpCredential = block('ConnectorGcpCredential', 'How Harness signs in to Google Cloud.', [
  member(
    'ConnectorGcpCred_InheritFromDelegate',
    'InheritFromDelegate',
    "Use the delegate's service account.",
    spec('Delegates to use.', { delegateSelectors: shared('DelegateSelectors', delegateSelectors) }),
    {},
    false,
  ),
  member(
    'ConnectorGcpCred_ManualConfig',
    'ManualConfig',
    'A service account key.',
    spec('The key.', { secretKeyRef: secret('Service account key (JSON)') }, ['secretKeyRef']),
  ),
  member('ConnectorGcpCred_OidcAuthentication', 'OidcAuthentication', 'OpenID Connect.', gcpOidc),
]);
connector(
  'Gcp',
  'A Google Cloud project.',
  spec('Settings of the GCP connector.', { credential: gcpCredential }, ['credential']),
);

const azureEnv = shared('ConnectorAzureEnvironment', () =>
  oneOfValues('Azure cloud: AZURE or AZURE_US_GOVERNMENT.', ['AZURE', 'AZURE_US_GOVERNMENT']),
);
const azureIds = sharedFields('ConnectorAzure', {
  applicationId: str('Application (client) id.'),
  tenantId: str('Directory (tenant) id.'),
});
const azureMsi = block('ConnectorAzureMsi', 'Which managed identity of the delegate.', [
  member(
    'ConnectorAzureMsi_System',
    'SystemAssignedManagedIdentity',
    'The system-assigned managed identity.',
    undefined,
    {
      spec: anyValue('Not used.'),
    },
  ),
  member(
    'ConnectorAzureMsi_User',
    'UserAssignedManagedIdentity',
    'A user-assigned managed identity.',
    spec('The identity.', { clientId: str('Client id of the identity.') }, ['clientId']),
  ),
]);
connector(
  'Azure',
  'An Azure subscription.',
  spec(
    'Settings of the Azure connector.',
    {
      azureEnvironmentType: azureEnv,
      credential: block('ConnectorAzureCredential', 'How Harness signs in to Azure.', [
        member(
          'ConnectorAzureCred_InheritFromDelegate',
          'InheritFromDelegate',
          "Use the delegate's managed identity.",
          spec('The identity.', { auth: azureMsi }, ['auth']),
        ),
        member(
          'ConnectorAzureCred_ManualConfig',
          'ManualConfig',
          'An app registration with a secret or certificate.',
          spec(
            'App registration and its credential.',
            {
              ...azureIds,
              auth: block(
                'ConnectorAzureAuth',
                'Credential of the app: Secret or Certificate.',
                [
                  member(
                    'ConnectorAzureAuth_Secret',
                    'Secret',
                    'A client secret.',
                    spec('The secret.', { secretRef: secret('Client secret') }, ['secretRef']),
                  ),
                  member(
                    'ConnectorAzureAuth_Certificate',
                    'Certificate',
                    'A client certificate.',
                    spec('The certificate.', { certificateRef: secret('Certificate (file secret)') }, [
                      'certificateRef',
                    ]),
                  ),
                ],
                true,
              ),
            },
            ['applicationId', 'tenantId', 'auth'],
          ),
        ),
        member(
          'ConnectorAzureCred_OidcAuthentication',
          'OidcAuthentication',
          'OpenID Connect (workload identity federation).',
          spec('App registration.', { ...azureIds, audience: str('Audience of the token.') }),
        ),
      ]),
    },
    ['azureEnvironmentType', 'credential'],
  ),
);

connector(
  'Pdc',
  'A physical data center: hosts reached over SSH or WinRM.',
  spec('Settings of the physical data center connector.', {
    hosts: list(
      'Hosts of the data center.',
      obj(
        'One host.',
        {
          hostname: str('Host name or IP address (with :port if not the default).'),
          hostAttributes: strMap('Attributes to filter hosts by, as name: value.'),
        },
        { required: ['hostname'], closed: true },
      ),
    ),
    sshKeyRef: secret('Default SSH credentials (older connectors)'),
  }),
);
connector(
  'Tas',
  'Tanzu Application Service (Cloud Foundry).',
  spec(
    'Settings of the Tanzu connector.',
    {
      credential: block('ConnectorTasCredential', 'How Harness signs in to Tanzu.', [
        member(
          'ConnectorTasCred_ManualConfig',
          'ManualConfig',
          'Endpoint and user credentials.',
          spec(
            'Endpoint and credentials.',
            {
              endpointUrl: url('the Tanzu API endpoint'),
              ...userKeys,
              passwordRef: secret('Password'),
              refreshTokenRef: secret('Refresh token'),
            },
            ['endpointUrl', 'passwordRef'],
          ),
        ),
      ]),
    },
    ['credential'],
  ),
);
connector(
  'Spot',
  'Spot by NetApp (Elastigroup).',
  spec(
    'Settings of the Spot connector.',
    {
      credential: block('ConnectorSpotCredential', 'How Harness signs in to Spot.', [
        member(
          'ConnectorSpotCred_PermanentTokenConfig',
          'PermanentTokenConfig',
          'Account id and a permanent API token.',
          spec(
            'Account id (plain or as a secret) and token.',
            {
              spotAccountId: str('Spot account id (or spotAccountIdRef).'),
              spotAccountIdRef: secret('Spot account id'),
              apiTokenRef: secret('API token'),
            },
            ['apiTokenRef'],
          ),
        ),
      ]),
    },
    ['credential'],
  ),
);
connector(
  'Rancher',
  'A Rancher server managing Kubernetes clusters.',
  spec('Settings of the Rancher connector.', {
    credential: block('ConnectorRancherCredential', 'How Harness signs in to Rancher.', [
      member(
        'ConnectorRancherCred_ManualConfig',
        'ManualConfig',
        'Rancher URL and a bearer token.',
        spec(
          'Rancher URL and token.',
          {
            rancherUrl: url('the Rancher server'),
            auth: block('ConnectorRancherAuth', 'How Harness signs in: BearerToken.', [
              member(
                'ConnectorRancherAuth_BearerToken',
                'BearerToken',
                'A Rancher API bearer token.',
                spec('The token.', { passwordRef: secret('Bearer token') }, ['passwordRef']),
              ),
            ]),
          },
          ['rancherUrl', 'auth'],
        ),
      ),
    ]),
  }),
);
connector(
  'TerraformCloud',
  'Terraform Cloud or Terraform Enterprise.',
  spec(
    'Settings of the Terraform Cloud connector.',
    {
      terraformCloudUrl: url('Terraform Cloud/Enterprise, e.g. https://app.terraform.io'),
      credential: block('ConnectorTerraformCloudCredential', 'How Harness signs in: ApiToken.', [
        member(
          'ConnectorTfcCred_ApiToken',
          'ApiToken',
          'An API token.',
          spec('The token.', { apiToken: secret('API token') }, ['apiToken']),
        ),
      ]),
    },
    ['terraformCloudUrl', 'credential'],
  ),
);

// Ticketing and CI servers. Source: NG schema JiraConnector, ServiceNowConnector (+ *AuthenticationDTO),
// JenkinsConnectorDTO, BambooConnectorDTO; SDK model_jira_connector.go, model_service_now_connector.go.
const legacyUser = {
  ...userKeys,
  passwordRef: secret('Password (older connectors; use auth)'),
};
connector(
  'Jira',
  'Jira.',
  spec(
    'Settings of the Jira connector.',
    {
      jiraUrl: url('Jira'),
      auth: block(
        'ConnectorJiraAuth',
        'Credentials: UsernamePassword or PersonalAccessToken.',
        [
          UserPass,
          member(
            'ConnectorCred_JiraPat',
            'PersonalAccessToken',
            'A Jira personal access token.',
            spec('The token.', { patRef: secret('Personal access token') }, ['patRef']),
          ),
        ],
        true,
      ),
      ...legacyUser,
    },
    // The sources also require auth; older connectors keep username/passwordRef on the spec instead.
    ['jiraUrl'],
  ),
);
connector(
  'ServiceNow',
  'ServiceNow.',
  spec(
    'Settings of the ServiceNow connector.',
    {
      serviceNowUrl: url('the ServiceNow instance'),
      auth: block(
        'ConnectorServiceNowAuth',
        'Credentials of the ServiceNow connector.',
        [
          UserPass,
          member(
            'ConnectorCred_ServiceNowAdfs',
            'AdfsClientCredentialsWithCertificate',
            'ADFS client credentials with a certificate.',
            spec(
              'ADFS settings.',
              {
                adfsUrl: url('the ADFS server'),
                certificateRef: secret('Certificate'),
                privateKeyRef: secret('Private key'),
                clientIdRef: secret('Client id'),
                resourceIdRef: secret('Resource id'),
              },
              ['adfsUrl', 'certificateRef', 'privateKeyRef', 'clientIdRef', 'resourceIdRef'],
            ),
          ),
          member(
            'ConnectorCred_ServiceNowRefreshToken',
            'RefreshTokenGrantType',
            'OAuth refresh token grant.',
            spec(
              'OAuth settings.',
              {
                tokenUrl: url('the token endpoint'),
                clientIdRef: secret('Client id'),
                clientSecretRef: secret('Client secret'),
                refreshTokenRef: secret('Refresh token'),
                scope: str('OAuth scope.'),
              },
              ['tokenUrl', 'clientIdRef', 'refreshTokenRef'],
            ),
          ),
        ],
        true,
      ),
      ...legacyUser,
    },
    ['serviceNowUrl'],
  ),
);
const ciAuth = block(
  'ConnectorCiServerAuth',
  'Credentials: UsernamePassword, Anonymous or Bearer Token(HTTP Header).',
  [UserPass, Anonymous, BearerToken],
);
connector(
  'Jenkins',
  'A Jenkins server.',
  spec('Settings of the Jenkins connector.', { jenkinsUrl: url('Jenkins'), auth: ciAuth }, ['jenkinsUrl']),
);
connector(
  'Bamboo',
  'A Bamboo server.',
  spec('Settings of the Bamboo connector.', { bambooUrl: url('Bamboo'), auth: ciAuth }, ['bambooUrl']),
);

// Secret managers. Source: NG schema VaultConnectorDTO, AwsSecretManagerDTO, AwsKmsConnectorDTO,
// GcpSecretManager, GcpKmsConnectorDTO, AzureKeyVaultConnectorDTO, CustomSecretManager; SDK
// model_vault_connector.go (isReadOnly, isDefault), model_azure_key_vault_connector.go.
const isDefault = shared('ConnectorDefaultSecretManager', () =>
  bool('Use this secret manager by default for new secrets at its scope.'),
);
connector(
  'Vault',
  'HashiCorp Vault as a secret manager.',
  spec(
    'Settings of the Vault connector (the keys used depend on accessType).',
    {
      vaultUrl: url('Vault'),
      accessType: oneOfValues('How Harness authenticates to Vault.', [
        'APP_ROLE',
        'TOKEN',
        'VAULT_AGENT',
        'AWS_IAM',
        'K8s_AUTH',
        'JWT',
      ]),
      authToken: secret('Vault token (TOKEN)'),
      appRoleId: str('AppRole role id (APP_ROLE).'),
      appRolePath: str('Mount path of the AppRole auth method.'),
      secretId: secret('AppRole secret id (APP_ROLE)'),
      renewAppRoleToken: bool('Renew the AppRole token.'),
      basePath: str('Path under the secret engine where Harness keeps secrets.'),
      namespace: str('Vault namespace (Vault Enterprise).'),
      secretEngineName: str('Name of the secret engine.'),
      secretEngineVersion: int('Version of the KV secret engine: 1 or 2.'),
      secretEngineManuallyConfigured: bool('The secret engine was entered by hand, not fetched.'),
      renewalIntervalMinutes: int('How often Harness renews the token, in minutes.'),
      readOnly: bool('Only read secrets; never write them.'),
      isReadOnly: bool('Older form of readOnly.'),
      enableCache: bool('Cache secrets read from Vault.'),
      useVaultAgent: bool('Authenticate through a Vault agent on the delegate (VAULT_AGENT).'),
      sinkPath: str('Sink file of the Vault agent.'),
      useAwsIam: bool('Authenticate with the delegate AWS IAM role (AWS_IAM).'),
      awsRegion: str('AWS region for AWS_IAM.'),
      vaultAwsIamRole: str('Vault role bound to the IAM role.'),
      xvaultAwsIamServerId: secret('X-Vault-AWS-IAM-Server-ID header value'),
      useK8sAuth: bool('Authenticate with the delegate service account (K8s_AUTH).'),
      vaultK8sAuthRole: str('Vault role for Kubernetes auth.'),
      serviceAccountTokenPath: str('Path of the service account token on the delegate.'),
      k8sAuthEndpoint: str('Mount path of the Kubernetes auth method.'),
      useJwtAuth: bool('Authenticate with a Harness OIDC token (JWT).'),
      jwtAuthRole: str('Vault role for JWT auth.'),
      jwtAuthPath: str('Mount path of the JWT auth method.'),
      jwtAuthRoleWithGranularClaims: str('Vault role for JWT auth with granular claims.'),
      ngCertificateRef: secret('Client certificate'),
      default: isDefault,
      isDefault: bool('Older form of default.'),
    },
    // The sources also require renewalIntervalMinutes; assumption: Harness defaults it, so not here.
    ['vaultUrl'],
  ),
);
// AWS Secrets Manager and AWS KMS share their credential types; the KMS connector's members also
// take delegateSelectors, and its STS member externalName (both sources' keys are accepted).
const awsSecretsCredential = block(
  'ConnectorAwsSmCredential',
  'How Harness signs in to AWS Secrets Manager or KMS.',
  [
    member(
      'ConnectorAwsSmCred_ManualConfig',
      'ManualConfig',
      'An access key and secret key.',
      spec(
        'Keys.',
        {
          accessKey: secret('Access key id'),
          accessKeyPlainText: str('Access key id in plain text.'),
          secretKey: secret('Secret access key'),
        },
        ['secretKey'],
      ),
    ),
    member(
      'ConnectorAwsSmCred_AssumeIAMRole',
      'AssumeIAMRole',
      "Use the delegate's IAM role.",
      spec('Delegates to use.', { delegateSelectors: shared('DelegateSelectors', delegateSelectors) }),
    ),
    member(
      'ConnectorAwsSmCred_AssumeSTSRole',
      'AssumeSTSRole',
      'Assume a role through STS.',
      spec(
        'The role.',
        {
          roleArn: str('ARN of the role.'),
          externalId: str('External id the role requires.'),
          externalName: str('External id the role requires (KMS connectors).'),
          assumeStsRoleDuration: int('Session duration in seconds.'),
          delegateSelectors: shared('DelegateSelectors', delegateSelectors),
        },
        ['roleArn'],
      ),
    ),
    member(
      'ConnectorAwsSmCred_OidcAuthentication',
      'OidcAuthentication',
      'OpenID Connect.',
      spec('The role.', { iamRoleArn: str('ARN of the IAM role.') }),
    ),
  ],
);
connector(
  'AwsSecretManager',
  'AWS Secrets Manager as a secret manager.',
  spec(
    'Settings of the AWS Secrets Manager connector.',
    {
      region: str('AWS region of the secrets.'),
      credential: awsSecretsCredential,
      secretNamePrefix: str('Prefix of the secret names Harness creates.'),
      usePutSecret: bool('Update secrets with put-secret-value.'),
      forceDeleteWithoutRecovery: bool('Delete secrets without a recovery window.'),
      recoveryWindowInDays: int('Recovery window of deleted secrets, in days.'),
      default: isDefault,
    },
    ['region', 'credential'],
  ),
);
connector(
  'AwsKms',
  'AWS KMS as a secret manager (Harness keeps the encrypted secrets).',
  spec(
    'Settings of the AWS KMS connector.',
    {
      kmsArn: secret('ARN of the KMS key'),
      kmsArnInPlainText: str('ARN of the KMS key in plain text.'),
      region: str('AWS region of the key.'),
      credential: awsSecretsCredential,
      default: isDefault,
    },
    ['region', 'credential'],
  ),
);
connector(
  'GcpKms',
  'Google Cloud KMS as a secret manager.',
  spec(
    'Settings of the Google Cloud KMS connector.',
    {
      projectId: str('GCP project id.'),
      region: str('Region of the key ring.'),
      keyRing: str('Key ring name.'),
      keyName: str('Key name.'),
      credentials: secret('Service account key (JSON file secret)'),
      oidcDetails: gcpOidc,
      default: isDefault,
    },
    ['projectId', 'region', 'keyRing', 'keyName'],
  ),
);
connector(
  'GcpSecretManager',
  'Google Secret Manager as a secret manager.',
  spec('Settings of the Google Secret Manager connector.', {
    credentialsRef: secret('Service account key (JSON file secret)'),
    assumeCredentialsOnDelegate: bool("Use the delegate's service account instead of a key."),
    credential: gcpCredential,
    default: isDefault,
  }),
);
connector(
  'AzureKeyVault',
  'Azure Key Vault as a secret manager.',
  spec(
    'Settings of the Azure Key Vault connector.',
    {
      vaultName: str('Name of the key vault.'),
      subscription: str('Azure subscription id.'),
      tenantId: str('Directory (tenant) id.'),
      clientId: str('Application (client) id.'),
      secretKey: secret('Client secret'),
      azureEnvironmentType: azureEnv,
      useManagedIdentity: bool("Use the delegate's managed identity instead of a client secret."),
      azureManagedIdentityType: oneOfValues('Kind of managed identity.', [
        'SystemAssignedManagedIdentity',
        'UserAssignedManagedIdentity',
      ]),
      managedClientId: str('Client id of the user-assigned identity.'),
      enablePurge: bool('Purge deleted secrets.'),
      vaultConfiguredManually: bool('The vault name was entered by hand.'),
      default: isDefault,
      isDefault: bool('Older form of default.'),
    },
    ['vaultName', 'subscription'],
  ),
);
connector(
  'CustomSecretManager',
  'A secret manager driven by a Secret Manager template (a script).',
  spec(
    'Settings of the custom secret manager.',
    {
      template: obj(
        'The Secret Manager template and its inputs.',
        {
          templateRef: str('Template identifier (org. or account. prefix for those scopes).'),
          versionLabel: str('Template version.'),
          templateInputs: {
            type: 'object',
            description:
              'Inputs of the template by group (environmentVariables …): lists of name, type, value.',
            additionalProperties: list(
              'Inputs of this group.',
              obj(
                'One input.',
                {
                  name: str('Input name.'),
                  type: str('Input type, e.g. String.'),
                  value: str('Value, an expression or <+input>.'),
                  useAsDefault: bool('Use the value as the default of secrets.'),
                },
                { closed: true },
              ),
            ),
          },
        },
        { required: ['templateRef', 'versionLabel'], closed: true },
      ),
      onDelegate: bool('Run the script on a delegate (otherwise on a target host).'),
      connectorRef: str('Connector of the target host.'),
      host: str('Target host that runs the script.'),
      workingDirectory: str('Working directory on the target host.'),
      timeout: int('Timeout of the script, in seconds.'),
      default: isDefault,
    },
    ['template'],
  ),
);

// Monitoring and observability (health sources of continuous verification). Source: NG schema
// DatadogConnectorDTO, PrometheusConnectorDTO, NewRelicConnectorDTO, AppDynamicsConnectorDTO, SplunkConnectorDTO.
const api = sharedFields('ConnectorApi', {
  url: str('URL of the API.'),
  apiKeyRef: secret('API key'),
});
const flat = (type: string, what: string, props: Record<string, JsonSchema>, required: string[]) =>
  connector(type, what, spec(`Settings of the ${type} connector.`, props, required));
flat(
  'Datadog',
  'Datadog.',
  { url: api.url, apiKeyRef: api.apiKeyRef, applicationKeyRef: secret('Application key') },
  ['url', 'apiKeyRef', 'applicationKeyRef'],
);
const headers = shared('ConnectorHeaders', () =>
  list(
    'Extra HTTP headers or parameters.',
    obj(
      'One header.',
      {
        key: str('Name.'),
        value: str('Value in plain text.'),
        valueEncrypted: bool('The value is a secret (encryptedValueRef).'),
        encryptedValueRef: secret('Value'),
      },
      { required: ['key'], closed: true },
    ),
  ),
);
flat(
  'Prometheus',
  'Prometheus.',
  { url: api.url, username: str('User name (basic auth).'), passwordRef: secret('Password'), headers },
  ['url'],
);
flat(
  'NewRelic',
  'New Relic.',
  { url: api.url, newRelicAccountId: str('New Relic account id.'), apiKeyRef: api.apiKeyRef },
  ['url', 'newRelicAccountId', 'apiKeyRef'],
);
flat(
  'AppDynamics',
  'AppDynamics.',
  {
    controllerUrl: url('the AppDynamics controller'),
    accountname: str('AppDynamics account name.'),
    authType: oneOfValues('UsernamePassword or ApiClientToken.', ['UsernamePassword', 'ApiClientToken']),
    username: str('User name (UsernamePassword).'),
    passwordRef: secret('Password'),
    clientId: str('API client name (ApiClientToken).'),
    clientSecretRef: secret('API client secret'),
  },
  ['controllerUrl', 'accountname'],
);
flat(
  'Splunk',
  'Splunk.',
  {
    splunkUrl: url('the Splunk API'),
    accountId: str('Splunk account id.'),
    type: oneOfValues('How Harness signs in.', [
      'UsernamePassword',
      'Anonymous',
      'Bearer Token(HTTP Header)',
      'HEC Token',
    ]),
    username: str('User name.'),
    passwordRef: secret('Password'),
    tokenRef: secret('Bearer or HEC token'),
  },
  ['splunkUrl', 'accountId'],
);
// Dynatrace, SumoLogic, PagerDuty, ElasticSearch, CustomHealth and the cloud-cost, AI and chat
// types stay unknown (a warning): size budget.

// ---- the root ----

d.ConnectorCommonKeys = obj('The keys every connector has.', {
  name: name('connector'),
  identifier: identifier('connector'),
  description: description('connector'),
  orgIdentifier: str('Organization of an org- or project-scope connector; omit at account scope.'),
  projectIdentifier: str('Project of a project-scope connector.'),
  tags: tags('connector'),
  accountIdentifier: str('Account of the connector (Harness fills it in).'),
});
d.ConnectorOfUnknownType = {
  type: 'object',
  description:
    'A connector of a type the bundled schema does not know: only the keys every connector has are checked.',
  allOf: [use('ConnectorCommonKeys')],
  properties: {
    type: str('Connector type.'),
    spec: anyValue('Settings of the connector (not checked for this type).'),
  },
  required: ['name', 'identifier', 'type', 'spec'],
  additionalProperties: false,
};

/** Connector types whose spec the bundled schema checks. */
export const bundledConnectorTypes: readonly string[] = connectorTypes;

export const connectorDefinitions: Definitions = {
  Connector: union(
    'A Harness connector: its type decides what its spec holds. Keys ending in Ref name a secret: id (same scope), org.id or account.id.',
    connectorTypes.map((t) => `Connector_${t}`),
    'connector',
    { unknownIsWarning: true, unknownBranch: 'ConnectorOfUnknownType' },
  ),
  ...d,
};
