import { isPlexTv } from '../../core/api-url';
import type { AppInfo } from '../../shared/ipc-views';
import { PRODUCT_HOMEPAGE, PRODUCT_LICENSE, PRODUCT_VERSION } from '../../shared/product';
import type { StorageCapability } from './storage-capability';

/** What the UI shows about the app itself; fixed for the app's lifetime. */
export function buildAppInfo(
  productName: string,
  apiUrl: string,
  capability: StorageCapability,
  deviceName: string,
): AppInfo {
  return {
    productName,
    version: PRODUCT_VERSION,
    apiUrl,
    usingPlexTv: isPlexTv(apiUrl),
    rememberAvailable: capability.rememberAvailable,
    rememberUnavailableReason: capability.reason,
    license: PRODUCT_LICENSE,
    homepage: PRODUCT_HOMEPAGE,
    deviceName,
  };
}
