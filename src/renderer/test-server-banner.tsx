interface TestServerBannerProps {
  apiUrl: string;
}

/** Shown on every screen when the app talks to something other than plex.tv. */
export function TestServerBanner({ apiUrl }: TestServerBannerProps) {
  return (
    <header className="test-banner">
      <p>
        <span className="test-banner-icon" aria-hidden="true">
          ⚠
        </span>
        Test server: {apiUrl} — not plex.tv
      </p>
    </header>
  );
}
