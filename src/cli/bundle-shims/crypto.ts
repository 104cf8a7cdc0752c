// `crypto` for the CLI bundle: axios uses it only to make multipart boundaries.
import type * as Real from 'node:crypto';
import { lazyBuiltin } from './lazy-builtin';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the point is to load it late
export default lazyBuiltin(() => require('node:crypto') as typeof Real);
