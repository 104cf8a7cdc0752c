// `https` for the CLI bundle: loaded (with TLS) when the first https:// request is made,
// not at start-up, so a run against a local http:// server never pays for it.
import type * as Real from 'node:https';
import { lazyBuiltin } from './lazy-builtin';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the point is to load it late
export default lazyBuiltin(() => require('node:https') as typeof Real);
