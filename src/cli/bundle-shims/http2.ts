// `http2` for the CLI bundle: axios uses it only for HTTP/2 requests, which we never make.
import type * as Real from 'node:http2';
import { lazyBuiltin } from './lazy-builtin';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the point is to load it late
export default lazyBuiltin(() => require('node:http2') as typeof Real);
