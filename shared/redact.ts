// Harness API tokens have the shape `pat.<account>.<id>.<secret>` or `sat.…`. Anything of that
// shape is replaced before text reaches a log, an error message or a test snapshot.
const TOKEN_PATTERN = /\b(pat|sat)\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g;

export function redactSecrets(text: string, extraSecrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_PATTERN, (_m, kind: string) => `${kind}.<redacted>`);
  for (const secret of extraSecrets) {
    if (secret.length >= 6) out = out.split(secret).join('<redacted>');
  }
  return out;
}
