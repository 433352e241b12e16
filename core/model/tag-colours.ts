/**
 * The colours a tag may take from the palette: dark enough that white text on them passes WCAG AA (4.5:1), so a
 * tag shown as a filled chip reads the same in the light and the dark theme. A custom colour gets black or white
 * text, whichever contrasts more (readableTextOn).
 */
export const TAG_PALETTE = ['#0b6e4f', '#1f6feb', '#8250df', '#bf3989', '#d1242f', '#bc4c00', '#9a6700', '#57606a'] as const;

/** WCAG relative luminance of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever is easier to read on `background` (`#rrggbb`). */
export function readableTextOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}
