// Preloaded into yaml-language-server by the benchmark (node --import): its validation waits a
// fixed 200 ms (SettingsState.validationDelayMs, no setting changes it) after an open or an edit.
// Setting it to 0 lets the bench time yaml-language-server's own work, as ours is timed with a
// 0 ms debounce; the bench reports both debounces separately.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const settings = require(
  path.join(root, 'node_modules', 'yaml-language-server', 'out', 'server', 'src', 'yamlSettings.js'),
);
const Original = settings.SettingsState;
settings.SettingsState = class extends Original {
  constructor(...args) {
    super(...args);
    this.validationDelayMs = 0;
  }
};
