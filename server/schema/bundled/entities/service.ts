// The `service` root: a Harness service as users keep it in Git (v0 YAML).
import { anyValue, obj } from '../build';
import { description, identifier, name, tags } from '../common';
import type { Definitions } from '../types';

export const serviceDefinitions: Definitions = {
  Service: obj(
    'A Harness service.',
    {
      name: name('service'),
      identifier: identifier('service'),
      description: description('service'),
      tags: tags('service'),
      spec: anyValue('Settings of the service.'),
    },
    { required: ['name', 'identifier'] },
  ),
};
