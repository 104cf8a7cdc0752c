// The floor for `npm run bench`: the least a Node program can do to sign in, i.e. one
// form POST over node:http, the token printed from the JSON answer. No error handling.
const http = require('node:http');

const [apiUrl, login, password] = process.argv.slice(2);
const body = new URLSearchParams({ login, password, rememberMe: 'true' }).toString();
const req = http.request(`${apiUrl}/users/signin`, {
  method: 'POST',
  headers: {
    Accept: 'application/json',
    'Content-Type': 'application/x-www-form-urlencoded',
    'Content-Length': Buffer.byteLength(body),
    'X-Plex-Client-Identifier': 'bench-floor-client',
    'X-Plex-Product': 'bench-floor',
  },
});
req.on('response', (res) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => (text += chunk));
  res.on('end', () => process.stdout.write(`${JSON.parse(text).authToken}\n`));
});
req.end(body);
