// The `environment` root: a Harness environment as users keep it in Git (v0 YAML).
import { anyValue, obj } from '../build';
import { description, identifier, name, tags } from '../common';
import type { Definitions } from '../types';

export const environmentDefinitions: Definitions = {
  Environment: obj(
    'A Harness environment.',
    {
      name: name('environment'),
      identifier: identifier('environment'),
      description: description('environment'),
      tags: tags('environment'),
      spec: anyValue('Settings of the environment.'),
    },
    { required: ['name', 'identifier'] },
  ),
};
