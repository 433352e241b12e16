import { useEffect, useRef, useState } from 'preact/hooks';
import { CUSTOMER_PRESET_IDS, ORDER_PRESET_IDS, type ImportedCustomer, type ImportedOrder } from '../../../../core/io/import';
import type { ImportKind } from '../../../../core/io/import/book-source';
import { BookWorkerError } from '../../../backup/worker-protocol';
import type { FileImport, ImportPreview, ImportProgressReport, ImportSettings } from '../../../import/import-protocol';
import { formatDate, formatDateTime, formatMoney, formatPercent } from '../../../i18n/format';
import { enumLabel } from '../../../i18n/labels';
import { numberFormat } from '../../../../core/locale';
import { useBook, type BookTools } from '../app/book-context';
import { throttled } from '../backup/backup-page';
import { ColumnChoices } from './column-choices';
import { ProblemList, Problems, SHOWN_PROBLEMS } from './import-problems';
import { useImportServices } from './import-services';

/** The book's main currency and the country of phones without a code (as the rest of the extension assumes). */
const MAIN_CURRENCY = 'BRL';
const DEFAULT_COUNTRY = 'BR';

const PRESET_NAMES: Record<string, string> = {
  shopify: 'Shopify',
  'shopify-legacy': 'Shopify (antigo)',
  woocommerce: 'WooCommerce',
  nuvemshop: 'Nuvemshop',
  mercadolivre: 'Mercado Livre',
  shopee: 'Shopee',
  bling: 'Bling',
  kyte: 'Kyte',
};

type Stage =
  | { at: 'pick' }
  /** `shown`: the preview kept on screen while a changed layout or column is read again. */
  | { at: 'reading'; file: File; shown?: Extract<Stage, { at: 'preview' }> }
  | { at: 'preview'; file: File; preview: ImportPreview; settings: ImportSettings }
  | { at: 'running'; file: File; preview: ImportPreview; settings: ImportSettings; dryRun: boolean; progress: ImportProgressReport | null; started: number }
  | { at: 'result'; file: File; preview: ImportPreview; settings: ImportSettings; result: FileImport };

/** What the screen says at the end of a run that did not finish. */
type Outcome = { kind: 'cancelled' | 'error'; text: string } | null;

/**
 * Importar: the seller picks or drops a store's export; the book worker reads its first rows (the detected kind,
 * layout and encoding, the rows as they will be read, their problems); a check counts what an import would do
 * without writing; the import runs in the worker in one transaction, with progress, rate and cancel. A cancelled
 * or failed import rolls back whole. Every problem row goes into a report the seller can download.
 */
export function ImportScreen() {
  const tools = useBook();
  const { t, timeZone } = tools;
  const services = useImportServices();
  const [stage, setStage] = useState<Stage>({ at: 'pick' });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [dragging, setDragging] = useState(false);
  const job = useRef<AbortController | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  /** The preview's heading takes focus when a file's preview first appears, not when a change of column reads it again. */
  const focusPreview = useRef(false);

  useEffect(() => () => job.current?.abort(), []);
  // Focus follows the flow: Cancelar while working, the result at the end, the preview once read.
  useEffect(() => {
    if (stage.at === 'running') cancelRef.current?.focus();
    if (stage.at === 'result' || outcome) resultRef.current?.focus();
    if (stage.at === 'preview' && !outcome && focusPreview.current) previewRef.current?.focus();
    focusPreview.current = false;
  }, [stage.at, outcome]);

  const read = async (file: File, settings: ImportSettings) => {
    const controller = new AbortController();
    job.current?.abort();
    job.current = controller;
    setOutcome(null);
    const again = stage.at === 'preview' && stage.file === file;
    setStage(again ? { at: 'reading', file, shown: stage } : { at: 'reading', file });
    try {
      const preview = await services.preview(file, settings, { signal: controller.signal });
      if (controller.signal.aborted) return;
      focusPreview.current = !again;
      setStage({ at: 'preview', file, preview, settings: { ...settings, kind: preview.kind, preset: preview.preset ?? 'generic' } });
    } catch (error) {
      if (controller.signal.aborted) return;
      setOutcome({ kind: 'error', text: t('import.unreadable', { message: messageOf(error) }) });
      setStage({ at: 'pick' });
    }
  };

  const choose = (file: File | undefined) => {
    if (!file) return;
    void read(file, { kind: 'auto', preset: 'auto', timeZone, currency: MAIN_CURRENCY, defaultCountry: DEFAULT_COUNTRY });
  };

  const run = async (dryRun: boolean) => {
    if (stage.at !== 'preview' && stage.at !== 'result') return;
    const { file, preview, settings } = stage;
    const controller = new AbortController();
    job.current = controller;
    setOutcome(null);
    const started = performance.now();
    setStage({ at: 'running', file, preview, settings, dryRun, progress: null, started });
    const progress = throttled((report: ImportProgressReport) => setStage({ at: 'running', file, preview, settings, dryRun, progress: report, started }), 250);
    try {
      const result = await services.run(file, settings, dryRun, { signal: controller.signal, onProgress: progress.push });
      progress.cancel();
      setStage({ at: 'result', file, preview, settings, result });
      tools.notify(dryRun ? t('import.checked') : t('import.done'));
    } catch (error) {
      progress.cancel();
      const cancelled = controller.signal.aborted || (error instanceof BookWorkerError && error.code === 'cancelled');
      setOutcome(cancelled ? { kind: 'cancelled', text: t('import.cancelled') } : { kind: 'error', text: t('import.failed', { message: messageOf(error) }) });
      setStage({ at: 'preview', file, preview, settings });
    } finally {
      if (job.current === controller) job.current = null;
    }
  };

  const restart = () => {
    job.current?.abort();
    setOutcome(null);
    setStage({ at: 'pick' });
    if (fileRef.current) fileRef.current.value = '';
  };

  const busy = stage.at === 'reading' || stage.at === 'running';
  // One place for the preview, whatever the stage: a layout or column read again keeps it (and its open parts) on screen.
  const shown = stage.at === 'reading' ? stage.shown : stage.at === 'pick' ? undefined : stage;
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) choose(event.dataTransfer?.files[0]);
  };

  return (
    <div class="import-screen">
      <p>{t('import.intro')}</p>
      <p class="meta">{t('import.allOrNothing')}</p>
      <div
        class={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid="import-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label class="file">
          {t('import.pick')}
          <input
            ref={fileRef}
            type="file"
            data-testid="import-file"
            accept=".csv,.txt,.tsv,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
            disabled={busy}
            onChange={(event) => choose((event.currentTarget as HTMLInputElement).files?.[0])}
          />
        </label>
        <p class="meta">{t('import.drop')}</p>
      </div>
      {shown && <PreviewSection stage={shown} locked={stage.at !== 'preview'} tools={tools} headingRef={previewRef} onSettings={(settings) => void read(shown.file, settings)} />}
      {stage.at === 'reading' && (
        <p role="status" data-testid="import-reading">
          {t('import.reading', { file: stage.file.name })}
        </p>
      )}
      {outcome && (
        <div ref={resultRef} tabIndex={-1} role={outcome.kind === 'error' ? 'alert' : 'status'} class={outcome.kind === 'error' ? 'error' : 'ok'} data-testid="import-outcome">
          <p>{outcome.text}</p>
        </div>
      )}
      {stage.at === 'preview' && (
        <div class="actions">
          <button type="button" data-testid="import-check" onClick={() => void run(true)}>
            {t('import.check')}
          </button>
          <button type="button" class="secondary" data-testid="import-go" onClick={() => void run(false)}>
            {t('import.go')}
          </button>
          <button type="button" class="secondary" data-testid="import-another" onClick={restart}>
            {t('import.another')}
          </button>
        </div>
      )}
      {stage.at === 'running' && <Running stage={stage} tools={tools} cancelRef={cancelRef} onCancel={() => job.current?.abort()} />}
      {stage.at === 'result' && (
        <div ref={resultRef} tabIndex={-1} role="status" class="import-result" data-testid="import-result">
          <ResultCounts result={stage.result} tools={tools} />
          <Problems problems={stage.result.problems} total={stage.result.problemCount} tools={tools} fileName={stage.file.name} />
          <div class="actions">
            {stage.result.dryRun && (
              <button type="button" data-testid="import-go" onClick={() => void run(false)}>
                {t('import.go')}
              </button>
            )}
            <button type="button" class="secondary" data-testid="import-another" onClick={restart}>
              {t('import.another')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function PreviewSection({
  stage,
  locked,
  tools,
  headingRef,
  onSettings,
}: {
  stage: Extract<Stage, { preview: ImportPreview }>;
  locked: boolean;
  tools: BookTools;
  headingRef: { current: HTMLHeadingElement | null };
  onSettings: (settings: ImportSettings) => void;
}) {
  const { t } = tools;
  const { preview, settings, file } = stage;
  const presets = preview.kind === 'orders' ? [...ORDER_PRESET_IDS] : [...CUSTOMER_PRESET_IDS];
  const presetName = (id: string) => PRESET_NAMES[id] ?? t('import.preset.generic');
  return (
    <section class="import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" ref={headingRef} tabIndex={-1}>
        {file.name}
      </h2>
      <p data-testid="import-detected">
        {t(preview.kind === 'orders' ? 'import.detectedOrders' : 'import.detectedCustomers', { preset: presetName(preview.preset ?? 'generic') })}
        {preview.encoding && ` · ${t('import.encoding', { encoding: preview.encoding === 'windows-1252' ? 'Windows-1252 (Latin-1)' : 'UTF-8' })}`}
      </p>
      <div class="fields">
        <label>
          {t('import.kind')}
          <select data-testid="import-kind" disabled={locked} value={preview.kind} onChange={(event) => onSettings({ ...settings, kind: (event.currentTarget as HTMLSelectElement).value as ImportKind, preset: 'auto', columns: undefined })}>
            <option value="orders">{t('import.kind.orders')}</option>
            <option value="customers">{t('import.kind.customers')}</option>
          </select>
        </label>
        <label>
          {t('import.preset')}
          <select data-testid="import-preset" disabled={locked} value={preview.preset ?? 'generic'} onChange={(event) => onSettings({ ...settings, kind: preview.kind, preset: (event.currentTarget as HTMLSelectElement).value, columns: undefined })}>
            {presets.map((id) => (
              <option key={id} value={id}>
                {presetName(id)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {preview.kind === 'orders' && preview.preset === 'woocommerce' && <p class="notice">{t('import.nameOnly')}</p>}
      <h3>{t('import.previewTitle')}</h3>
      {preview.kind === 'orders' ? <OrderRows rows={preview.orders} tools={tools} /> : <CustomerRows rows={preview.customers} tools={tools} />}
      {preview.problems.length > 0 && stage.at === 'preview' && (
        <>
          <h3>{t('import.previewProblems')}</h3>
          <ProblemList problems={preview.problems.slice(0, SHOWN_PROBLEMS)} tools={tools} />
        </>
      )}
      {stage.at !== 'result' && <ColumnChoices preview={preview} settings={settings} tools={tools} locked={locked} onSettings={onSettings} />}
    </section>
  );
}

function OrderRows({ rows, tools }: { rows: readonly ImportedOrder[]; tools: BookTools }) {
  const { t, locale, timeZone } = tools;
  if (rows.length === 0) return <p data-testid="import-preview-empty">{t('import.noRows')}</p>;
  return (
    <div class="table-scroll">
      <table class="import-rows" data-testid="import-preview">
        <thead>
          <tr>
            <th scope="col">{t('import.col.line')}</th>
            <th scope="col">{t('import.col.order')}</th>
            <th scope="col">{t('import.col.date')}</th>
            <th scope="col">{t('import.col.customer')}</th>
            <th scope="col">{t('import.col.contacts')}</th>
            <th scope="col">{t('import.col.total')}</th>
            <th scope="col">{t('import.col.status')}</th>
            <th scope="col">{t('import.col.items')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <td>{row.externalId ?? '—'}</td>
              <td>{formatDateTime(row.placedAt, locale, timeZone)}</td>
              <td>{row.customer.name ?? '—'}</td>
              <td>{contactsOf(row.customer) || '—'}</td>
              <td class="number">{formatMoney(row.total, row.currency, locale)}</td>
              <td>{enumLabel(locale, 'orderStatus', row.status ?? 'paid')}</td>
              <td>{row.items?.map((item) => `${numberFormat(locale).format(item.quantity)}× ${item.name}`).join('; ') ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CustomerRows({ rows, tools }: { rows: readonly ImportedCustomer[]; tools: BookTools }) {
  const { t, locale, timeZone } = tools;
  if (rows.length === 0) return <p data-testid="import-preview-empty">{t('import.noRows')}</p>;
  return (
    <div class="table-scroll">
      <table class="import-rows" data-testid="import-preview">
        <thead>
          <tr>
            <th scope="col">{t('import.col.line')}</th>
            <th scope="col">{t('import.col.name')}</th>
            <th scope="col">{t('import.col.contacts')}</th>
            <th scope="col">{t('import.col.since')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <td>{row.name ?? '—'}</td>
              <td>{contactsOf(row) || '—'}</td>
              <td>{row.createdAt ? formatDate(row.createdAt, locale, timeZone) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Running({ stage, tools, cancelRef, onCancel }: { stage: Extract<Stage, { at: 'running' }>; tools: BookTools; cancelRef: { current: HTMLButtonElement | null }; onCancel: () => void }) {
  const { t, locale } = tools;
  const { progress, dryRun, started } = stage;
  const seconds = (performance.now() - started) / 1000;
  const rate = progress && seconds > 0 ? Math.round(progress.rows / seconds) : 0;
  const text = progress
    ? t('import.progress', { percent: formatPercent(progress.done, Math.max(progress.total, 1), locale), rows: progress.rows, rate: numberFormat(locale).format(rate), problems: progress.problems })
    : t('import.starting');
  return (
    <div class="import-progress" data-testid="import-running">
      <p id="import-progress-title">{t(dryRun ? 'import.checking' : 'import.importing')}</p>
      <progress data-testid="import-progress" aria-labelledby="import-progress-title" aria-describedby="import-progress-text" {...(progress ? { value: progress.done, max: Math.max(progress.total, 1) } : {})} />
      <p id="import-progress-text" data-testid="import-rate">
        {text}
      </p>
      <button ref={cancelRef} type="button" class="secondary" data-testid="import-cancel" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}

function ResultCounts({ result, tools }: { result: FileImport; tools: BookTools }) {
  const { t, locale } = tools;
  const { counts } = result;
  const number = (value: number) => numberFormat(locale).format(value);
  const lines: [string, number][] = [
    ['newCustomers', counts.newCustomers],
    ['matchedCustomers', counts.matchedCustomers],
    ...(result.kind === 'orders'
      ? ([
          ['newOrders', counts.newOrders],
          ['updatedOrders', counts.updatedOrders],
          ['unchangedOrders', counts.unchangedOrders],
        ] as [string, number][])
      : []),
    ['problems', result.problemCount],
  ];
  return (
    <>
      <p>
        <strong>{t(result.dryRun ? 'import.checkedNothingWritten' : 'import.doneWritten')}</strong>
      </p>
      <dl class="import-counts" data-testid="import-counts">
        {lines.map(([key, value]) => (
          <div key={key} data-count={key}>
            <dt>{t(`import.count.${key}` as 'import.count.newCustomers')}</dt>
            <dd>{number(value)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function contactsOf(contact: { email?: string; phone?: string; cpf?: string }): string {
  return [contact.phone, contact.email, contact.cpf && `CPF ${contact.cpf}`].filter(Boolean).join(' · ');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
