import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { STALE_DAYS } from '../shared/ipc-contract';
import type { DeviceView, IpcError } from '../shared/ipc-views';
import { api } from './api';
import { ConfirmDialog } from './confirm-dialog';
import {
  deviceLabel,
  deviceMark,
  groupDevices,
  plural,
  removable,
  removalConsequence,
  removalProgress,
  removalResult,
  staleReason,
} from './device-cleanup';
import { FormAlert } from './form-alert';
import { formatDay } from './format-date';
import { StatusLine, type StatusMessage } from './status-line';

type StaleDays = (typeof STALE_DAYS)[number];

/**
 * "Authorized Devices": every device signed in to the account, stale ones first, with a
 * clean-up that removes the ticked ones one at a time (plex.tv's rate limit), shows how
 * far it got, and can be stopped. This app's own device cannot be ticked.
 */
export function DevicesPanel({ refresh }: { refresh: number }) {
  const ids = useId();
  const removeButtonRef = useRef<HTMLButtonElement>(null);
  const stopRef = useRef(false);
  const restoreFocus = useRef(false);

  const [days, setDays] = useState<StaleDays>('90');
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState<{ current: number; total: number } | null>(null);
  const [result, setResult] = useState<StatusMessage | null>(null);
  const [stopping, setStopping] = useState(false);

  const lastLoad = useRef(0);
  const load = useCallback(async (staleAfterDays: StaleDays) => {
    const mine = ++lastLoad.current;
    const listed = await api.listDevices({ staleAfterDays });
    if (mine !== lastLoad.current) return; // a newer listing was asked for
    if (!listed.ok) return setLoadError(listed.error);
    setLoadError(null);
    setDevices(listed.value);
    // Keep only ticks of devices still listed.
    setSelected((previous) => new Set(listed.value.filter((d) => previous.has(d.id)).map((d) => d.id)));
  }, []);

  // Listed when asked for ("Show devices"), not on mount: signing in stays one request to
  // plex.tv. Once shown, re-listed when the days change or a tool token comes or goes.
  const [shown, setShown] = useState(false);
  const [listing, setListing] = useState(false);
  useEffect(() => {
    if (!shown) return;
    setListing(true);
    void load(days).finally(() => setListing(false));
  }, [shown, days, load, refresh]);

  useEffect(() => {
    if (confirming || !restoreFocus.current) return;
    restoreFocus.current = false;
    removeButtonRef.current?.focus();
  }, [confirming]);

  const all = devices ?? [];
  const groups = groupDevices(all);
  // In the order shown: stale ones first.
  const chosen = [...groups.stale, ...groups.current].filter((d) => selected.has(d.id) && removable(d));
  const running = removing !== null;

  function toggle(id: string, on: boolean): void {
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function removeChosen(): Promise<void> {
    const queue = chosen;
    setConfirming(false);
    restoreFocus.current = true;
    setResult(null);
    stopRef.current = false;
    setStopping(false);
    let removed = 0;
    let error: string | null = null;
    for (const [index, device] of queue.entries()) {
      if (stopRef.current) break;
      setRemoving({ current: index + 1, total: queue.length });
      const answer = await api.removeDevice({ id: device.id });
      if (!answer.ok) {
        error = answer.error.message;
        break;
      }
      removed += 1;
    }
    const text = removalResult({ removed, total: queue.length, stopped: stopRef.current, error });
    setRemoving(null);
    setStopping(false);
    setResult((previous) => ({ text, error: error !== null, count: (previous?.count ?? 0) + 1 }));
    await load(days);
  }

  function renderDevice(device: DeviceView) {
    const mark = deviceMark(device);
    const reason = staleReason(device, Number(days), all);
    const checkboxId = `${ids}device-${device.id}`;
    const seen = formatDay(device.lastSeenAt);
    const created = formatDay(device.createdAt);
    const kind = [device.product, device.platform].filter(Boolean).join(' · ');
    return (
      <li key={device.id} className="item device">
        <div className="item-head">
          {removable(device) ? (
            <input
              id={checkboxId}
              type="checkbox"
              checked={selected.has(device.id)}
              disabled={running}
              onChange={(event) => toggle(device.id, event.target.checked)}
            />
          ) : (
            <span className="checkbox-space" aria-hidden="true" />
          )}
          {removable(device) ? (
            <label htmlFor={checkboxId} className="item-name">
              {deviceLabel(device)}
            </label>
          ) : (
            <span className="item-name">{deviceLabel(device)}</span>
          )}
          {mark && <span className="badge">{mark}</span>}
        </div>
        <p className="item-meta">
          {kind && <>{kind} · </>}
          {seen ? `last seen ${seen}` : 'never seen'}
          {created && ` · added ${created}`}
        </p>
        {reason && <p className="item-meta stale-reason">{reason}</p>}
        {device.thisApp && (
          <p className="item-meta">This app’s own device: sign out or revoke its token above instead.</p>
        )}
      </li>
    );
  }

  // Progress and result share one reserved line: nothing below moves while a run goes on.
  const line: StatusMessage | null = removing
    ? { text: removalProgress(removing.current, removing.total), error: false, count: 0 }
    : result;

  return (
    <section className="screen panel" aria-labelledby={`${ids}title`}>
      <h2 id={`${ids}title`}>Authorized Devices</h2>
      <p className="hint">
        Everything signed in to your Plex account. Scripts that sign in anew on every run leave stale devices behind.
      </p>
      <div className="field inline-field">
        <label htmlFor={`${ids}days`}>Stale when not seen for</label>
        <select
          id={`${ids}days`}
          value={days}
          disabled={running}
          onChange={(event) => setDays(event.target.value as StaleDays)}
        >
          {STALE_DAYS.map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </select>
      </div>
      <FormAlert error={loadError} />

      {devices && groups.stale.length > 0 && (
        <div className="device-group">
          <div className="group-head">
            <h3 id={`${ids}stale`}>Stale ({groups.stale.length})</h3>
            <button
              type="button"
              className="button-link"
              disabled={running}
              onClick={() => setSelected(new Set([...selected, ...groups.stale.map((d) => d.id)]))}
            >
              Select all stale
            </button>
          </div>
          <ul className="item-list" aria-labelledby={`${ids}stale`}>
            {groups.stale.map(renderDevice)}
          </ul>
        </div>
      )}
      {devices && (
        <div className="device-group">
          <h3 id={`${ids}current`}>In use ({groups.current.length})</h3>
          <ul className="item-list" aria-labelledby={`${ids}current`}>
            {groups.current.map(renderDevice)}
          </ul>
        </div>
      )}

      <StatusLine status={line} />

      <div className="button-row">
        {!devices && (
          <button
            type="button"
            className="button secondary"
            aria-busy={listing}
            onClick={() => (shown ? void load(days) : setShown(true))}
          >
            {listing ? 'Listing devices…' : 'Show devices'}
          </button>
        )}
        {!devices ? null : running ? (
          <button
            type="button"
            className="button secondary"
            aria-busy={stopping}
            onClick={() => {
              stopRef.current = true;
              setStopping(true);
            }}
          >
            {stopping ? 'Stopping…' : 'Stop'}
          </button>
        ) : (
          <button
            ref={removeButtonRef}
            type="button"
            className="button secondary danger-text"
            aria-haspopup="dialog"
            disabled={chosen.length === 0}
            onClick={() => setConfirming(true)}
          >
            {chosen.length > 0 ? `Remove selected (${chosen.length})…` : 'Remove selected…'}
          </button>
        )}
      </div>

      {confirming && (
        <RemoveDialog
          devices={chosen}
          onConfirm={() => void removeChosen()}
          onCancel={() => {
            restoreFocus.current = true;
            setConfirming(false);
          }}
        />
      )}
    </section>
  );
}

function RemoveDialog({
  devices,
  onConfirm,
  onCancel,
}: {
  devices: readonly DeviceView[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const shown = devices.slice(0, 5);
  return (
    <ConfirmDialog
      title={`Remove ${plural(devices.length, 'device')} from your account?`}
      confirmLabel={`Remove ${plural(devices.length, 'device')}`}
      busyLabel="Removing…"
      busy={false}
      error={null}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{removalConsequence(devices)}</p>
      <ul className="dialog-list">
        {shown.map((d) => (
          <li key={d.id}>{deviceLabel(d)}</li>
        ))}
        {devices.length > shown.length && <li>and {devices.length - shown.length} more</li>}
      </ul>
    </ConfirmDialog>
  );
}
