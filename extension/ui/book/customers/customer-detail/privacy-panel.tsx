import { useState } from 'preact/hooks';
import type { Customer } from '../../../../../core';
import { useBook } from '../../app/book-context';
import { ConfirmStep } from './confirm-step';
import { dossierCsv, dossierFileName, downloadFile } from './dossier-file';

/**
 * The customer's rights under the LGPD: a copy of everything held about them (JSON, complete; CSV, readable), and
 * erasure of their personal data, which keeps their sales (anonymized) so the book's totals stay true.
 */
export function PrivacyPanel({ customer, erasedAt, now = () => new Date() }: { customer: Customer; erasedAt: string | null; now?: () => Date }) {
  const { book, t, locale, timeZone, notify } = useBook();
  const [confirming, setConfirming] = useState(false);

  const exportAs = async (format: 'json' | 'csv') => {
    try {
      const dossier = await book.dossier(customer.id);
      const content = format === 'json' ? `${JSON.stringify(dossier, null, 2)}\n` : dossierCsv(dossier, t, locale, timeZone);
      const name = dossierFileName(format, now(), timeZone);
      downloadFile(name, format === 'json' ? 'application/json' : 'text/csv;charset=utf-8', content);
      notify(t('dataExported', { file: name }));
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'alert');
    }
  };

  const erase = async () => {
    setConfirming(false);
    try {
      await book.forget(customer.id, { displayName: t('erasedCustomerName') });
      notify(t('dataErased'));
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'alert');
    }
  };

  return (
    <section aria-labelledby="detail-privacy-title" class="detail-section" data-testid="privacy-panel">
      <h3 id="detail-privacy-title">{t('privacyTitle')}</h3>
      <p class="meta">{t('privacyExplain')}</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void exportAs('json')}>
          {t('exportJson')}
        </button>
        <button type="button" class="secondary" onClick={() => void exportAs('csv')}>
          {t('exportCsv')}
        </button>
        {!erasedAt && !confirming && (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            {t('eraseData')}
          </button>
        )}
      </div>
      {confirming && <ConfirmStep message={t('confirm.erase', { name: customer.displayName })} confirmLabel={t('eraseDataConfirm')} onConfirm={() => void erase()} onCancel={() => setConfirming(false)} />}
    </section>
  );
}
