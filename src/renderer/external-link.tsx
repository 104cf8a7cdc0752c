import { useState, type ReactNode } from 'react';
import { api } from './api';

interface ExternalLinkProps {
  /** One of PLEX_LINKS: main opens only allow-listed plex.tv addresses. */
  href: string;
  children: ReactNode;
}

/** A link the system browser opens: the click goes through main, the window never navigates. */
export function ExternalLink({ href, children }: ExternalLinkProps) {
  const [failure, setFailure] = useState<string | null>(null);

  async function open(): Promise<void> {
    setFailure(null);
    const result = await api.openLink({ url: href });
    if (!result.ok) setFailure(result.error.message);
  }

  return (
    <>
      <a
        className="link"
        href={href}
        onClick={(event) => {
          event.preventDefault();
          void open();
        }}
        onAuxClick={(event) => event.preventDefault()}
      >
        {children}
        <span className="link-icon" aria-hidden="true">
          {' ↗'}
        </span>
      </a>
      {failure && (
        <span className="inline-error" role="alert">
          {failure}
        </span>
      )}
    </>
  );
}
