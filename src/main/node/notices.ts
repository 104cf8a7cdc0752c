import type { Notice } from '../../shared/ipc-views';

// What the user is told, once, about why they are signed out. One sentence each, kept in
// one place so the wording stays consistent.

const MESSAGES: Record<Notice['kind'], string> = {
  'signed-out-elsewhere':
    'Your Plex token no longer works (you signed out elsewhere or your password changed), so you are signed out; sign in again.',
  'store-unreadable':
    'Your saved settings could not be read, so they were reset and you are signed out; sign in again.',
  'token-undecryptable':
    'Your saved token could not be decrypted with this computer’s keychain, so you are signed out; sign in again.',
  'keychain-unavailable':
    'Your saved sign-in is kept, but this computer’s keychain is locked or unavailable right now, so you are signed out; unlock it and restart Plex Sign-In, or sign in again.',
  'signed-out': 'You are signed out on this computer; the token itself still works in other apps until you revoke it.',
  revoked:
    'You are signed out and the token was revoked on plex.tv, so any app still using it must be given a new one.',
};

export function notice(kind: Notice['kind']): Notice {
  return { kind, message: MESSAGES[kind] };
}
