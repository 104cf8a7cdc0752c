import type * as ChildProcess from 'node:child_process';
import { isAllowedExternalUrl } from '../shared/external-links';

/**
 * Asks the desktop to open a plex.tv address in the default browser. Returns false when
 * there is no desktop to ask (a headless server) or the opener could not start; the
 * caller prints the address either way. The URL is passed as an argument, never
 * through a shell.
 */
export function openInBrowser(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  const [command, args]: [string, string[]] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  if (platform !== 'darwin' && platform !== 'win32' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  try {
    // Loaded here, not at start-up: only --browser ever starts a process. (require, not
    // import(): the bundle runs in a vm.Script, where dynamic import() is unavailable.)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { spawn } = require('node:child_process') as typeof ChildProcess;
    const child = spawn(command, args, { detached: true, stdio: 'ignore', env });
    child.on('error', () => {}); // no opener installed: the printed address is enough
    child.unref();
    return true;
  } catch {
    return false;
  }
}
