// `npm run demo`: try the app without a Plex account. Starts the fake plex.tv, then the
// desktop app pointed at it (PLEX_API_URL), and stops the fake when the app closes.
// Seeded logins are in the README. Needs the Electron binary (a normal `npm install`
// with internet fetches it).
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const fake = spawn(process.execPath, ['--import', 'tsx', 'testing/fake-plex/start.ts'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const apiUrl = await new Promise((resolve, reject) => {
  readline.createInterface({ input: fake.stdout }).once('line', resolve);
  fake.once('exit', (code) => reject(new Error(`the fake plex.tv stopped (exit ${code})`)));
});
console.log(`Fake plex.tv at ${apiUrl}`);
console.log('Sign in as alice / alice-pass-1, or bob / bob-pass-2 with code 123456 (backup 4f7k9m2q8x3c5v1b),');
console.log('or as carol (no password) with "Sign in with your browser".');

const app = spawn('npx', ['electron-vite', 'preview'], {
  stdio: 'inherit',
  env: { ...process.env, PLEX_API_URL: apiUrl },
  shell: process.platform === 'win32',
});
const stop = () => fake.kill('SIGTERM');
app.on('exit', (code) => {
  stop();
  process.exitCode = code ?? 0;
});
process.on('SIGINT', () => app.kill('SIGINT'));
