import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './app';
import './styles.css';

// Both answers come from main without touching the network: ask before React starts, then
// render the right screen in one go (a signed-in user never sees the form flash by).
const launch = Promise.all([api.getAppInfo(), api.getSession()]);

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  void launch.then(([info, session]) => {
    flushSync(() => root.render(<App appInfo={info.ok ? info.value : null} initialSession={session} />));
  });
}
