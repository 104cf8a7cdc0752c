// Stands in for `follow-redirects` in the CLI bundle only. The Plex client sets
// maxRedirects: 0 (a redirect from plex.tv is reported, never followed), so axios uses
// node:http directly and never reaches this module's transports.
const disabled = {
  request(): never {
    throw new Error('following redirects is disabled in the plex-signin CLI');
  },
};
export default { http: disabled, https: disabled };
