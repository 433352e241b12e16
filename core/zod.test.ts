import { describe, expect, it } from 'vitest';
import { z } from './zod';

describe('core/zod', () => {
  it('puts zod in jitless mode: validators are interpreted, never compiled with new Function', () => {
    expect(z.config().jitless).toBe(true);
  });
});
