// Is this text Harness entity YAML? Looks only at the first top-level keys (no YAML parse), so
// it is cheap enough to run on every document VS Code opens. No `vscode` import: unit-tested.
import { HARNESS_ROOT_KEYS, ROOT_KEYS_NEEDING_IDENTIFIER, type HarnessRootKey } from '../../shared/protocol';

/** Only the head of a document is looked at; callers may pass just this much text. */
export const MAX_SCAN = 64 * 1024;

/**
 * The Harness root key (`pipeline`, `template`, `inputSet`, `trigger`, `service` …) when the
 * document starts with one. Harness v1 YAML (`version: 1` with `kind: pipeline` …) counts as a
 * pipeline. Keys that other YAML uses too count only with an `identifier:` under them.
 */
export function harnessRootKey(text: string): HarnessRootKey | undefined {
  const head = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  const re = /^([A-Za-z_][\w-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]|$)/gm;
  const top: { key: string; at: number }[] = [];
  for (let m = re.exec(head); m; m = re.exec(head))
    top.push({ key: m[1].replace(/^["']|["']$/g, ''), at: m.index + m[0].length });
  for (let i = 0; i < top.length; i++) {
    const { key, at } = top[i];
    if (!(HARNESS_ROOT_KEYS as readonly string[]).includes(key)) continue;
    const root = key as HarnessRootKey;
    if (!ROOT_KEYS_NEEDING_IDENTIFIER.has(root)) return root;
    const block = head.slice(at, i + 1 < top.length ? top[i + 1].at : head.length);
    if (/^[ \t]+identifier[ \t]*:/m.test(block)) return root;
  }
  if (/^version[ \t]*:[ \t]*1[ \t]*$/m.test(head) && /^kind[ \t]*:[ \t]*pipeline[ \t]*$/m.test(head))
    return 'pipeline';
  return undefined;
}
