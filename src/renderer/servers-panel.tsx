import { useId, useState } from 'react';
import type { IpcError, ServerView } from '../shared/ipc-views';
import { api } from './api';
import { SERVER_FORMATS } from './copy-formats';
import { CopyMenu } from './copy-menu';
import { FormAlert } from './form-alert';
import { StatusLine, useStatus } from './status-line';
import { useSingleFlight } from './use-single-flight';

function answeredText(server: ServerView): string | null {
  if (server.answered === null || server.url === null) return null;
  return server.answered ? 'Answered' : 'Did not answer';
}

/**
 * "Servers": the account's own servers and those shared with it, each with the address
 * tools should use and the token that works on it (a shared server has its own). The
 * addresses are only contacted when the user asks ("Check addresses").
 */
export function ServersPanel() {
  const ids = useId();
  const [servers, setServers] = useState<ServerView[] | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const { running, run } = useSingleFlight<'list' | 'probe'>();
  const { status, say } = useStatus();

  // Listed when asked for, not on mount: signing in stays one request to plex.tv.
  async function list(): Promise<void> {
    setLoadError(null);
    const result = await run('list', () => api.listServers());
    if (!result) return;
    if (result.ok) setServers(result.value);
    else setLoadError(result.error);
  }

  async function probe(): Promise<void> {
    const result = await run('probe', () => api.probeServers());
    if (!result) return;
    if (!result.ok) return say(result.error.message, true);
    setServers(result.value);
    setLoadError(null);
    const answered = result.value.filter((s) => s.answered).length;
    say(`Checked: ${answered} of ${result.value.length} answered.`);
  }

  return (
    <section className="screen panel" aria-labelledby={`${ids}title`}>
      <h2 id={`${ids}title`}>Servers</h2>
      <p className="hint">
        The address and token a tool needs for each server. A server shared with you has a token of its own.
      </p>
      <FormAlert error={loadError} />
      {servers && servers.length === 0 && <p className="muted">No servers on this account.</p>}
      {servers && servers.length > 0 && (
        <ul className="item-list" aria-label="Servers">
          {servers.map((server) => {
            const answered = answeredText(server);
            return (
              <li key={server.id} className="item">
                <div className="item-head">
                  <span className="item-name">{server.name}</span>
                  <span className="badge">
                    {server.owned ? 'Yours' : `Shared by ${server.owner ?? 'another account'}`}
                  </span>
                </div>
                {server.url ? (
                  <p className="item-meta">
                    <code className="address-inline">{server.url}</code>
                    {server.connection && ` (${server.connection})`}
                    {answered && (
                      <span className={server.answered ? 'answered' : 'answered no'}>
                        {' · '}
                        {answered}
                      </span>
                    )}
                  </p>
                ) : (
                  <p className="item-meta">plex.tv lists no address a tool could use.</p>
                )}
                <div className="item-actions">
                  <CopyMenu
                    subject={server.name}
                    formats={server.url ? SERVER_FORMATS : SERVER_FORMATS.filter((f) => f.value === 'token')}
                    copy={(format) => api.copyServer({ id: server.id, format })}
                    onResult={say}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <StatusLine status={status} />
      <div className="button-row">
        {servers === null && (
          <button type="button" className="button secondary" aria-busy={running === 'list'} onClick={() => void list()}>
            {running === 'list' ? 'Listing servers…' : 'Show servers'}
          </button>
        )}
        <button
          type="button"
          className="button secondary"
          aria-busy={running === 'probe'}
          disabled={!servers || servers.length === 0}
          onClick={() => void probe()}
        >
          {running === 'probe' ? 'Checking addresses…' : 'Check addresses'}
        </button>
      </div>
      <p className="hint">Check addresses asks each address who it is, without sending any token.</p>
    </section>
  );
}
