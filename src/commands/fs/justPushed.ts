// Text just pushed by the Push Pipeline command for a `harness:` document. The command then saves
// the document so the editor is no longer dirty; the provider's writeFile sees the same text here
// and does not push it a second time.
const pending = new Map<string, string>();

export function markPushed(uri: string, text: string): void {
  pending.set(uri, text);
}

/** True (once) when `text` is exactly what was just pushed for `uri`. */
export function takePushed(uri: string, text: string): boolean {
  const expected = pending.get(uri);
  pending.delete(uri);
  return expected === text;
}
