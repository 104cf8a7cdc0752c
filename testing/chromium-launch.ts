import { existsSync } from 'node:fs';

// Which Chromium the web-mode specs and the renderer benchmark launch, and with which
// flags (toolchain.md): Debian's /usr/bin/chromium when it exists or CHROMIUM_PATH names
// one, else Playwright's own Chromium (a developer laptop with internet).

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Root in a sandbox-less container, no GPU, and no background traffic on a closed network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env['CHROMIUM_PATH']?.trim();
  if (chosen) return chosen;
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

/** Launch options for `chromium.launch()`, headless. */
export function chromiumLaunchOptions(): { headless: true; executablePath?: string; args: string[] } {
  const executablePath = chromiumExecutable();
  return { headless: true, args: [...CHROMIUM_ARGS], ...(executablePath ? { executablePath } : {}) };
}
