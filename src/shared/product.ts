import { homepage, license, version } from '../../package.json';

export const PRODUCT_NAME = 'Plex Sign-In';
export const PRODUCT_VERSION: string = version;
export const PRODUCT_LICENSE: string = license;
export const PRODUCT_HOMEPAGE: string = homepage;
/** The real service. Everything else (the fake, a proxy) is named in messages and banners. */
export const DEFAULT_PLEX_API_URL = 'https://plex.tv/api/v2';
