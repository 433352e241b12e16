import { useBook } from './book-context';
import { hrefOf } from './router';
import type { Feature } from './routes';

/** The features as plain links: Tab reaches each, Enter follows it, and the current one says so to assistive tech. */
export function BookNav({ features, current }: { features: readonly Feature[]; current: Feature }) {
  const { t } = useBook();
  return (
    <nav aria-label={t('nav.label')} class="book-nav">
      <ul>
        {features.map((feature) => (
          <li key={feature.id}>
            <a href={hrefOf([feature.path])} aria-current={feature.id === current.id ? 'page' : undefined}>
              {feature.icon && (
                <span class="nav-icon" aria-hidden="true">
                  {feature.icon}
                </span>
              )}
              {t(feature.labelKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
