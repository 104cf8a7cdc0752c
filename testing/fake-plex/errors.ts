// The plex.tv errors the fake answers with (docs/plex-api.md §4), named for the situation.
// Clients key on status and code; the messages follow plex.tv's wording anyway.

export interface PlexError {
  status: number;
  code: number;
  message: string;
}

export const ERRORS = {
  missingClientIdentifier: { status: 400, code: 1000, message: 'X-Plex-Client-Identifier is missing' },
  notAuthenticated: { status: 401, code: 1001, message: 'User could not be authenticated' },
  verificationCodeRequired: { status: 401, code: 1029, message: 'Please enter the verification code' },
  invalidVerificationCode: { status: 401, code: 1028, message: 'Invalid verification code' },
  lockedOut: {
    status: 401,
    code: 1031,
    message:
      'User could not be authenticated. This IP appears to be having trouble signing in to an account (detected repeated failures)',
  },
  pinNotFound: { status: 404, code: 1020, message: 'Code not found or expired' },
  // Not from plex.tv: the fake's own answers for routes and bodies it does not know.
  notFound: { status: 404, code: 404, message: 'Not found' },
  bodyTooLarge: { status: 413, code: 413, message: 'Request body too large' },
  internal: { status: 500, code: 500, message: 'Internal error in the fake plex.tv' },
} as const satisfies Record<string, PlexError>;

/** A control-endpoint error: same body shape as plex.tv's, with a free-form message. */
export function controlError(status: number, message: string): PlexError {
  return { status, code: status, message };
}
