// Where an unreadable settings file is moved: next to it, named for when it was found,
// so nothing the user had is deleted and the app can start over with a new file.

export function corruptFileName(file: string, now: Date = new Date()): string {
  // No ':' in the stamp: Windows refuses it in file names.
  return `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
}
