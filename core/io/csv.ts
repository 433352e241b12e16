/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, lines end in CRLF.
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so such
 * cells get a leading apostrophe: a customer named "=HYPERLINK(...)" stays text when the seller opens the file.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The whole file: one line per row, the header first; a BOM so spreadsheets read it as UTF-8. */
export function csvDocument(rows: Iterable<readonly string[]>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
