import { protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppFile } from '../node/app-scheme';

// The app:// scheme in Electron: declared privileged before ready (standard, so relative
// URLs and an origin work; secure, so the page is a secure context; never bypassCSP), then
// served by app-scheme.ts from the built renderer folder.

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

export function serveAppScheme(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await serveAppFile(rendererDir, request.method, request.url, csp);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}
