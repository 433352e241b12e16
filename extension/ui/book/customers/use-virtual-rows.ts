import { defaultRangeExtractor, elementScroll, observeElementOffset, observeElementRect, Virtualizer, type Rect, type VirtualizerOptions } from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

/** Height of a row in CSS pixels (book-page.css `.grid-row`); rows are one line, so no measuring is needed. */
export const ROW_HEIGHT = 40;
/**
 * Rows drawn beyond each edge: none. Rows are drawn in the scroll event, before the frame is painted, so none is
 * ever seen missing, and the keyboard's next row is drawn as the active one (`keep`) before it takes the focus.
 * Each row drawn beyond the view was one more row rewritten on every frame of a fast scroll, where the page's
 * time goes to laying out and painting the cells (Chromium's performance metrics over a whole-table scroll: 16
 * rows in the DOM cost 14 ms a frame, 12 rows 11.6 ms).
 */
const OVERSCAN = 0;
/** Where the scroller has no size yet (not laid out, or a test DOM): a screenful, so the first rows are drawn. */
const FALLBACK_RECT: Rect = { width: 1200, height: 640 };

/**
 * @tanstack/virtual-core's Virtualizer driven from Preact hooks: the rows in view (plus overscan) and, always,
 * `keep` (the active row, so keyboard focus survives scrolling it out of view).
 */
export function useVirtualRows(count: number, scroller: RefObject<HTMLElement | null>, keep: number | null): Virtualizer<HTMLElement, HTMLElement> {
  const [, redraw] = useReducer<number, void>((n) => n + 1, 0);
  const options = (): VirtualizerOptions<HTMLElement, HTMLElement> => ({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollToFn: elementScroll,
    observeElementOffset,
    observeElementRect: (instance, onRect) => observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : FALLBACK_RECT)),
    initialRect: FALLBACK_RECT,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      if (keep === null || keep >= count || indexes.includes(keep)) return indexes;
      return [...indexes, keep].sort((a, b) => a - b);
    },
    onChange: () => redraw(),
  });
  const [virtualizer] = useState(() => new Virtualizer(options()));
  virtualizer.setOptions(options());
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
