// The `infrastructure` root: a Harness infrastructure definition as users keep it in Git (v0 YAML).
import { anyValue, obj } from '../build';
import { description, identifier, name, tags } from '../common';
import type { Definitions } from '../types';

export const infrastructureDefinitions: Definitions = {
  InfrastructureDefinition: obj(
    'A Harness infrastructure definition.',
    {
      name: name('infrastructure definition'),
      identifier: identifier('infrastructure definition'),
      description: description('infrastructure definition'),
      tags: tags('infrastructure definition'),
      spec: anyValue('Settings of the infrastructure definition.'),
    },
    { required: ['name', 'identifier'] },
  ),
};
