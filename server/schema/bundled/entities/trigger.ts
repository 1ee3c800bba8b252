// The `trigger` root: a Harness trigger as users keep it in Git (v0 YAML).
import { anyValue, obj } from '../build';
import { description, identifier, name, tags } from '../common';
import type { Definitions } from '../types';

export const triggerDefinitions: Definitions = {
  Trigger: obj(
    'A Harness trigger.',
    {
      name: name('trigger'),
      identifier: identifier('trigger'),
      description: description('trigger'),
      tags: tags('trigger'),
      spec: anyValue('Settings of the trigger.'),
    },
    { required: ['name', 'identifier'] },
  ),
};
