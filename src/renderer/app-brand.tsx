import { useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../shared/ipc-views';
import { AboutDialog } from './about-dialog';

interface AppBrandProps {
  appInfo: AppInfo | null;
}

/**
 * The app's own name and icon, with the line that it is not Plex's, at the top of the
 * sign-in screen: a careful user sees whose window they type a password into.
 */
export function AppBrand({ appInfo }: AppBrandProps) {
  return (
    <div className="brand">
      <img className="brand-icon" src="./favicon.svg" alt="" width={36} height={36} />
      <div>
        <p className="brand-name">{appInfo?.productName ?? 'Plex Sign-In'}</p>
        <p className="brand-note">An independent app, not made by Plex. It talks only to plex.tv.</p>
      </div>
    </div>
  );
}

/** "About": the version, licence and project page, in a dialog. */
export function AboutButton({ appInfo, variant }: AppBrandProps & { variant: 'link' | 'small' }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const restoreFocus = useRef(false);
  // Back to About once the dialog has left the page (while it is open, the page behind is inert).
  useEffect(() => {
    if (open || !restoreFocus.current) return;
    restoreFocus.current = false;
    buttonRef.current?.focus();
  }, [open]);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={variant === 'link' ? 'button-link' : 'button secondary small'}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        About
      </button>
      {open && (
        <AboutDialog
          appInfo={appInfo}
          onClose={() => {
            restoreFocus.current = true;
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
