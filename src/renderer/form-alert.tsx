import type { IpcError } from '../shared/ipc-views';
import { PLEX_LINKS } from '../shared/external-links';
import { ExternalLink } from './external-link';

interface FormAlertProps {
  error: IpcError | null;
}

/** A form-level error, above the submit button. A lock-out offers the password reset. */
export function FormAlert({ error }: FormAlertProps) {
  if (!error) return null;
  return (
    <div className="form-alert" role="alert">
      <p>
        <span className="error-icon" aria-hidden="true">
          !
        </span>
        {error.message}
      </p>
      {error.kind === 'locked-out' && (
        <p>
          <ExternalLink href={PLEX_LINKS.resetPassword}>Reset your password on plex.tv</ExternalLink>
        </p>
      )}
    </div>
  );
}
