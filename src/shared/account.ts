// The account as the CLI prints it and the app shows it. Built from plex.tv's
// UserPlexAccount by the core; holds no token (the token travels separately so that
// code that only displays an account never holds the secret).

export interface PlexAccount {
  id: number;
  uuid: string;
  username: string;
  /** What Plex shows as the account's name (plex.tv sends the username here). */
  title: string;
  /** The name the person gave the account; "" when none. Shown in place of the username when set. */
  friendlyName: string;
  email: string;
  /** Avatar URL, when plex.tv gave one. */
  thumb: string | null;
  /** When the account was created, as an ISO 8601 date-time. */
  joinedAt: string;
  hasPassword: boolean;
  twoFactorEnabled: boolean;
  hasPlexPass: boolean;
  /** When a remembered token lapses unless used, as ISO 8601, when plex.tv said. */
  rememberExpiresAt: string | null;
}
