// Is this text Harness entity YAML? Looks only at the first top-level keys (no YAML parse), so
// it is cheap enough to run on every document VS Code opens. No `vscode` import: unit-tested.
import { HARNESS_ROOT_KEYS, type HarnessRootKey } from '../../shared/protocol';

/** Only the head of a document is looked at; callers may pass just this much text. */
export const MAX_SCAN = 64 * 1024;

/** The Harness root key (`pipeline`, `template`, `inputSet`) when the document starts with one. */
export function harnessRootKey(text: string): HarnessRootKey | undefined {
  const head = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  const re = /^([A-Za-z_][\w-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]|$)/gm;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const key = m[1].replace(/^["']|["']$/g, '');
    if ((HARNESS_ROOT_KEYS as readonly string[]).includes(key)) return key as HarnessRootKey;
  }
  return undefined;
}
