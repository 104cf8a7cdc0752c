// For comparison in `npm run bench`: the same sign-in written naively with fetch, which
// loads undici on first use.
const [apiUrl, login, password] = process.argv.slice(2);
fetch(`${apiUrl}/users/signin`, {
  method: 'POST',
  headers: {
    Accept: 'application/json',
    'Content-Type': 'application/x-www-form-urlencoded',
    'X-Plex-Client-Identifier': 'bench-fetch-client',
    'X-Plex-Product': 'bench-fetch',
  },
  body: new URLSearchParams({ login, password, rememberMe: 'true' }),
})
  .then((res) => res.json())
  .then((account) => process.stdout.write(`${account.authToken}\n`));
