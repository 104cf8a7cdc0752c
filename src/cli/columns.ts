/** Rows as left-aligned columns two spaces apart, widths counted in characters (not UTF-16 units). */
export function columns(rows: readonly (readonly string[])[]): string {
  const width = (cell: string) => [...cell].length;
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - width(cell)))).join('  ');
  return `${rows.map(line).join('\n')}\n`;
}
