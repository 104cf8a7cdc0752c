// axios probes fetch/Request/Response/ReadableStream when it loads, and in Node those
// globals are lazy getters whose first touch loads undici or web streams: about 30 ms,
// more than a whole sign-in request to a nearby server. The CLI uses axios's node:http adapter, so it hides the getters
// while axios loads and puts them back untouched afterwards (measured by `npm run bench`).

const NAMES = ['fetch', 'Request', 'Response', 'Headers', 'FormData', 'ReadableStream'] as const;

/** Hides the fetch globals without triggering them; returns a function that restores them. */
export function deferWebFetchGlobals(): () => void {
  const saved = NAMES.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  for (const [name, descriptor] of saved) if (descriptor?.configurable) Reflect.deleteProperty(globalThis, name);
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor?.configurable) Object.defineProperty(globalThis, name, descriptor);
    }
  };
}
