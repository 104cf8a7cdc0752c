// `https-proxy-agent` for the CLI bundle: axios needs it only when an HTTPS proxy is
// configured (HTTPS_PROXY), yet importing it costs ~15 ms on every run (it loads `debug`,
// `agent-base` and TLS). This stand-in loads the real package the first time a proxy
// agent is made or checked, and otherwise behaves as it does (v5: callable with `new`).
import type * as Real from 'https-proxy-agent';

type RealAgent = typeof Real.default;

let real: RealAgent | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the point is to load it late
const load = (): RealAgent => (real ??= require('https-proxy-agent') as RealAgent);

function HttpsProxyAgent(...args: Parameters<RealAgent>) {
  // A constructor that returns an object makes `new` yield that object: the real agent.
  return new (load() as unknown as new (...a: Parameters<RealAgent>) => object)(...args);
}
Object.defineProperty(HttpsProxyAgent, Symbol.hasInstance, { value: (value: unknown) => value instanceof load() });

export default HttpsProxyAgent;
