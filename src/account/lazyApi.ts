// A HarnessApi whose real client is built on the first request, so the token is read from
// SecretStorage only when a call needs it (and again after a failed read).
import type { HarnessApi } from '../api/types';

export function lazyApi(baseUrl: string, accountId: string, load: () => Promise<HarnessApi>): HarnessApi {
  let client: Promise<HarnessApi> | undefined;
  const get = (): Promise<HarnessApi> =>
    (client ??= load().catch((err: unknown) => {
      client = undefined;
      throw err;
    }));
  const target = { baseUrl, accountId };
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'baseUrl' || prop === 'accountId') return t[prop];
      // Not a thenable: `await api` must not call into the client.
      if (typeof prop !== 'string' || prop === 'then' || prop === 'toJSON') return undefined;
      return async (...args: unknown[]) => {
        const real = await get();
        const fn: unknown = Reflect.get(real, prop);
        if (typeof fn !== 'function') throw new TypeError(`HarnessApi has no method ${prop}`);
        return (fn as (...a: unknown[]) => unknown).apply(real, args);
      };
    },
  }) as unknown as HarnessApi;
}
