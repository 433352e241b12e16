import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readOptions } from './src/options';

// The hand-written public declarations must describe every data-* option the code reads, with its default.
describe('clientela-widget.d.ts', () => {
  it('documents every data-* attribute the widget reads, and every command', async () => {
    const dts = await readFile(new URL('./clientela-widget.d.ts', import.meta.url), 'utf8');
    const read: string[] = [];
    readOptions((name) => {
      read.push(name);
      return name === 'data-site' ? 'demo' : name === 'data-endpoint' ? 'https://collector.example' : null;
    });
    expect(new Set(read).size).toBe(7);
    for (const name of new Set(read)) expect(dts, name).toContain(`'${name}'`);
    for (const value of ['pt-BR', 'launcher', 'bottom-right', 'csat']) expect(dts).toContain(`@default '${value}'`);
    for (const command of ['open', 'identify', 'thankyou']) expect(dts).toContain(`(command: '${command}'`);
  });
});
