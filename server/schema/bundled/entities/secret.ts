// The `secret` root: a Harness secret as users keep it in Git (v0 YAML).
import { anyValue, obj } from '../build';
import { description, identifier, name, tags } from '../common';
import type { Definitions } from '../types';

export const secretDefinitions: Definitions = {
  Secret: obj(
    'A Harness secret.',
    {
      name: name('secret'),
      identifier: identifier('secret'),
      description: description('secret'),
      tags: tags('secret'),
      spec: anyValue('Settings of the secret.'),
    },
    { required: ['name', 'identifier'] },
  ),
};
