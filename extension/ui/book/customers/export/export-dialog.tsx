import { useEffect, useRef, useState } from 'preact/hooks';
import { CSV_DIALECTS, type CsvDialect, type TableQuery, type Tag } from '../../../../../core';
import { formatPercent } from '../../../../i18n/format';
import { useBook } from '../../app/book-context';
import { exportCsv, type ExportChoice } from './export-csv';
import { downloadParts, exportFileName } from './export-file';
import { ListChangedError } from './read-list';

interface ExportDialogProps {
  /** The table's current query: "this list" is every customer it matches. */
  query: TableQuery;
  selected: ReadonlySet<string>;
  /** How many customers the list has, once known. */
  total: number | null;
  tags: ReadonlyMap<string, Tag>;
  /** Where the file goes (tests catch it); a download by default. */
  save?: (parts: readonly string[], fileName: string) => void;
}

type Outcome = { kind: 'working'; fraction: number } | { kind: 'cancelled' } | { kind: 'failed'; message: string } | null;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * Exportar: a button for the toolbar and the modal dialog it opens. The seller picks what (this list's customers,
 * the selected ones, this list's orders) and how (Excel (Brasil) or standard CSV); the file is read with a
 * progress bar and a cancel, then downloaded. A native `<dialog>` shown modally: focus moves in and stays there,
 * the page behind is inert, Escape closes (cancelling a read under way), and focus returns to the button. The
 * progress and what went wrong are said inside the dialog, since the page's live region is inert behind it.
 */
export function ExportDialog({ query, selected, total, tags, save = downloadParts }: ExportDialogProps) {
  const tools = useBook();
  const { book, background, t, locale, notify } = tools;
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const running = useRef<AbortController | null>(null);
  const [what, setWhat] = useState<ExportChoice>('customers');
  const [dialect, setDialect] = useState<CsvDialect>('excel-br');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [opened, setOpened] = useState(0);
  const working = outcome?.kind === 'working';
  const choices: ExportChoice[] = selected.size > 0 ? ['customers', 'selection', 'orders'] : ['customers', 'orders'];
  const chosen = choices.includes(what) ? what : 'customers';

  const open = () => {
    setWhat(selected.size > 0 ? 'selection' : 'customers');
    setOutcome(null);
    dialog.current?.showModal();
    setOpened((count) => count + 1);
  };
  // Once the choices are drawn for this opening: focus on the one already made (browsers would pick the first field).
  useEffect(() => {
    if (opened > 0) dialog.current?.querySelector<HTMLInputElement>('input[name="export-what"]:checked')?.focus();
  }, [opened]);
  const stop = () => running.current?.abort();
  const close = () => {
    stop();
    dialog.current?.close();
  };

  const start = async () => {
    const controller = new AbortController();
    running.current = controller;
    setOutcome({ kind: 'working', fraction: 0 });
    try {
      const file = await exportCsv(
        { book, ask: (request) => background.ask(request) },
        { what: chosen, dialect, query, selected },
        { ...tools, tags },
        { signal: controller.signal, onProgress: (fraction) => setOutcome({ kind: 'working', fraction }) },
      );
      const fileName = exportFileName(chosen, tools);
      save(file.parts, fileName);
      setOutcome(null);
      dialog.current?.close();
      notify(t(chosen === 'orders' ? 'export.doneOrders' : 'export.doneCustomers', { count: file.rows, file: fileName }));
    } catch (error) {
      if (isAbort(error)) {
        setOutcome({ kind: 'cancelled' });
        if (!dialog.current?.open) notify(t('export.cancelled'));
      } else {
        const reason = error instanceof ListChangedError ? t('export.changed') : error instanceof Error ? error.message : String(error);
        setOutcome({ kind: 'failed', message: t('export.failed', { error: reason }) });
      }
    } finally {
      running.current = null;
    }
  };

  const label = (choice: ExportChoice) =>
    choice === 'customers' ? t('export.what.customers', { count: total ?? 0 }) : choice === 'selection' ? t('export.what.selection', { count: selected.size }) : t('export.what.orders');

  return (
    <>
      <button type="button" class="secondary" ref={opener} onClick={open} aria-haspopup="dialog">
        {t('export.open')}
      </button>
      <dialog
        ref={dialog}
        class="export-dialog"
        aria-labelledby="export-title"
        data-testid="export-dialog"
        // The table clears the selection on Escape; here Escape only closes the dialog (the browser does that).
        onKeyDown={(event) => event.key === 'Escape' && event.stopPropagation()}
        onClose={() => {
          stop();
          opener.current?.focus();
        }}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!working) void start();
          }}
        >
          <h2 id="export-title">{t('export.title')}</h2>
          <fieldset disabled={working}>
            <legend>{t('export.what')}</legend>
            {choices.map((choice) => (
              <label key={choice} class="choice">
                <input type="radio" name="export-what" value={choice} checked={chosen === choice} onChange={() => setWhat(choice)} />
                {label(choice)}
              </label>
            ))}
          </fieldset>
          <fieldset disabled={working}>
            <legend>{t('export.format')}</legend>
            {CSV_DIALECTS.map((choice) => (
              <label key={choice} class="choice">
                <input type="radio" name="export-format" value={choice} checked={dialect === choice} onChange={() => setDialect(choice)} aria-describedby={`export-hint-${choice}`} />
                <span>
                  {t(`export.format.${choice}`)}
                  <span class="meta hint" id={`export-hint-${choice}`}>
                    {t(`export.format.${choice}Hint`)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {working && (
            <p class="export-progress">
              <label>
                {t('export.working', { percent: formatPercent(outcome.fraction, 1, locale) })}
                <progress max={1} value={outcome.fraction} />
              </label>
            </p>
          )}
          <p role="status" class="ok">
            {outcome?.kind === 'cancelled' ? t('export.cancelled') : ''}
          </p>
          {outcome?.kind === 'failed' && (
            <p role="alert" class="error">
              {outcome.message}
            </p>
          )}
          <p class="actions">
            <button type="submit" disabled={working}>
              {t('export.start')}
            </button>
            <button type="button" class="secondary" onClick={working ? stop : close}>
              {working ? t('export.cancel') : t('export.close')}
            </button>
          </p>
        </form>
      </dialog>
    </>
  );
}
