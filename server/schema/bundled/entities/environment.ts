// The `environment` root: a Harness environment as users keep it in Git (v0 YAML).
// Facts from harness/mcp-server src/data/schemas/entities/environment.project.ts (generated from
// harness-core: NGEnvironmentInfoConfig, NGEnvironmentGlobalOverride) and harness/harness-schema
// v0/pipeline/stages/cd/environment-yaml.yaml; written in our words.
import { obj, oneOfValues, str } from '../build';
import { description, identifier, name, tags, variables } from '../common';
import { uiMetadata } from '../steps/node';
import type { Definitions } from '../types';
import { configFileList, manifestList, storeFile } from './service';

export const environmentDefinitions: Definitions = {
  Environment: obj(
    'A Harness environment.',
    {
      name: name('environment'),
      identifier: identifier('environment'),
      // Required by the project-scope schema only; org- and account-level environments omit them.
      orgIdentifier: str('Organization of the environment (omit for account-level environments).'),
      projectIdentifier: str('Project of the environment (omit for org- or account-level environments).'),
      description: description('environment'),
      tags: tags('environment'),
      type: oneOfValues('Production or PreProduction; pipelines and policies can treat them differently.', [
        'Production',
        'PreProduction',
      ]),
      variables: variables('env'),
      overrides: obj(
        'Values every service deployed to this environment gets in place of its own.',
        {
          manifests: manifestList(),
          configFiles: configFileList(),
          applicationSettings: storeFile('Application settings of Azure Web Apps deployed here.'),
          connectionStrings: storeFile('Connection strings of Azure Web Apps deployed here.'),
          metadata: uiMetadata(),
        },
        { closed: true },
      ),
      metadata: uiMetadata(),
    },
    { required: ['name', 'identifier', 'type'], closed: true },
  ),
};
