import { useState } from 'react';
import { initials } from './initials';

interface AvatarProps {
  /** The account's picture, when plex.tv gave one. */
  src: string | null;
  /** The name the initials are taken from when there is no picture. */
  name: string;
}

/** Decorative: the heading next to it names the account. */
export function Avatar({ src, name }: AvatarProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (src && failedSrc !== src) {
    return (
      <img
        className="avatar"
        src={src}
        alt=""
        width={64}
        height={64}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
        onError={() => setFailedSrc(src)}
      />
    );
  }
  return (
    <span className="avatar avatar-initials" aria-hidden="true">
      {initials(name)}
    </span>
  );
}
