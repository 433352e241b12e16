// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { Blob as NodeBlob } from 'node:buffer';
import { join } from 'node:path';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openBook, type Book } from '../../../../core';
import { testBookName } from '../../../../core/store/test-book';
import { inProcessWorker } from '../../../backup/in-process-worker';
import { importOperations } from '../../../import/import-worker';
import { importFileInWorker, previewFile } from '../../../import/import-client';
import { BookWorkerError } from '../../../backup/worker-protocol';
import { BookProvider } from '../app/book-context';
import { NoticeArea } from '../app/notice-area';
import { ImportScreen } from './import-screen';
import { ImportServicesContext, type ImportServices } from './import-services';

// A check or an import runs a worker over a real book: on a busy machine it takes more than the default second.
configure({ asyncUtilTimeout: 10_000 });

const fixture = (name: string, type = 'text/csv') => new File([readFileSync(join(process.cwd(), 'core/io/import/fixtures', name))], name, { type });

let book: Book;
let services: ImportServices;
let downloads: { name: string; blob: Blob | null }[];
let lastBlob: Blob | null;

beforeEach(async () => {
  const name = testBookName();
  book = await openBook({ name });
  // The worker's own code in this process, over a real MessageChannel, opening the same book.
  const { spawn } = inProcessWorker(() => openBook({ name }), importOperations);
  // happy-dom's File is not the platform's: the worker gets a Node Blob with the same bytes, as a page's would.
  const bytes = async (file: Blob) => new NodeBlob([await file.arrayBuffer()]) as unknown as Blob;
  services = {
    preview: async (file, settings, options) => previewFile(await bytes(file), settings, { ...options, spawn }),
    run: async (file, settings, dryRun, options) => importFileInWorker(await bytes(file), settings, dryRun, { ...options, spawn }),
  };
  downloads = [];
  lastBlob = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    lastBlob = blob as Blob;
    return 'blob:report';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: lastBlob });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderScreen() {
  return render(
    <BookProvider book={book} locale="pt-BR" timeZone="America/Sao_Paulo" background={{ ask: () => Promise.reject(new Error('no background here')), watchTable: () => undefined }}>
      <ImportServicesContext.Provider value={services}>
        <ImportScreen />
        <NoticeArea />
      </ImportServicesContext.Provider>
    </BookProvider>,
  );
}

const pick = (file: File) => fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
const count = (key: string) => screen.getByTestId('import-counts').querySelector(`[data-count="${key}"] dd`)?.textContent;

describe('Importar', () => {
  it('shows what it found in a pt-BR Excel export, checks it, imports it, and a second import changes nothing', async () => {
    renderScreen();
    pick(fixture('excel-pt-br-orders.csv'));
    await screen.findByTestId('import-preview');
    expect(screen.getByTestId('import-detected').textContent).toBe('Pedidos, no formato Outra lista (pelos nomes das colunas) · texto em Windows-1252 (Latin-1)');
    const firstRow = screen.getByTestId('import-preview').querySelector('tbody tr');
    expect([...(firstRow?.children ?? [])].map((cell) => cell.textContent?.replace(/\s/g, ' '))).toEqual(['4', '101', '24/03/2026, 22:36', 'José Conceição', '+5511987654321 · CPF 52998224725', 'R$ 1.234,56', 'Pago', '—']);
    expect(screen.getByTestId('import-problems').textContent).toContain('linha 5 — Data: "31/02/2026" não é uma data');
    expect(screen.getByTestId('import-problems').textContent).toContain('linha 7 — CPF: "6,16069E+12": o Excel transformou o número em notação científica e perdeu os últimos dígitos');

    fireEvent.click(screen.getByTestId('import-check'));
    await screen.findByTestId('import-result');
    expect(screen.getByTestId('import-result').textContent).toContain('Nada foi gravado ainda');
    const checked = { customers: count('newCustomers'), orders: count('newOrders') };
    expect(await book.customers.count()).toBe(0);

    fireEvent.click(screen.getByTestId('import-go'));
    await waitFor(() => expect(screen.getByTestId('import-result').textContent).toContain('Importado.'));
    expect({ customers: count('newCustomers'), orders: count('newOrders') }).toEqual(checked);
    expect(String(await book.customers.count())).toBe(checked.customers);
    expect(screen.getByTestId('notice-status').textContent).toBe('Importação concluída.');

    fireEvent.click(screen.getByTestId('import-report'));
    expect(downloads.map((download) => download.name)).toEqual(['excel-pt-br-orders-problemas.csv']);
    const report = (await downloads[0]?.blob?.text())?.replace(/^\uFEFF/, '').split('\r\n') ?? [];
    // Excel in Brazil opens it with a double click: `;` between cells, the screen's words on each line.
    expect(report[0]).toBe('Linha;Coluna;Problema');
    expect(report.slice(1, -1)).toEqual([
      '5;Data;"""31/02/2026"" não é uma data"',
      '6;Total;falta o total',
      '7;CPF;"""6,16069E+12"": o Excel transformou o número em notação científica e perdeu os últimos dígitos; exporte a coluna como texto"',
    ]);

    fireEvent.click(screen.getByTestId('import-another'));
    pick(fixture('excel-pt-br-orders.csv'));
    await screen.findByTestId('import-preview');
    fireEvent.click(screen.getByTestId('import-go'));
    await waitFor(() => expect(screen.getByTestId('import-result').textContent).toContain('Importado.'));
    expect([count('newCustomers'), count('newOrders'), count('updatedOrders'), count('unchangedOrders')]).toEqual(['0', '0', '0', checked.orders]);
  });

  it('reads a customer list as customers, and lets the seller change the layout', async () => {
    renderScreen();
    pick(fixture('bling-contatos.csv'));
    await screen.findByTestId('import-preview');
    expect(screen.getByTestId('import-detected').textContent).toBe('Clientes, no formato Bling · texto em UTF-8');
    expect((screen.getByTestId('import-kind') as HTMLSelectElement).value).toBe('customers');
    fireEvent.change(screen.getByTestId('import-preset'), { target: { value: 'generic' } });
    await waitFor(() => expect(screen.getByTestId('import-detected').textContent).toBe('Clientes, no formato Outra lista (pelos nomes das colunas) · texto em UTF-8'));
  });

  it('shows progress and the rate while importing, and says so when cancelled', async () => {
    renderScreen();
    // A run that reports progress and then waits for Cancelar, as the worker does on a big file.
    services.run = (_file, _settings, _dryRun, options) =>
      new Promise((_done, fail) => {
        options?.onProgress?.({ phase: 'importing', done: 512, total: 2048, rows: 4_000, problems: 1 });
        options?.signal?.addEventListener('abort', () => fail(new BookWorkerError('cancelled', 'Cancelled')));
      });
    pick(fixture('excel-pt-br-orders.csv'));
    await screen.findByTestId('import-preview');
    fireEvent.click(screen.getByTestId('import-go'));
    await waitFor(() => expect(screen.getByTestId('import-rate').textContent).toMatch(/^25% do arquivo · 4\.000 linhas lidas · [\d.]+ linhas por segundo · 1 problema$/));
    expect(screen.getByTestId('import-progress').getAttribute('value')).toBe('512');
    expect(document.activeElement).toBe(screen.getByTestId('import-cancel'));
    fireEvent.click(screen.getByTestId('import-cancel'));
    await waitFor(() => expect(screen.getByTestId('import-outcome').textContent).toBe('Importação cancelada: nada dela foi gravado, o livro está como estava.'));
    // Back to the file's preview, ready to run again.
    expect(screen.getByTestId('import-go')).toBeTruthy();
  });

  it('lets the seller say which column is which when the layout knows none, reads the preview again, and imports so', async () => {
    renderScreen();
    // The seller's own sheet: no header a layout knows, so no row can be read until the columns are chosen.
    const sheet = ['Quando;Quem;Zap;Quanto', '24/03/2026 22:36;Ana Souza;(11) 98765-4321;R$ 1.234,56', '25/03/2026;Bia Lima;;45,00'].join('\r\n');
    pick(new File([sheet], 'minha-planilha.csv', { type: 'text/csv' }));
    await screen.findByTestId('import-preview-empty');
    // Neither orders nor a customer list by its header: read as a list of customers, none of whose columns is known.
    expect((screen.getByTestId('import-columns') as HTMLDetailsElement).open).toBe(true);
    expect(screen.getByTestId('import-columns-missing').textContent).toBe('Cada cliente precisa de pelo menos um nome, e-mail, telefone, CPF ou CNPJ.');
    fireEvent.change(screen.getByTestId('import-kind'), { target: { value: 'orders' } });
    await waitFor(() => expect((screen.getByTestId('import-kind') as HTMLSelectElement).value).toBe('orders'));
    const columns = await screen.findByTestId('import-columns');
    expect((columns as HTMLDetailsElement).open).toBe(true);
    expect(screen.getByTestId('import-columns-missing').textContent).toBe('Escolha a coluna de Data do pedido e Total: sem ela nenhuma linha é lida.');
    const date = screen.getByLabelText(/^Data do pedido/) as HTMLSelectElement;
    expect([...date.options].map((option) => option.textContent)).toEqual(['— não ler —', 'Quando', 'Quem', 'Zap', 'Quanto']);

    fireEvent.change(date, { target: { value: '0' } });
    await waitFor(() => expect((screen.getByTestId('import-column-placedAt') as HTMLSelectElement).value).toBe('0'));
    expect(screen.getByTestId('import-columns-missing').textContent).toBe('Escolha a coluna de Total: sem ela nenhuma linha é lida.');
    fireEvent.change(screen.getByTestId('import-column-total'), { target: { value: '3' } });
    await screen.findByTestId('import-preview');
    fireEvent.change(screen.getByTestId('import-column-name'), { target: { value: '1' } });
    await waitFor(() => expect(screen.getByTestId('import-preview').querySelector('tbody tr td:nth-child(4)')?.textContent).toBe('Ana Souza'));
    fireEvent.change(screen.getByTestId('import-column-phone'), { target: { value: '2' } });
    await waitFor(() => expect(screen.getByTestId('import-preview').querySelector('tbody tr td:nth-child(5)')?.textContent).toBe('+5511987654321'));
    // The first row's cell beside each chosen column; the section stays open across the re-reads.
    expect(screen.getByTestId('import-column-total').closest('tr')?.querySelector('.sample')?.textContent).toBe('R$ 1.234,56');
    expect((screen.getByTestId('import-columns') as HTMLDetailsElement).open).toBe(true);
    expect(screen.queryByTestId('import-columns-missing')).toBeNull();

    fireEvent.click(screen.getByTestId('import-go'));
    await waitFor(() => expect(screen.getByTestId('import-result').textContent).toContain('Importado.'));
    expect([count('newCustomers'), count('newOrders'), count('problems')]).toEqual(['2', '2', '0']);
    const customers = await book.customers.list();
    expect(customers.map((customer) => [customer.displayName, customer.identities.map((identity) => identity.value)]).sort()).toEqual([
      ['Ana Souza', ['+5511987654321']],
      ['Bia Lima', []],
    ]);
  });

  it('goes back to the detected columns, and reads a field from no column when the seller says so', async () => {
    renderScreen();
    pick(fixture('excel-pt-br-orders.csv'));
    await screen.findByTestId('import-preview');
    expect((screen.getByTestId('import-columns') as HTMLDetailsElement).open).toBe(false);
    expect(screen.queryByTestId('import-columns-reset')).toBeNull();
    fireEvent.change(screen.getByTestId('import-column-cpf'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('import-preview').querySelector('tbody tr td:nth-child(5)')?.textContent).toBe('+5511987654321'));
    expect(screen.getByTestId('import-problems').textContent).not.toContain('CPF');
    fireEvent.click(screen.getByTestId('import-columns-reset'));
    await waitFor(() => expect(screen.getByTestId('import-preview').querySelector('tbody tr td:nth-child(5)')?.textContent).toBe('+5511987654321 · CPF 52998224725'));
    expect(screen.queryByTestId('import-columns-reset')).toBeNull();
  });
});
