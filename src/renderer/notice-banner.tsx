interface NoticeBannerProps {
  message: string | null;
  onDismiss: () => void;
}

/**
 * Something to tell the user once (why they were signed out, what was reset). The status
 * region is always in the page so that a message put into it is announced.
 */
export function NoticeBanner({ message, onDismiss }: NoticeBannerProps) {
  return (
    <div className="notice-region" role="status">
      {message && (
        <div className="notice">
          <p>{message}</p>
          <button type="button" className="button secondary small" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
