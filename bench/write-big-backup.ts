// Writes a big synthetic backup file and exits: run as its own process by benches that time a browser, so the
// gigabyte-sized document never lives in the bench's own heap (whose collections would take a core from the
// browser while it is timed). Usage: node --import tsx bench/write-big-backup.ts <file> <customers> <orders> <feedback> <seed>
import { writeBackupFile } from './backup-bench';
import { bigBackupDocument } from './big-backup';

const [file, customers, orders, feedback, seed] = process.argv.slice(2);
if (!file) throw new Error('usage: write-big-backup.ts <file> <customers> <orders> <feedback> <seed>');
await writeBackupFile(bigBackupDocument({ customers: Number(customers), orders: Number(orders), feedback: Number(feedback), seed: Number(seed) }), file);
