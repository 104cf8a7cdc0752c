import { PLEX_LINKS } from '../shared/external-links';
import { ExternalLink } from './external-link';

interface NoticeBannerProps {
  message: string | null;
  /** The notice is about a token the app no longer holds: offer the page where it can still be revoked. */
  showDevicesLink?: boolean;
  onDismiss: () => void;
}

/**
 * Something to tell the user once (why they were signed out, what was reset). The status
 * region is always in the page so that a message put into it is announced.
 */
export function NoticeBanner({ message, showDevicesLink = false, onDismiss }: NoticeBannerProps) {
  return (
    <div className="notice-region" role="status">
      {message && (
        <div className="notice">
          <div className="notice-text">
            <p>{message}</p>
            {showDevicesLink && (
              <p>
                <ExternalLink href={PLEX_LINKS.authorizedDevices}>Open Authorized Devices on plex.tv</ExternalLink>
              </p>
            )}
          </div>
          <button type="button" className="button secondary small" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
