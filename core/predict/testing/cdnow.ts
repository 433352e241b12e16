// Test-only parsing of the CDNOW summary files (Fader & Hardie's cohort, 2,357 customers,
// times in weeks). The tests read the files themselves; this stays pure.

export interface CdnowCustomer {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  /** Mean value of repeat purchases in dollars; only in the "with_transactions" file. */
  readonly monetaryValue: number;
}

/** Parses either summary CSV (ID,frequency,recency,T or ID,x,t_x,T,zbar). */
export function parseCdnowSummary(csv: string): CdnowCustomer[] {
  const lines = csv.trim().split(/\r?\n/);
  return lines.slice(1).map((line) => {
    const [, frequency, recency, T, zbar] = line.split(',').map(Number);
    if (frequency === undefined || recency === undefined || T === undefined) throw new Error(`Bad CDNOW line: ${line}`);
    return { frequency, recency, T, monetaryValue: zbar ?? 0 };
  });
}
