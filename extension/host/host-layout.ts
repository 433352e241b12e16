/** Width of the open sidebar, in CSS pixels. */
export const SIDEBAR_WIDTH = 320;

/**
 * Narrows the host's layout root so the sidebar sits beside the conversation instead of over its message box.
 * Through CSSOM (style.setProperty), which a host page's CSP does not block, and undone exactly on release.
 */
export function reserveSpace(root: HTMLElement | null, width: number): () => void {
  if (!root) return () => undefined;
  const before = { width: root.style.getPropertyValue('width'), priority: root.style.getPropertyPriority('width') };
  root.style.setProperty('width', `calc(100% - ${width}px)`, 'important');
  return () => {
    if (before.width) root.style.setProperty('width', before.width, before.priority);
    else root.style.removeProperty('width');
  };
}
