// The countdown of a browser or link-code sign-in: what the screen shows each second, and
// the much rarer sentence a screen reader is told.

/** Whole seconds from `now` until `deadline` (both epoch ms), rounded up; never below 0. */
export function secondsLeft(deadline: number, now: number): number {
  if (!Number.isFinite(deadline)) return 0;
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** "14:05": minutes and seconds, both at least two digits. */
export function formatTimeLeft(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** An ISO 8601 duration for `<time dateTime>`, e.g. "PT14M5S". */
export function durationAttribute(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `PT${Math.floor(s / 60)}M${s % 60}S`;
}

/**
 * The sentence for the polite live region, or null when this moment is not worth one:
 * every 5 minutes, then each of the last 5 minutes, then once at the end. Its text only
 * changes with the minute, so it is announced at most once a minute.
 */
export function timeLeftAnnouncement(seconds: number): string | null {
  if (seconds <= 0) return 'Time is up: this sign-in request has expired.';
  const minutes = Math.ceil(seconds / 60);
  if (minutes === 1) return 'Less than a minute left.';
  if (minutes <= 5 || minutes % 5 === 0) return `${minutes} minutes left.`;
  return null;
}

/** Milliseconds until the shown number of seconds next changes (a tick on each change). */
export function msUntilNextTick(deadline: number, now: number): number {
  const remainder = (deadline - now) % 1000;
  return (remainder > 0 ? remainder : 1000) + 5;
}
