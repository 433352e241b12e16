import { useEffect } from 'preact/hooks';
import { useBook } from '../app/book-context';

/**
 * "Move up" and "move down" for one row of a list the seller orders by hand. Each button says what it moves;
 * `data-move` lets the list put the focus back on the moved row's button once the new order is drawn.
 */
export function MoveButtons({ id, name, index, count, onMove }: { id: string; name: string; index: number; count: number; onMove: (from: number, to: number) => void }) {
  const { t } = useBook();
  return (
    <>
      <button type="button" class="secondary" data-move={`${id}:up`} disabled={index === 0} aria-label={t('moveUpNamed', { name })} onClick={() => onMove(index, index - 1)}>
        ↑
      </button>
      <button type="button" class="secondary" data-move={`${id}:down`} disabled={index === count - 1} aria-label={t('moveDownNamed', { name })} onClick={() => onMove(index, index + 1)}>
        ↓
      </button>
    </>
  );
}

/** `ids` with the one at `from` moved to `to`. */
export function moved(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  if (id !== undefined) next.splice(to, 0, id);
  return next;
}

/** The row just moved, and where to: the list gives it the focus back once it is drawn there (see useRefocusMoved). */
export interface MovedRow {
  id: string;
  to: number;
  direction: 'up' | 'down';
}

/**
 * Once the list shows the moved row at its new place (moving a focused node drops the focus), focuses its button
 * for the same direction, or the other one at that end of the list (a disabled button cannot hold the focus),
 * then forgets it, so later redraws leave the focus alone.
 */
export function useRefocusMoved(container: { current: HTMLElement | null }, ids: readonly string[], movedRow: MovedRow | null, done: () => void): void {
  useEffect(() => {
    if (!movedRow || ids[movedRow.to] !== movedRow.id) return;
    const button = (direction: string) => container.current?.querySelector<HTMLButtonElement>(`[data-move="${CSS.escape(movedRow.id)}:${direction}"]`);
    const same = button(movedRow.direction);
    (same && !same.disabled ? same : button(movedRow.direction === 'up' ? 'down' : 'up'))?.focus();
    done();
  }, [ids.join(' '), movedRow]);
}

/** Focuses what `selector` finds in `container` after the coming redraw (an editor closed, a question answered). */
export function focusAfterRender(container: HTMLElement | null, selector: string): void {
  requestAnimationFrame(() => container?.querySelector<HTMLElement>(selector)?.focus());
}
