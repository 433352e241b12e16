// Runs inside Chromium (bundled by bench/browser-bench.ts): the real IndexedDB, as the extension uses it.
import { openBook, type NewCustomer } from '../core';
import { mulberry32 } from '../core/predict/testing/random';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

const AREA_CODES = [11, 12, 13, 19, 21, 27, 31, 41, 47, 48, 51, 61, 71, 81, 85, 91];

/** 100k customers with Brazilian mobiles (each spelled a different way) and Instagram handles. */
function syntheticCustomers(count: number): { customers: NewCustomer[]; phones: string[] } {
  const phones: string[] = [];
  const customers: NewCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const area = AREA_CODES[i % AREA_CODES.length] as number;
    const subscriber = String(10_000_000 + i).slice(-8);
    const spelled = [`(${area}) 9${subscriber.slice(0, 4)}-${subscriber.slice(4)}`, `+55${area}9${subscriber}`, `55${area}9${subscriber}`][i % 3] as string;
    phones.push(`${area} 9${subscriber}`);
    customers.push({ displayName: `Cliente ${i}`, identities: [{ kind: 'phone', value: spelled }, { kind: 'instagram', value: `@cliente_${i}` }] });
  }
  return { customers, phones };
}

export async function runStoreBench(count: number, lookups: number) {
  const name = `bench-${Date.now()}`;
  const book = await openBook({ name });
  const { customers, phones } = syntheticCustomers(count);
  const started = performance.now();
  await book.customers.createMany(customers);
  const insertMs = performance.now() - started;
  const random = mulberry32(42);
  const times: number[] = [];
  for (let i = 0; i < lookups; i++) {
    const index = Math.floor(random() * count);
    const useInstagram = i % 4 === 3;
    const t0 = performance.now();
    const found = useInstagram ? await book.customers.findByIdentity('instagram', `@Cliente_${index}`) : await book.customers.findByIdentity('whatsapp', phones[index] as string);
    times.push(performance.now() - t0);
    if (found.length !== 1 || found[0]?.displayName !== `Cliente ${index}`) throw new Error(`lookup ${i} found ${found.length} customers`);
  }
  times.sort((a, b) => a - b);
  const total = await book.customers.count();
  book.close();
  indexedDB.deleteDatabase(name);
  return { count: total, insertMs, p50: percentile(times, 50), p95: percentile(times, 95), lookups };
}

(globalThis as unknown as { runStoreBench: typeof runStoreBench }).runStoreBench = runStoreBench;
