import { readFileSync } from 'node:fs';

export interface CpuTicks {
  total: number;
  steal: number;
}

/** The first line of /proc/stat as ticks of all CPUs: all of them, and those the host gave to other guests ("steal"). */
export function parseCpuLine(line: string): CpuTicks | null {
  // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest time is inside user already)
  const fields = line.trim().split(/\s+/);
  if (fields[0] !== 'cpu') return null;
  const ticks = fields.slice(1, 9).map(Number);
  if (ticks.length < 8 || ticks.some((value) => !Number.isInteger(value) || value < 0)) return null;
  return { total: ticks.reduce((sum, value) => sum + value, 0), steal: ticks[7] as number };
}

function cpuTicks(): CpuTicks | null {
  try {
    return parseCpuLine(readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '');
  } catch {
    return null;
  }
}

export interface StealReport {
  /** Share of all CPU time the host took for other guests while watching, in percent. */
  overall: number;
  /** The worst 250 ms window, in percent, and when it began, in seconds from the start. */
  worst: number;
  worstAt: number;
}

/**
 * Watches how much CPU the virtual machine's host takes away (Linux's steal time) while a figure is measured, so a
 * run's worst moments can be told apart from the code's. Returns null where /proc/stat cannot be read.
 */
export function watchCpuSteal(windowMs = 250, read: () => CpuTicks | null = cpuTicks): { stop(): StealReport | null } {
  const first = read();
  const started = performance.now();
  let last = first;
  let worst = 0;
  let worstAt = 0;
  const timer = setInterval(() => {
    const now = read();
    if (now === null || last === null) return;
    const total = now.total - last.total;
    if (total > 0) {
      const share = (100 * (now.steal - last.steal)) / total;
      if (share > worst) {
        worst = share;
        worstAt = (performance.now() - started - windowMs) / 1000;
      }
    }
    last = now;
  }, windowMs);
  return {
    stop() {
      clearInterval(timer);
      const end = read();
      if (first === null || end === null || end.total <= first.total) return null;
      return { overall: (100 * (end.steal - first.steal)) / (end.total - first.total), worst, worstAt: Math.max(0, worstAt) };
    },
  };
}
