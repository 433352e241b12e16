import { useEffect, useMemo, useState } from 'preact/hooks';

/**
 * Where the book page is: hash routes (`book.html#/clientes/<id>?busca=ana`), since an extension page has no
 * server to answer deep paths. The hash keeps the place through a reload and gives back/forward for free.
 */
export interface Route {
  /** The path's parts, decoded: `#/clientes/abc` → ['clientes', 'abc']; [] for no hash at all. */
  segments: string[];
  /** The query after the path: search and filter state. */
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const cut = body.indexOf('?');
  const path = cut < 0 ? body : body.slice(0, cut);
  const segments = path
    .split('/')
    .filter((part) => part !== '')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  return { segments, params: new URLSearchParams(cut < 0 ? '' : body.slice(cut + 1)) };
}

/** The href of a route: `hrefOf(['clientes', id], { busca: 'ana' })` → `#/clientes/<id>?busca=ana`. */
export function hrefOf(segments: readonly string[], params?: Record<string, string> | URLSearchParams): string {
  const query = new URLSearchParams(params).toString();
  return `#/${segments.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
}

const ROUTE_CHANGED = 'clientela:route';

/** Goes to `href` (a hash); `replace` rewrites the current history entry instead of adding one (redirects, filters). */
export function navigate(href: string, { replace = false }: { replace?: boolean } = {}): void {
  if (!replace) {
    location.hash = href;
    return;
  }
  history.replaceState(history.state, '', `${location.pathname}${location.search}${href}`);
  // replaceState fires no event of its own.
  window.dispatchEvent(new Event(ROUTE_CHANGED));
}

/** The current route, following links, typed hashes, back and forward, and navigate(). */
export function useRoute(): Route {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const follow = () => setHash(location.hash);
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    window.addEventListener(ROUTE_CHANGED, follow);
    follow();
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
      window.removeEventListener(ROUTE_CHANGED, follow);
    };
  }, []);
  return useMemo(() => parseHash(hash), [hash]);
}
