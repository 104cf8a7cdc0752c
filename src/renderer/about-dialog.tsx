import { useId } from 'react';
import type { AppInfo } from '../shared/ipc-views';
import { PROJECT_LINKS } from '../shared/external-links';
import { ExternalLink } from './external-link';
import { useModalDialog } from './use-modal-dialog';

interface AboutDialogProps {
  /** null when main could not say: the dialog still names the app and says who made it. */
  appInfo: AppInfo | null;
  onClose: () => void;
}

/** Who made this app, which version it is, its licence and where it lives. Focus starts on Close. */
export function AboutDialog({ appInfo, onClose }: AboutDialogProps) {
  const ids = useId();
  const { dialogRef, focusRef: closeRef } = useModalDialog<HTMLButtonElement>();

  return (
    <dialog
      ref={dialogRef}
      className="dialog about"
      aria-modal="true"
      aria-labelledby={`${ids}title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => onClose()}
    >
      <div className="brand">
        <img className="brand-icon" src="./favicon.svg" alt="" width={40} height={40} />
        <h2 id={`${ids}title`}>About {appInfo?.productName ?? 'Plex Sign-In'}</h2>
      </div>
      {appInfo && <p className="about-version">Version {appInfo.version}</p>}
      <p>
        An independent app, not made by Plex. It talks only to plex.tv, and sends nothing anywhere else: no telemetry.
      </p>
      {appInfo && (
        <p>
          plex.tv lists this computer as <strong className="device-name">“{appInfo.deviceName}”</strong> under
          Authorized Devices.
        </p>
      )}
      <p>
        Licence: {appInfo?.license ?? 'MIT'} ·{' '}
        <ExternalLink href={appInfo?.homepage ?? PROJECT_LINKS.homepage}>Project page</ExternalLink>
      </p>
      <div className="button-row">
        <button ref={closeRef} type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
