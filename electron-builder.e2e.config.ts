import { createBuilderConfig } from './electron-builder.config';

// The e2e build (build/flavour.ts): `electron-builder --config electron-builder.e2e.config.ts`,
// the same as PLEX_SIGNIN_BUILD_FLAVOUR=e2e with the main config, without an environment
// variable (which npm scripts cannot set portably).
export default createBuilderConfig('e2e');
