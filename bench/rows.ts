/** One printed figure of `npm run bench`, with its peer and ratio where the issue names one. */
export interface BenchRow {
  figure: string;
  value: string;
  peer?: string;
  ratio?: string;
  goal?: string;
  met?: boolean;
  note?: string;
}

/** Prints rows as a plain table (stdout is what the closing notes quote). */
export function printRows(title: string, rows: BenchRow[]): void {
  console.log(`\n## ${title}`);
  const table = rows.map((row) => ({
    figure: row.figure,
    value: row.value,
    peer: row.peer ?? '',
    ratio: row.ratio ?? '',
    goal: row.goal ? `${row.goal} ${row.met === undefined ? '' : row.met ? '(met)' : '(MISSED)'}`.trim() : '',
    note: row.note ?? '',
  }));
  const columns = ['figure', 'value', 'peer', 'ratio', 'goal', 'note'] as const;
  const used = columns.filter((column) => table.some((row) => row[column] !== ''));
  const widths = used.map((column) => Math.max(column.length, ...table.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line([...used]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of table) console.log(line(used.map((column) => row[column])));
}
