import { useEffect, useState } from 'preact/hooks';
import type { SearchHit } from '../../messaging/protocol';
import { useSidebar } from './sidebar-context';

/** Search the book by name, phone or handle; `onPick` receives the chosen customer (link, or open). */
export function CustomerSearch({ actionLabel, onPick }: { actionLabel: string; onPick: (hit: SearchHit) => void }) {
  const { t, ask } = useSidebar();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);

  useEffect(() => {
    if (!query.trim()) {
      setHits(null);
      return;
    }
    let current = true;
    // Each keystroke asks once; an older answer arriving late is dropped.
    void ask({ type: 'customers/search', query, limit: 8 }).then(
      (answer) => current && setHits(answer.hits),
      () => current && setHits([]),
    );
    return () => {
      current = false;
    };
  }, [query]);

  return (
    <div class="search">
      <label for="clientela-search">{t('searchLabel')}</label>
      <input id="clientela-search" type="search" value={query} autoComplete="off" onInput={(e) => setQuery(e.currentTarget.value)} />
      {hits && hits.length === 0 && <p class="meta">{t('noResults')}</p>}
      {hits && hits.length > 0 && (
        <ul class="hits" aria-label={t('search')}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <span>
                <strong>{hit.displayName}</strong> <span class="meta">{hit.identities[0] ?? ''}</span>
              </span>
              <button type="button" onClick={() => onPick(hit)}>
                {actionLabel}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
