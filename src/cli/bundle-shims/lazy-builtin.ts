/**
 * A stand-in for a Node built-in that loads the real module on first use. axios imports
 * some built-ins at start-up for features the CLI never uses (HTTP/2, multipart
 * boundaries); loading them on demand keeps them off every run's start-up.
 */
export function lazyBuiltin<T extends object>(load: () => T): T {
  let real: T | undefined;
  const target = () => (real ??= load());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key),
    has: (_, key) => Reflect.has(target(), key),
  });
}
