// Dates as the panels show them, in the user's locale. The formatters are made on first
// use: building one loads locale data, which the sign-in form never needs.

let day: Intl.DateTimeFormat | null = null;
let dayAndTime: Intl.DateTimeFormat | null = null;

function parse(iso: string | null): Date | null {
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "1 Dec 2026", or null for a missing or unreadable date. */
export function formatDay(iso: string | null): string | null {
  const date = parse(iso);
  if (!date) return null;
  day ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  return day.format(date);
}

/** "1 Dec 2026, 14:03", or null. */
export function formatDayAndTime(iso: string | null): string | null {
  const date = parse(iso);
  if (!date) return null;
  dayAndTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dayAndTime.format(date);
}
