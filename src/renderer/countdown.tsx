import { useEffect, useState } from 'react';
import { durationAttribute, formatTimeLeft, msUntilNextTick, secondsLeft, timeLeftAnnouncement } from './time-left';

interface CountdownProps {
  /** When plex.tv forgets the request, as ISO 8601. */
  expiresAt: string;
}

/**
 * "Time left: 14:05", updated each second. The visible numbers are not a live region (a
 * screen reader would read every second); a separate polite one says the minutes left,
 * every few minutes and each of the last five.
 */
export function Countdown({ expiresAt }: CountdownProps) {
  const deadline = Date.parse(expiresAt);
  const [now, setNow] = useState(() => Date.now());
  const seconds = secondsLeft(deadline, now);
  const [announced, setAnnounced] = useState(
    () => timeLeftAnnouncement(seconds) ?? `${Math.ceil(seconds / 60)} minutes left.`,
  );

  useEffect(() => {
    let timer: number | undefined;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      if (secondsLeft(deadline, at) > 0) timer = window.setTimeout(tick, msUntilNextTick(deadline, at));
    };
    timer = window.setTimeout(tick, msUntilNextTick(deadline, Date.now()));
    return () => window.clearTimeout(timer);
  }, [deadline]);

  const sentence = timeLeftAnnouncement(seconds);
  useEffect(() => {
    if (sentence !== null) setAnnounced(sentence);
  }, [sentence]);

  return (
    <>
      <p className="countdown">
        Time left: <time dateTime={durationAttribute(seconds)}>{formatTimeLeft(seconds)}</time>
      </p>
      <p className="visually-hidden" role="status">
        {announced}
      </p>
    </>
  );
}
