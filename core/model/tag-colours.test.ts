import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn, TAG_PALETTE } from './tag-colours';

describe('tag colours', () => {
  it('every palette colour carries white text at WCAG AA or better, and custom colours get the more readable of black or white', () => {
    for (const colour of TAG_PALETTE) {
      expect(readableTextOn(colour), colour).toBe('#ffffff');
      expect(contrastRatio(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
    }
    expect(readableTextOn('#ffe066')).toBe('#000000');
    expect(readableTextOn('#000080')).toBe('#ffffff');
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
