import { useEffect, useId, useRef, useState } from 'react';
import type { IpcError, ToolTokenStatus, ToolTokensView, ToolTokenView } from '../shared/ipc-views';
import { api } from './api';
import { ConfirmDialog } from './confirm-dialog';
import { TOOL_TOKEN_FORMATS } from './copy-formats';
import { CopyMenu } from './copy-menu';
import { FormAlert } from './form-alert';
import { formatDay, formatDayAndTime } from './format-date';
import { NewToolTokenForm } from './new-tool-token-form';
import { StatusLine, useStatus } from './status-line';
import { useSingleFlight } from './use-single-flight';

const STATUS_LABEL: Record<ToolTokenStatus, string> = {
  alive: 'Working',
  revoked: 'Revoked',
  unchecked: 'Not checked',
};

/**
 * "Tokens for your tools": a token of its own for each tool (its own device on plex.tv),
 * which outlives this app's sign-out and can be revoked alone. Listed on mount, then
 * checked with plex.tv in the background. The tokens stay in main: copying happens there.
 */
export function ToolTokensPanel({ onChange }: { onChange: () => void }) {
  const ids = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const copyButtons = useRef(new Map<string, HTMLButtonElement>());
  const revokeButtons = useRef(new Map<string, HTMLButtonElement>());
  /** What takes focus after the next render: a row's button, or the panel's heading. */
  const focusNext = useRef<(() => HTMLElement | null | undefined) | null>(null);

  const [list, setList] = useState<ToolTokensView | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const [checking, setChecking] = useState(false);
  const [formOpen, setFormOpen] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ToolTokenView | null>(null);
  const [revokeError, setRevokeError] = useState<IpcError | null>(null);
  const { running, run } = useSingleFlight<'create' | 'revoke'>();
  const { status, say } = useStatus();

  useEffect(() => {
    let live = true;
    void (async () => {
      const listed = await api.listToolTokens();
      if (!live) return;
      if (!listed.ok) return setLoadError(listed.error);
      setList(listed.value);
      if (listed.value.tokens.length === 0) return;
      setChecking(true);
      const checked = await api.checkToolTokens();
      if (!live) return;
      setChecking(false);
      if (checked.ok) setList(checked.value);
      else say(`Couldn’t check the tokens with plex.tv: ${checked.error.message}`, true);
    })();
    return () => {
      live = false;
    };
  }, [say]);

  useEffect(() => {
    const target = focusNext.current?.();
    if (!target) return;
    focusNext.current = null;
    target.focus();
  });

  async function create(name: string): Promise<void> {
    setCreateError(null);
    const result = await run('create', () => api.createToolToken({ name }));
    if (!result) return;
    if (!result.ok) {
      // A refused name goes by the field; plex.tv failing is said in the panel's line.
      if (result.error.kind === 'invalid-name') return setCreateError(result.error.message);
      return say(result.error.message, true);
    }
    const { created } = result.value;
    setList(result.value.list);
    onChange();
    setFormOpen(false);
    say(`Token for ${created.name} made. Choose a format and copy it into ${created.name}.`);
    focusNext.current = () => copyButtons.current.get(created.id);
  }

  async function revoke(token: ToolTokenView): Promise<void> {
    setRevokeError(null);
    const result = await run('revoke', () => api.revokeToolToken({ id: token.id }));
    if (!result) return;
    if (!result.ok) return setRevokeError(result.error);
    setList(result.value);
    onChange();
    setRevoking(null);
    say(`The token for ${token.name} was revoked.`);
    focusNext.current = () => headingRef.current;
  }

  function closeDialog(): void {
    if (!revoking) return;
    const id = revoking.id;
    setRevoking(null);
    setRevokeError(null);
    focusNext.current = () => revokeButtons.current.get(id);
  }

  function closeForm(): void {
    setFormOpen(false);
    setCreateError(null);
    focusNext.current = () => newButtonRef.current;
  }

  const tokens = list?.tokens ?? [];
  const shownStatus =
    status ?? (checking ? { text: 'Checking your tool tokens with plex.tv…', error: false, count: 0 } : null);

  return (
    <section className="screen panel" aria-labelledby={`${ids}title`}>
      <h2 id={`${ids}title`} ref={headingRef} tabIndex={-1}>
        Tokens for your tools
      </h2>
      <p className="hint">
        Give each tool (Tautulli, Kometa, Home Assistant, a script…) a token of its own. They keep working when you sign
        out, sign in again or revoke this app’s own token, and revoking one stops only that tool.
      </p>
      {list?.storage === 'session-only' && (
        <p className="panel-note">
          This computer has no keychain, so tool tokens are kept only until the app quits (they keep working on
          plex.tv).
        </p>
      )}

      <FormAlert error={loadError} />
      {list && tokens.length === 0 && <p className="muted">No tool tokens yet.</p>}
      {tokens.length > 0 && (
        <ul className="item-list" aria-label="Tool tokens">
          {tokens.map((token) => (
            <li key={token.id} className="item">
              <div className="item-head">
                <span className="item-name">{token.name}</span>
                <span className={`badge status-${token.status}`}>{STATUS_LABEL[token.status]}</span>
              </div>
              <p className="item-meta">
                Created {formatDay(token.createdAt) ?? 'at an unknown date'} ·{' '}
                {token.lastCheckedAt ? `last checked ${formatDayAndTime(token.lastCheckedAt)}` : 'not checked yet'}
              </p>
              <div className="item-actions">
                {token.status !== 'revoked' && (
                  <CopyMenu
                    subject={token.name}
                    formats={TOOL_TOKEN_FORMATS}
                    copy={(format) => api.copyToolToken({ id: token.id, format })}
                    onResult={say}
                    buttonRef={(el) => {
                      if (el) copyButtons.current.set(token.id, el);
                      else copyButtons.current.delete(token.id);
                    }}
                  />
                )}
                <button
                  ref={(el) => {
                    if (el) revokeButtons.current.set(token.id, el);
                    else revokeButtons.current.delete(token.id);
                  }}
                  type="button"
                  className="button secondary small danger-text"
                  aria-haspopup="dialog"
                  aria-label={`Revoke ${token.name}…`}
                  onClick={() => {
                    setRevokeError(null);
                    setRevoking(token);
                  }}
                >
                  Revoke…
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <StatusLine status={shownStatus} />

      {formOpen ? (
        <NewToolTokenForm
          existing={tokens.map((t) => t.name)}
          busy={running === 'create'}
          error={createError}
          onCreate={(name) => void create(name)}
          onCancel={closeForm}
          onEdit={() => setCreateError(null)}
        />
      ) : (
        <div className="button-row">
          <button
            ref={newButtonRef}
            type="button"
            className="button primary"
            disabled={list === null && loadError === null}
            onClick={() => setFormOpen(true)}
          >
            New token…
          </button>
        </div>
      )}

      {revoking && (
        <ConfirmDialog
          title={`Revoke the token for ${revoking.name}?`}
          confirmLabel="Revoke token"
          busyLabel="Revoking…"
          busy={running === 'revoke'}
          error={revokeError}
          onConfirm={() => void revoke(revoking)}
          onCancel={closeDialog}
        >
          <p>
            {revoking.status === 'revoked'
              ? `${revoking.name}’s token already stopped working on plex.tv; this removes it from the list.`
              : `${revoking.name} stops working with Plex until you give it a new token. Your other tools and this app keep working.`}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
