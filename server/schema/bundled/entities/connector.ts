// The `connector` root: a Harness connector as users keep it in Git (v0 YAML).
import { anyValue, obj } from '../build';
import { description, identifier, name, tags } from '../common';
import type { Definitions } from '../types';

export const connectorDefinitions: Definitions = {
  Connector: obj(
    'A Harness connector.',
    {
      name: name('connector'),
      identifier: identifier('connector'),
      description: description('connector'),
      tags: tags('connector'),
      spec: anyValue('Settings of the connector.'),
    },
    { required: ['name', 'identifier'] },
  ),
};
