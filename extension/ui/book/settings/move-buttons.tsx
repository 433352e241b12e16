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

/**
 * After a reorder the moved row is drawn in its new place: focus its button for the same direction, or the
 * other one when that end of the list is reached (a disabled button cannot hold the focus).
 */
export function refocusMoved(container: HTMLElement | null, id: string, direction: 'up' | 'down'): void {
  const same = container?.querySelector<HTMLButtonElement>(`[data-move="${CSS.escape(id)}:${direction}"]`);
  const other = container?.querySelector<HTMLButtonElement>(`[data-move="${CSS.escape(id)}:${direction === 'up' ? 'down' : 'up'}"]`);
  (same && !same.disabled ? same : other)?.focus();
}
