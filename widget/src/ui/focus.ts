const CANDIDATES = 'button,input,textarea,select,a[href],[tabindex]';

/**
 * Tab stops of a container in DOM order. Radios are left out: in our layouts they are never the first or last
 * stop (the close button leads, the submit button trails), so we need not work out each group's own stop.
 */
export function tabStops(container: Element): HTMLElement[] {
  const found = container.querySelectorAll<HTMLElement>(CANDIDATES);
  const stops: HTMLElement[] = [];
  for (let i = 0; i < found.length; i++) {
    const el = found[i]!;
    if (el.tabIndex < 0 || (el as HTMLInputElement).disabled || (el as HTMLInputElement).type === 'radio') continue;
    if (!el.getClientRects().length) continue; // hidden (e.g. contact fields before consent)
    stops.push(el);
  }
  return stops;
}

/** Keeps Tab and Shift+Tab cycling inside `container` (the modal dialog). Call from its keydown handler. */
export function trapTab(event: KeyboardEvent, container: Element, root: ShadowRoot): void {
  const stops = tabStops(container);
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  const active = root.activeElement;
  const outside = !active || !container.contains(active);
  if (event.shiftKey ? outside || active === first : outside || active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/** The checked radio of the first score group, or its first radio: where the visitor starts. */
export function focusFirstScore(container: Element): void {
  const radio = container.querySelector<HTMLInputElement>('input[type=radio]:checked') || container.querySelector<HTMLInputElement>('input[type=radio]');
  if (radio) radio.focus();
}
