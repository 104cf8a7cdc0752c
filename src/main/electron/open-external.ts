import { shell } from 'electron';
import { isAllowedExternalUrl } from '../../shared/external-links';

/**
 * Opens a plex.tv https link in the system browser; anything else is refused here too,
 * whoever the caller (IPC, a window.open from the page). shell.openExternal is looked up
 * on each call, so the e2e driver can stand in for the browser.
 */
export async function openInBrowser(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) throw new Error('Only plex.tv https links are opened.');
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- guarded by isAllowedExternalUrl above
}
