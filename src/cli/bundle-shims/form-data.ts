// Stands in for the `form-data` package in the CLI bundle only. axios imports it for
// multipart uploads, which plex.tv sign-in never sends; the real package drags in the
// 140 KB mime-db table, a fifth of the CLI's start-up time (see `npm run bench`).
export default class FormDataUnavailable {
  constructor() {
    throw new Error('multipart form data is not available in the plex-signin CLI');
  }
}
