// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestBook } from '../../../../core/store/test-book';
import type { Book } from '../../../../core';
import { translate, type MessageKey } from '../../../i18n/translate';
import { SettingsSection } from '../settings/settings-section';
import { BackupPageProvider } from './backup-page';
import type { BackupRecord, BackupServices, BackupState, IntegrityReport } from './backup-services';
import { BookBackupBanner } from './book-backup-banner';
import { IntegrityAlert } from './integrity-alert';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const ZONE = 'America/Sao_Paulo';
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const COUNTS = { tags: 1, customers: 2, orders: 3, notes: 0, feedback: 0, followUps: 0, segments: 0, quickReplies: 0 };
const none = () => ({ count: 0, sampleIds: [], missingIds: [] });
const cleanReport = (): IntegrityReport => ({
  counts: { ...COUNTS },
  missingCustomers: { orders: none(), notes: none(), feedback: none(), followUps: none() },
  missingTags: none(),
  ok: true,
});

function record(reason: BackupRecord['reason'], at = NOW.toISOString(), fileName = 'Clientela/clientela-backup-2026-11-29_09-00.json'): BackupRecord {
  return { at, fileName, reason, encrypted: false, counts: { ...COUNTS } };
}

function fakeServices(state: Partial<BackupState> = {}, report = cleanReport()) {
  const backupState: BackupState = { settings: { schedule: 'weekly', encrypt: false }, key: null, last: null, history: [], ...state };
  const services = {
    readState: vi.fn(async () => backupState),
    saveSchedule: vi.fn(async () => undefined),
    setEncryption: vi.fn(async () => undefined),
    backUp: vi.fn(async (reason: BackupRecord['reason']) => record(reason, NOW.toISOString(), `Clientela/clientela-backup-2026-11-29_09-00-${reason}.json`)),
    restore: vi.fn<BackupServices['restore']>(async () => ({ ...COUNTS })),
    isEncrypted: vi.fn(async (file: Blob) => (file as File).name.endsWith('.clientela')),
    checkIntegrity: vi.fn(async () => report),
    downloads: { granted: vi.fn(async () => false), request: vi.fn(async () => true), show: vi.fn(), watch: () => () => undefined },
    storage: { persist: vi.fn(async () => true), usage: vi.fn(async () => 312_000_000) },
    reminder: { dismissedOn: vi.fn(async () => false), dismiss: vi.fn(async () => undefined) },
  } satisfies BackupServices;
  return services;
}

let container: HTMLElement;
let book: Book;

beforeEach(async () => {
  book = await openTestBook(NOW);
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  book.close();
});

async function mount(services: BackupServices, customerCount = 2) {
  await act(async () => {
    render(
      <BackupPageProvider book={book} services={services} t={t} locale="pt-BR" timeZone={ZONE} now={() => NOW}>
        <IntegrityAlert />
        <BookBackupBanner customerCount={customerCount} />
        <SettingsSection />
      </BackupPageProvider>,
      container,
    );
  });
  await vi.waitFor(() => expect(container.querySelector('select[name="backup-schedule"]')).not.toBeNull());
}

const $ = <E extends Element = HTMLElement>(selector: string) => container.querySelector<E>(selector);

async function chooseFile(file: File) {
  const input = $<HTMLInputElement>('input[data-testid="restore-file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function click(element: Element | null) {
  await act(async () => {
    (element as HTMLElement).click();
  });
}

describe('storage panel', () => {
  it('says the book is kept for good, how much room it takes and what it holds', async () => {
    await mount(fakeServices());
    await vi.waitFor(() => expect(text($('[data-testid="storage-persisted"]'))).toBe(t('storagePersisted')));
    expect(text($('[data-testid="storage-size"]'))).toBe('A agenda ocupa 312 MB');
    await vi.waitFor(() => expect(text($('[data-testid="storage-counts"]'))).toContain('Pedidos3'));
    expect($('section[data-testid="settings"] h2')?.textContent).toBe('Agenda e cópias de segurança');
  });

  it('warns in plain words when the browser refuses to keep the book', async () => {
    const services = fakeServices();
    services.storage.persist.mockResolvedValue(false);
    await mount(services);
    await vi.waitFor(() => expect(text($('[data-testid="storage-persisted"]'))).toMatch(/pode apagá-la.*cópias automáticas ligadas/));
  });
});

describe('backup settings', () => {
  it('asks for the downloads permission inside the save click, before anything is awaited', async () => {
    const services = fakeServices();
    await mount(services);
    const select = $<HTMLSelectElement>('select[name="backup-schedule"]')!;
    expect([...select.options].map((option) => option.text)).toEqual(['Diária', 'Semanal (padrão)', 'Mensal', 'Desligada']);
    await act(async () => {
      select.value = 'daily';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const save = [...container.querySelectorAll('button')].find((button) => button.textContent === t('backupSaveSettings'))!;
    // Synchronously within the click: a prompt asked after an await is refused by Firefox.
    save.click();
    expect(services.downloads.request).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(services.saveSchedule).toHaveBeenCalledWith('daily'));
    expect(services.setEncryption).not.toHaveBeenCalled();
  });

  it('does not ask for the permission when automatic backups are turned off', async () => {
    const services = fakeServices();
    await mount(services);
    const select = $<HTMLSelectElement>('select[name="backup-schedule"]')!;
    await act(async () => {
      select.value = 'off';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click([...container.querySelectorAll('button')].find((button) => button.textContent === t('backupSaveSettings'))!);
    await vi.waitFor(() => expect(services.saveSchedule).toHaveBeenCalledWith('off'));
    expect(services.downloads.request).not.toHaveBeenCalled();
  });

  it('says automatic copies need the permission, and that manual copies still work, while it is missing', async () => {
    await mount(fakeServices());
    await vi.waitFor(() => expect(text($('[data-testid="backup-needs-downloads"]'))).toContain('Fazer cópia agora” funcionam sem ela'));
  });

  it('refuses a short or mismatched passphrase by field and saves nothing; a good one turns encryption on', async () => {
    const services = fakeServices();
    await mount(services);
    await act(async () => {
      $<HTMLInputElement>('input[name="backup-encrypt"]')!.click();
    });
    const passphrase = $<HTMLInputElement>('input[type="password"][name="backup-passphrase"]')!;
    const confirmation = $<HTMLInputElement>('input[type="password"][name="backup-passphrase-confirm"]')!;
    expect(text($('#backup-passphrase-hint'))).toContain('a senha não é guardada: sem ela a cópia não abre'.replace('a senha', 'A senha'));
    const save = () => click([...container.querySelectorAll('button')].find((button) => button.textContent === t('backupSaveSettings'))!);

    passphrase.value = 'curta';
    confirmation.value = 'curta';
    await save();
    expect(text($('#backup-passphrase-error'))).toBe(t('backupPassphraseTooShort'));
    expect(passphrase.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(passphrase);

    passphrase.value = 'uma senha longa';
    confirmation.value = 'uma senha longe';
    await save();
    expect(text($('#backup-passphrase-confirm-error'))).toBe(t('backupPassphraseMismatch'));
    expect(document.activeElement).toBe(confirmation);
    expect(services.saveSchedule).not.toHaveBeenCalled();

    confirmation.value = 'uma senha longa';
    await save();
    await vi.waitFor(() => expect(services.setEncryption).toHaveBeenCalledWith('uma senha longa'));
  });
});

describe('backups', () => {
  it('shows the last backup in days and its file, and a short history in words', async () => {
    const last = record('scheduled', '2026-11-26T12:00:00.000Z', 'Clientela/clientela-backup-2026-11-26_09-00.json');
    await mount(fakeServices({ last, history: [record('before-restore', '2026-11-20T12:00:00.000Z'), last] }));
    await vi.waitFor(() => expect(text($('[data-testid="backup-last"]'))).toBe('Última cópia há 3 dias — clientela-backup-2026-11-26_09-00.json'));
    const lines = [...container.querySelectorAll('.backup-history li')].map(text);
    expect(lines[0]).toMatch(/^26\/11\/2026.* · automática · 2 clientes/);
    expect(lines[1]).toContain('antes de uma restauração');
  });

  it('says which backups predate an erasure: they still hold the erased data', async () => {
    const older = record('manual', '2026-11-20T12:00:00.000Z');
    const ana = await book.customers.create({ displayName: 'Ana' });
    await book.forget(ana.id, { displayName: 'Cliente apagado' });
    const newer = record('scheduled', '2026-11-29T13:00:00.000Z');
    await mount(fakeServices({ last: newer, history: [older, newer] }));
    await vi.waitFor(() => expect([...container.querySelectorAll('.backup-history li')].map(text).join('\n')).toContain('contém dados apagados'));
    const [first, second] = [...container.querySelectorAll('.backup-history li')].map(text);
    expect(first).not.toContain('contém dados apagados');
    expect(second).toMatch(/^20\/11\/2026.* · contém dados apagados em 29\/11\/2026/);
  });

  it('"Fazer cópia agora" makes a manual backup and names the saved file', async () => {
    const services = fakeServices();
    await mount(services);
    expect(text($('[data-testid="backup-last"]'))).toBe('Nenhuma cópia ainda');
    await click($('button[data-testid="backup-now"]'));
    await vi.waitFor(() => expect(text($('[data-testid="backup-result"]'))).toBe('Cópia salva: clientela-backup-2026-11-29_09-00-manual.json'));
    expect(services.backUp).toHaveBeenCalledWith('manual', expect.anything());
  });
});

describe('restore', () => {
  it('asks an encrypted file for its passphrase; a wrong one keeps the form, the right one restores after one copy of the book', async () => {
    const services = fakeServices();
    services.restore.mockImplementation(async (_file, options) => {
      if (options?.passphrase !== 'senha certa') throw Object.assign(new Error('wrong'), { code: 'wrong-passphrase', problems: [] });
      return { ...COUNTS };
    });
    await book.customers.create({ displayName: 'Ana' });
    await mount(services);
    await chooseFile(new File(['CLIENTELA-ENC'], 'copia.clientela'));
    const passphrase = await vi.waitFor(() => {
      const input = $<HTMLInputElement>('input[type="password"][name="restore-passphrase"]');
      expect(document.activeElement).toBe(input);
      return input!;
    });
    expect(services.restore).not.toHaveBeenCalled();

    passphrase.value = 'senha errada';
    await click($('button[data-testid="restore-go"]'));
    await vi.waitFor(() => expect(text($('[role="alert"][data-testid="restore-result"]'))).toBe(t('restoreError.wrong-passphrase')));
    expect($('input[name="restore-passphrase"]')).not.toBeNull();

    $<HTMLInputElement>('input[name="restore-passphrase"]')!.value = 'senha certa';
    await click($('button[data-testid="restore-go"]'));
    await vi.waitFor(() => expect(text($('[role="status"][data-testid="restore-result"]'))).toBe('Agenda restaurada: 2 clientes e 3 pedidos. A agenda de antes ficou salva em clientela-backup-2026-11-29_09-00-before-restore.json.'));
    expect(services.backUp.mock.calls.map(([reason]) => reason)).toEqual(['before-restore']);
    expect(services.restore).toHaveBeenLastCalledWith(expect.any(File), expect.objectContaining({ passphrase: 'senha certa' }));
  });

  it('shows progress in records and Cancelar leaves the book as it was', async () => {
    const services = fakeServices();
    services.restore.mockImplementation(
      (_file, options) =>
        new Promise((_resolve, reject) => {
          options?.onProgress?.({ phase: 'writing', done: 45_000, total: 1_100_000 });
          options?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('cancelled'), { code: 'cancelled', problems: [] })));
        }),
    );
    await mount(services);
    await chooseFile(new File(['{}'], 'copia.json'));
    const progress = await vi.waitFor(() => {
      const element = $<HTMLProgressElement>('progress[data-testid="restore-progress"]');
      expect(element?.getAttribute('value')).toBe('45000');
      return element!;
    });
    expect(progress.getAttribute('max')).toBe('1100000');
    expect(text($('#restore-progress-text'))).toBe('Restaurando… 45.000 de 1.100.000 registros');
    expect(document.activeElement).toBe($('button[data-testid="restore-cancel"]'));

    await click($('button[data-testid="restore-cancel"]'));
    await vi.waitFor(() => expect(text($('[role="status"][data-testid="restore-result"]'))).toBe('Restauração cancelada: a agenda ficou como estava.'));
    expect($('progress[data-testid="restore-progress"]')).toBeNull();
    expect(document.activeElement).toBe($('[data-testid="restore-result"]'));
  });

  it('takes the counts of a restored book from the restore, without reading the book again in a new worker', async () => {
    const services = fakeServices();
    const restored = { ...COUNTS, customers: 7, orders: 40 };
    services.restore.mockImplementation(async () => {
      // As the worker does: the whole book is replaced (the change feed says so) before the answer arrives.
      await book.replaceAll({ tags: [], customers: [], orders: [], notes: [], feedback: [], followUps: [], segments: [], quickReplies: [] });
      await new Promise((resolve) => setTimeout(resolve, 20));
      return restored;
    });
    await mount(services);
    await vi.waitFor(() => expect(text($('[data-testid="storage-counts"]'))).toContain('Pedidos3'));
    expect(services.checkIntegrity).toHaveBeenCalledTimes(1);
    await chooseFile(new File(['{}'], 'copia.json'));
    await vi.waitFor(() => expect($('[role="status"][data-testid="restore-result"]')).not.toBeNull());
    await vi.waitFor(() => expect(text($('[data-testid="storage-counts"]'))).toContain('Pedidos40'));
    expect(services.checkIntegrity).toHaveBeenCalledTimes(1);
  });

  it('after ordinary writes counts the stores again once quiet, without the whole-book check in a worker', async () => {
    const services = fakeServices();
    await mount(services);
    await vi.waitFor(() => expect(text($('[data-testid="storage-counts"]'))).toContain('Clientes2'));
    expect(services.checkIntegrity).toHaveBeenCalledTimes(1);
    const countRecords = vi.spyOn(book, 'countRecords');
    // A seller adding customers one by one: one count after the burst, none per write. A settings write in
    // between (`meta`) does not cancel the count waiting.
    await book.customers.create({ displayName: 'Ana' });
    await book.meta.set('something.else', 1);
    for (const name of ['Bia', 'Caio']) await book.customers.create({ displayName: name });
    await book.meta.set('something.else', 2);
    await vi.waitFor(() => expect(text($('[data-testid="storage-counts"]'))).toContain('Clientes3'), { timeout: 5000 });
    expect(countRecords).toHaveBeenCalledTimes(1);
    expect(services.checkIntegrity).toHaveBeenCalledTimes(1);
  });

  it('walks the whole book once a day: a page opened later shows that check, with the counts as they are now', async () => {
    const first = fakeServices();
    await mount(first);
    await vi.waitFor(() => expect(text($('[data-testid="storage-counts"]'))).toContain('Pedidos3'));
    expect(first.checkIntegrity).toHaveBeenCalledTimes(1);
    await act(async () => render(null, container));
    await book.customers.create({ displayName: 'Ana' });
    const second = fakeServices();
    await mount(second);
    // The book itself has 1 customer and no orders now: the counts are taken, the walk is not.
    await vi.waitFor(() => expect(text($('[data-testid="storage-counts"]'))).toContain('Clientes1'));
    expect(second.checkIntegrity).not.toHaveBeenCalled();
  });

  it('counts the stores only while a screen shows the counts: a page opened on another screen reads no store but meta', async () => {
    const first = fakeServices();
    await mount(first);
    await vi.waitFor(() => expect(text($('[data-testid="storage-counts"]'))).toContain('Pedidos3'));
    await act(async () => render(null, container));
    const countRecords = vi.spyOn(book, 'countRecords');
    // A page opened on Clientes: the alerts every screen shows, not the storage panel.
    const second = fakeServices();
    await act(async () => {
      render(
        <BackupPageProvider book={book} services={second} t={t} locale="pt-BR" timeZone={ZONE} now={() => NOW}>
          <IntegrityAlert />
          <BookBackupBanner customerCount={2} />
        </BackupPageProvider>,
        container,
      );
    });
    await vi.waitFor(() => expect(second.readState).toHaveBeenCalled());
    await book.customers.create({ displayName: 'Ana' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(countRecords).not.toHaveBeenCalled();
    expect(second.checkIntegrity).not.toHaveBeenCalled();
    // Configurações opened: counted at once (a write came since the check), the walk still not made again.
    await act(async () => render(null, container));
    await mount(fakeServices());
    await vi.waitFor(() => expect(text($('[data-testid="storage-counts"]'))).toContain('Clientes1'));
    expect(countRecords).toHaveBeenCalledTimes(1);
  });

  it('counts again when the storage panel arrives after a write made while the open-time check walked the book', async () => {
    let finish: (report: IntegrityReport) => void = () => undefined;
    const services = fakeServices();
    services.checkIntegrity.mockImplementation(() => new Promise<IntegrityReport>((resolve) => (finish = resolve)));
    const page = (settings: boolean) => (
      <BackupPageProvider book={book} services={services} t={t} locale="pt-BR" timeZone={ZONE} now={() => NOW}>
        <IntegrityAlert />
        {settings && <SettingsSection />}
      </BackupPageProvider>
    );
    // Opened on Clientes: the walk starts; the seller adds a customer meanwhile; the walk answers with its counts.
    await act(async () => render(page(false), container));
    await vi.waitFor(() => expect(services.checkIntegrity).toHaveBeenCalledTimes(1));
    await book.customers.create({ displayName: 'Ana' });
    await act(async () => finish(cleanReport()));
    // Configurações: the walk's counts (2 customers) may predate the write, so the book is counted (1 customer).
    await act(async () => render(page(true), container));
    await vi.waitFor(() => expect(text($('[data-testid="storage-counts"]'))).toContain('Clientes1'));
  });

  it('translates an error by its code and lists the first problems, field by field', async () => {
    const services = fakeServices();
    const problems = Array.from({ length: 7 }, (_, index) => ({ field: `orders[${index}].totalMinor`, message: 'must be an integer', line: index + 10 }));
    services.restore.mockRejectedValue(Object.assign(new Error('The backup has invalid records'), { code: 'invalid-records', problems }));
    await mount(services);
    await chooseFile(new File(['{}'], 'copia.json'));
    const alert = await vi.waitFor(() => {
      const element = $('[role="alert"][data-testid="restore-result"]');
      expect(element).not.toBeNull();
      return element!;
    });
    expect(text(alert.querySelector('p'))).toBe(t('restoreError.invalid-records'));
    expect([...alert.querySelectorAll('li')].map(text)).toEqual(problems.slice(0, 5).map((problem) => `linha ${problem.line} — ${problem.field}: ${problem.message}`));
    expect(text(alert)).toContain('e mais 2 problemas');
  });

  it('does not restore when the copy of the current book fails, and says why', async () => {
    const services = fakeServices();
    services.backUp.mockRejectedValue(new Error('disco cheio'));
    await book.customers.create({ displayName: 'Ana' });
    await mount(services);
    await chooseFile(new File(['{}'], 'copia.json'));
    await vi.waitFor(() => expect(text($('[role="alert"][data-testid="restore-result"]'))).toBe(t('restoreError.before-restore', { message: 'disco cheio' })));
    expect(services.restore).not.toHaveBeenCalled();
  });
});

describe('integrity alert and reminder', () => {
  it('says what dangles and that nothing was deleted, and leads to the newest automatic backup', async () => {
    const report = cleanReport();
    report.missingCustomers.orders = { count: 12, sampleIds: ['o1'], missingIds: ['c9'] };
    report.missingCustomers.notes = { count: 1, sampleIds: ['n1'], missingIds: ['c9'] };
    report.ok = false;
    const older = record('scheduled', '2026-11-19T12:00:00.000Z', 'Clientela/clientela-backup-2026-11-19_09-00.json');
    const newest = { ...record('scheduled', '2026-11-26T12:00:00.000Z', 'Clientela/clientela-backup-2026-11-26_09-00.json'), downloadId: 7 };
    const services = fakeServices({ last: record('manual'), history: [older, newest, record('manual')] }, report);
    services.downloads.granted.mockResolvedValue(true);
    await mount(services);
    const alert = await vi.waitFor(() => {
      const element = $('[role="alert"][data-testid="integrity-alert"]');
      expect(element).not.toBeNull();
      return element!;
    });
    expect([...alert.querySelectorAll('li')].map(text)).toEqual(['12 pedidos apontam para um cliente que não existe', '1 anotação aponta para um cliente que não existe']);
    expect(text(alert)).toContain('Nada foi apagado.');
    expect(text(alert)).toContain('26/11/2026');
    await vi.waitFor(() => expect([...alert.querySelectorAll('button')].map(text)).toEqual(['Restaurar essa cópia', 'Mostrar na pasta']));

    await click(alert.querySelectorAll('button')[1]!);
    expect(services.downloads.show).toHaveBeenCalledWith(7);
    await click(alert.querySelector('button'));
    expect(document.activeElement).toBe($('input[data-testid="restore-file"]'));
    expect(text($('#restore-target'))).toContain('Clientela/clientela-backup-2026-11-26_09-00.json');
  });

  it('reminds a book with customers and no backup, backs up from the banner, and "Lembrar amanhã" puts it away', async () => {
    const services = fakeServices();
    await mount(services);
    const banner = await vi.waitFor(() => {
      const element = $('[data-testid="backup-banner"]');
      expect(element).not.toBeNull();
      return element!;
    });
    expect(text(banner)).toContain(t('bannerNever'));
    await click(banner.querySelector('button[data-testid="backup-banner-run"]'));
    await vi.waitFor(() => expect(text(banner)).toContain('Pronto: cópia salva (clientela-backup-2026-11-29_09-00-manual.json).'));
    expect(services.reminder.dismiss).not.toHaveBeenCalled();

    render(null, container);
    const again = fakeServices({ last: record('manual', '2026-10-20T12:00:00.000Z') });
    await mount(again);
    await vi.waitFor(() => expect(text($('[data-testid="backup-banner"]'))).toContain('A última cópia de segurança da agenda foi feita há 40 dias.'));
    await click([...container.querySelectorAll('[data-testid="backup-banner"] button')].find((button) => button.textContent === 'Lembrar amanhã')!);
    expect($('[data-testid="backup-banner"]')).toBeNull();
    expect(again.reminder.dismiss).toHaveBeenCalledWith(NOW);
  });

  it('stays quiet for an empty book, a recent backup, or a reminder put away today', async () => {
    await mount(fakeServices(), 0);
    await vi.waitFor(() => expect(text($('[data-testid="backup-last"]'))).toBe('Nenhuma cópia ainda'));
    expect($('[data-testid="backup-banner"]')).toBeNull();
    render(null, container);

    await mount(fakeServices({ last: record('scheduled', '2026-11-10T12:00:00.000Z') }));
    await vi.waitFor(() => expect(text($('[data-testid="backup-last"]'))).toContain('há 19 dias'));
    expect($('[data-testid="backup-banner"]')).toBeNull();
    render(null, container);

    const dismissed = fakeServices();
    dismissed.reminder.dismissedOn.mockResolvedValue(true);
    await mount(dismissed);
    await vi.waitFor(() => expect(dismissed.reminder.dismissedOn).toHaveBeenCalled());
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect($('[data-testid="backup-banner"]')).toBeNull();
  });
});
