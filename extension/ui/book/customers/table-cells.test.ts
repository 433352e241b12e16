// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { writeParts } from './table-cells';

describe('writing a cell’s parts', () => {
  it('writes names as text, never markup, and reuses the nodes already there', () => {
    const cell = document.createElement('div');
    writeParts(cell, [{ text: 'WhatsApp:', class: 'identity' }, { text: ' <img src=x onerror=alert(1)>' }]);
    expect(cell.innerHTML).toBe('<span class="identity">WhatsApp:</span> &lt;img src=x onerror=alert(1)&gt;');
    expect(cell.querySelector('img')).toBeNull();
    const [span, text] = [...cell.childNodes];
    writeParts(cell, [{ text: 'Instagram:', class: 'identity' }, { text: ' @ana' }, { text: ' +1', class: 'identity' }]);
    expect(cell.textContent).toBe('Instagram: @ana +1');
    // The same span and text node, rewritten; the new part appended.
    expect(cell.childNodes[0]).toBe(span);
    expect(cell.childNodes[1]).toBe(text);
    expect(cell.childNodes).toHaveLength(3);
  });

  it('gives a tag chip its colour, drops it from a span that is no chip, and removes what is no longer there', () => {
    const cell = document.createElement('div');
    writeParts(cell, [
      { text: 'VIP', class: 'tag-chip', colour: '#b3261e' },
      { text: 'Atacado', class: 'tag-chip', colour: '#0b6e4f' },
    ]);
    const chips = [...cell.querySelectorAll<HTMLElement>('.tag-chip')];
    expect(chips.map((chip) => [chip.textContent, chip.style.getPropertyValue('--tag-colour')])).toEqual([
      ['VIP', '#b3261e'],
      ['Atacado', '#0b6e4f'],
    ]);
    writeParts(cell, [{ text: 'calculando…', class: 'identity' }]);
    expect(cell.innerHTML).toBe('<span class="identity">calculando…</span>');
    writeParts(cell, [{ text: 'R$ 12,00' }]);
    expect(cell.innerHTML).toBe('R$ 12,00');
    writeParts(cell, []);
    expect(cell.childNodes).toHaveLength(0);
  });
});
