import type { IpcResult } from '../../shared/ipc-views';
import { isAllowedExternalUrl } from '../../shared/external-links';
import { fail, ok } from './ipc-result';
import type { OpenInBrowser } from './ports';

// The renderer may ask for a link to be opened in the browser, but only a plex.tv https
// link: anything else (file:, custom schemes, other hosts) could launch programs or
// phish, so it is refused before it reaches the OS.

export async function openExternalLink(url: string, openInBrowser: OpenInBrowser): Promise<IpcResult<void>> {
  if (!isAllowedExternalUrl(url)) return fail('forbidden', 'Plex Sign-In only opens https links to plex.tv.');
  try {
    await openInBrowser(url);
    return ok(undefined);
  } catch {
    return fail('internal', 'Your web browser could not be opened; open plex.tv in it yourself.');
  }
}
