import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
// The whole CLI, bundled as text by scripts/build-cli.mjs, and a hash of that text.
import source, { contentHash } from 'virtual:cli-bundle';
import { userCacheDir } from '../core/config-dir';

// The CLI's entry point. Compiling its ~150 KB bundle is a large share of a run, so the
// compiled code is kept in V8's code cache in the user's cache folder and reused on the
// next run: what Node 22's module.enableCompileCache() does, done by hand for Node 20.
// The bundle must not use dynamic import(): a vm.Script has no loader for it.
// V8 checks a cache only against the source's length (and its own version and flags),
// so a rebuilt bundle of the same size would run the old code: the cache is named after
// a hash of the bundle's content, and after the Node version and architecture. Any other
// problem with the cache only costs speed: V8 rejects a foreign one, which is rewritten.

const filename = path.join(__dirname, 'plex-signin.cjs');
const cacheFile = path.join(
  userCacheDir('plex-signin'),
  `cli-${contentHash}-${process.version}-${process.arch}.v8cache`,
);

let cachedData: Buffer | undefined;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}

const script = new vm.Script(Module.wrap(source), { filename, ...(cachedData ? { cachedData } : {}) });
if (!cachedData || script.cachedDataRejected) {
  // Written at exit, so the cache also holds the functions this run compiled lazily.
  process.once('exit', () => {
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // A read-only or full disk just means no cache.
    }
  });
}

const wrapper = script.runInThisContext() as (
  exports: object,
  require: NodeJS.Require,
  module: object,
  filename: string,
  dirname: string,
) => void;
const inner = { exports: {} };
wrapper.call(inner.exports, inner.exports, Module.createRequire(filename), inner, filename, __dirname);
