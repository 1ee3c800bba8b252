// The `secret` root: a Harness secret as users keep it in Git (v0 YAML). Our own structure and
// words. Facts from: Harness's NG secret YAML schema as bundled in harness/mcp-server
// (src/data/schemas/entities/secret.project.ts, synced 2026-05-27, MIT), harness/harness-go-sdk
// harness/nextgen model_secret*.go, model_ssh*.go, model_win_rm*.go, model_kerberos*.go,
// model_ntlm_config.go, model_tgt*.go (Apache-2.0), and harness-core's SecretTextSpecDTO (read
// for facts only): creating a secret from YAML refuses an Inline text secret that carries a
// value ("Inline secret text cannot be provided in YAML.") and a Reference one without a value;
// Harness's docs ("Create a connector using YAML") show an Inline secret with no value.
import {
  bool,
  int,
  list,
  obj,
  oneOfValues,
  shared,
  sharedFields,
  str,
  strMap,
  typeConst,
  union,
} from '../build';
import { description, identifier, name, tags } from '../common';
import type { Definitions, JsonSchema } from '../types';

const use = (def: string): JsonSchema => ({ $ref: `#/definitions/${def}` });
const secretRef = (what: string): JsonSchema => str(`${what} (secret reference: id, org.id or account.id).`);

/** `Secret_<type>`: the keys every secret has (stored once) with this type's spec. */
const secretType = (type: string, what: string, spec: JsonSchema): JsonSchema => ({
  type: 'object',
  description: what,
  allOf: [use('SecretCommonKeys')],
  properties: { type: typeConst(type, 'Secret type.'), spec },
  required: ['name', 'identifier', 'type', 'spec'],
  additionalProperties: false,
});

const manager = sharedFields('Secret', {
  secretManagerIdentifier: str(
    'Secret manager that stores the secret: harnessSecretManager (built in) or a secret manager connector identifier (org./account. prefix for those scopes).',
  ),
  additionalMetadata: obj(
    'Extra settings for the secret manager.',
    { values: strMap('Settings as name: value, e.g. regions or a KMS key id.') },
    { closed: true },
  ),
});

// Source: NG schema SecretTextSpecDTO, SecretFileSpecDTO, AdditionalMetadata; SDK model_secret_text_spec.go.
/**
 * SecretText: the value of an Inline secret is set in the Harness UI or API, never in YAML (Harness
 * refuses it there, and it would be plaintext in Git); a Reference names the secret in the manager.
 * The engine reads if/then (JSON Schema draft-07), which the JsonSchema type does not list.
 */
const textSpec = Object.assign(
  obj(
    'Where the text secret is kept.',
    {
      secretManagerIdentifier: manager.secretManagerIdentifier,
      valueType: oneOfValues(
        'Inline: Harness encrypts a value entered in the UI or API (never in YAML); Reference: the value names an existing secret in the manager; CustomSecretManagerValues: inputs of a custom secret manager.',
        ['Inline', 'Reference', 'CustomSecretManagerValues'],
      ),
      value: str(
        'For Reference: the name or path of the secret in the secret manager (e.g. a Vault path with #key). Leave it out for Inline: Harness refuses an inline value in YAML.',
      ),
      additionalMetadata: manager.additionalMetadata,
    },
    { required: ['secretManagerIdentifier', 'valueType'], closed: true },
  ),
  {
    allOf: [
      {
        if: { properties: { valueType: { const: 'Inline' } }, required: ['valueType'] },
        then: { properties: { value: false } },
      },
      {
        if: { properties: { valueType: { const: 'Reference' } }, required: ['valueType'] },
        then: { required: ['value'] },
      },
    ],
  },
);

// SSH and WinRM Kerberos. Source: NG schema KerberosConfigDTO, KerberosWinRmConfigDTO,
// TGTKeyTabFilePathSpecDTO, TGTPasswordSpecDTO; SDK model_kerberos_config.go, model_tgt_*.go.
const tgt = sharedFields('SecretKerberos', {
  principal: str('Kerberos principal, e.g. user@EXAMPLE.COM.'),
  realm: str('Kerberos realm.'),
  tgtGenerationMethod: oneOfValues(
    'How the ticket is obtained: KeyTabFilePath (a keytab on the delegate) or Password.',
    ['KeyTabFilePath', 'Password'],
  ),
  spec: obj(
    'The keytab path or the password, by tgtGenerationMethod.',
    {
      keyPath: str('Path of the keytab file on the delegate (KeyTabFilePath).'),
      password: secretRef('Password (Password)'),
    },
    { closed: true },
  ),
});
// Source: NG schema NTLMConfigDTO, KerberosWinRmConfigDTO; SDK model_ntlm_config.go.
const winRmFlags = sharedFields('SecretWinRm', {
  useSSL: bool('Connect over HTTPS.'),
  skipCertChecks: bool('Skip checking the certificate of the host.'),
  useNoProfile: bool('Run PowerShell without loading the user profile.'),
});

const member = (type: string, what: string, spec: JsonSchema, extra: Record<string, JsonSchema> = {}) =>
  obj(what, { type: typeConst(type, what), spec, ...extra }, { required: ['type', 'spec'], closed: true });

// Source: NG schema SSHKeySpecDTO, SSHAuthDTO, SSHConfigDTO, SSHKey*CredentialDTO; SDK model_ssh_*.go.
// The SSH credential spec is chosen by credentialType (not type), so its keys stay together and
// each credential type requires its own key through if/then.
const sshKeyNeeds = (credentialType: string, key: string) => ({
  if: { properties: { credentialType: { const: credentialType } }, required: ['credentialType'] },
  then: { properties: { spec: { required: [key] } } },
});
const sshConfig = Object.assign(
  obj(
    'SSH credentials.',
    {
      credentialType: oneOfValues(
        'KeyReference (a key kept as a file secret), KeyPath (a key file on the delegate) or Password.',
        ['KeyReference', 'KeyPath', 'Password'],
      ),
      spec: obj(
        'User and key or password, by credentialType.',
        {
          userName: str('User to sign in as.'),
          key: secretRef('Private key, a file secret (KeyReference)'),
          keyPath: str('Path of the private key on the delegate (KeyPath).'),
          encryptedPassphrase: secretRef('Passphrase of the key'),
          password: secretRef('Password (Password)'),
        },
        { required: ['userName'], closed: true },
      ),
    },
    { required: ['credentialType', 'spec'], closed: true },
  ),
  {
    allOf: [
      sshKeyNeeds('KeyReference', 'key'),
      sshKeyNeeds('KeyPath', 'keyPath'),
      sshKeyNeeds('Password', 'password'),
    ],
  },
);

const defs: Definitions = {
  Secret_SecretText: secretType('SecretText', 'A text secret (password, token, key).', textSpec),
  Secret_SecretFile: secretType(
    'SecretFile',
    'A file secret (key file, certificate); its content is uploaded in the UI or API.',
    obj(
      'Where the file secret is kept.',
      {
        secretManagerIdentifier: manager.secretManagerIdentifier,
        additionalMetadata: manager.additionalMetadata,
      },
      { required: ['secretManagerIdentifier'], closed: true },
    ),
  ),
  Secret_SSHKey: secretType(
    'SSHKey',
    'SSH credentials for hosts (SSH deployments, Pdc connectors, Git over SSH).',
    obj(
      'SSH credentials.',
      {
        auth: union(
          'How to sign in: SSH or Kerberos.',
          ['SecretSshAuth_SSH', 'SecretSshAuth_Kerberos'],
          'credential',
          {
            unknownIsWarning: true,
          },
        ),
        port: int('SSH port (22 by default).', 1),
      },
      { required: ['auth'], closed: true },
    ),
  ),
  SecretSshAuth_SSH: member('SSH', 'A key or password.', sshConfig, {
    useSshClient: bool('Connect with the system SSH client.'),
    useSshj: bool('Connect with the SSHJ library.'),
  }),
  SecretSshAuth_Kerberos: member(
    'Kerberos',
    'Kerberos.',
    shared('SecretSshKerberos', () =>
      obj('Kerberos ticket settings.', { ...tgt }, { required: ['principal', 'realm'], closed: true }),
    ),
  ),
  Secret_WinRmCredentials: secretType(
    'WinRmCredentials',
    'WinRM credentials for Windows hosts.',
    obj(
      'WinRM credentials.',
      {
        auth: union(
          'How to sign in: NTLM or Kerberos.',
          ['SecretWinRmAuth_NTLM', 'SecretWinRmAuth_Kerberos'],
          'credential',
          {
            unknownIsWarning: true,
          },
        ),
        port: int('WinRM port (5986 by default).', 1),
        parameters: list(
          'Extra WinRM parameters.',
          obj(
            'One parameter.',
            { parameter: str('Parameter name.'), value: str('Parameter value.') },
            { closed: true },
          ),
        ),
      },
      { required: ['auth'], closed: true },
    ),
  ),
  SecretWinRmAuth_NTLM: member(
    'NTLM',
    'NTLM user and password.',
    obj(
      'NTLM settings.',
      {
        domain: str('Windows domain.'),
        username: str('User name.'),
        password: secretRef('Password'),
        ...winRmFlags,
      },
      { required: ['domain', 'username', 'password'], closed: true },
    ),
  ),
  SecretWinRmAuth_Kerberos: member(
    'Kerberos',
    'Kerberos.',
    obj(
      'Kerberos ticket and connection settings.',
      { ...tgt, ...winRmFlags },
      { required: ['principal', 'realm'], closed: true },
    ),
  ),
  SecretCommonKeys: obj('The keys every secret has.', {
    name: name('secret'),
    identifier: identifier('secret'),
    description: description('secret'),
    orgIdentifier: str('Organization of an org- or project-scope secret; omit at account scope.'),
    projectIdentifier: str('Project of a project-scope secret.'),
    tags: tags('secret'),
  }),
  SecretOfUnknownType: {
    type: 'object',
    description:
      'A secret of a type the bundled schema does not know: only the keys every secret has are checked.',
    allOf: [use('SecretCommonKeys')],
    properties: { type: str('Secret type.'), spec: { description: 'Settings of the secret (not checked).' } },
    required: ['name', 'identifier', 'type', 'spec'],
    additionalProperties: false,
  },
};

export const secretDefinitions: Definitions = {
  Secret: union(
    'A Harness secret: its type (SecretText, SecretFile, SSHKey, WinRmCredentials) decides its spec.',
    ['Secret_SecretText', 'Secret_SecretFile', 'Secret_SSHKey', 'Secret_WinRmCredentials'],
    'secret',
    { unknownIsWarning: true, unknownBranch: 'SecretOfUnknownType' },
  ),
  ...defs,
};
