import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCpuLine, watchCpuSteal, type CpuTicks } from '../../bench/cpu-steal';

describe('the bench watching CPU steal', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads all ticks and the steal ticks from the first line of /proc/stat, and nothing from another line', () => {
    expect(parseCpuLine('cpu  4705 356 584 3699 23 23 0 12 0 0')).toEqual({ total: 4705 + 356 + 584 + 3699 + 23 + 23 + 0 + 12, steal: 12 });
    expect(parseCpuLine('cpu0 4705 356 584 3699 23 23 0 12 0 0')).toBeNull();
    expect(parseCpuLine('cpu 1 2 3')).toBeNull();
    expect(parseCpuLine('')).toBeNull();
  });

  it('reports the share stolen overall and the worst window, with when it began', () => {
    vi.useFakeTimers();
    // 100 ticks a window; the host takes 5, then 40, then 10 of them.
    const readings: CpuTicks[] = [
      { total: 1_000, steal: 10 },
      { total: 1_100, steal: 15 },
      { total: 1_200, steal: 55 },
      { total: 1_300, steal: 65 },
    ];
    let at = 0;
    const watch = watchCpuSteal(250, () => readings[Math.min(at++, readings.length - 1)] ?? null);
    vi.advanceTimersByTime(750);
    const report = watch.stop();
    expect(report?.overall).toBeCloseTo(55 / 3, 5);
    expect(report?.worst).toBeCloseTo(40, 5);
    expect(report?.worstAt).toBeCloseTo(0.25, 1);
  });

  it('says nothing where the ticks cannot be read', () => {
    expect(watchCpuSteal(250, () => null).stop()).toBeNull();
  });
});
