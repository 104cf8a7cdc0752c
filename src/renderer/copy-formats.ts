import type { SERVER_COPY_FORMATS } from '../shared/ipc-contract';
import type { TokenFormat } from '../shared/token-formats';

// The choices of the Copy menus, in menu order, with the words they are shown with. The
// text itself is made in main (src/shared/token-formats.ts); the page never sees it.

export type ServerCopyFormat = (typeof SERVER_COPY_FORMATS)[number];

export interface FormatChoice<F extends string> {
  value: F;
  /** In the menu. */
  label: string;
  /** In the "copied" line: "Kometa: copied {what}." */
  what: string;
}

export const TOOL_TOKEN_FORMATS: readonly FormatChoice<TokenFormat>[] = [
  { value: 'token', label: 'Token', what: 'the token' },
  { value: 'env', label: 'Env line', what: 'an env line' },
  { value: 'curl', label: 'curl header', what: 'a curl header' },
  { value: 'json', label: 'JSON', what: 'JSON' },
  { value: 'kometa', label: 'Kometa block', what: 'a Kometa block' },
];

export const SERVER_FORMATS: readonly FormatChoice<ServerCopyFormat>[] = [
  { value: 'url', label: 'URL', what: 'the address' },
  { value: 'token', label: 'Server token', what: 'the server’s token' },
  { value: 'env', label: 'Env lines', what: 'env lines' },
  { value: 'json', label: 'JSON', what: 'JSON' },
  { value: 'kometa', label: 'Kometa block', what: 'a Kometa block' },
];

/** " The clipboard will be cleared in 60 seconds.", as the app's own Copy token says it. */
export function clearNote(clearAfterSeconds: number): string {
  if (clearAfterSeconds <= 0) return '';
  return ` The clipboard will be cleared in ${clearAfterSeconds} second${clearAfterSeconds === 1 ? '' : 's'}.`;
}
