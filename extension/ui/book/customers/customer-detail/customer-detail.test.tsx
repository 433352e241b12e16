// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Book, Customer } from '../../../../../core';
import { openTestBook } from '../../../../../core/store/test-book';
import { mountBookApp, stubBackupServices } from '../../app/book-app-testing';
import type { BackupServices } from '../../backup/backup-services';
import { chatLinks } from './chat-links';
import { csvCell } from './dossier-file';
import { fitPredictionModel, predictCustomer } from '../../../../../core/table/predicted-values';
import { syntheticBook } from '../../../../../core/segments/testing/synthetic-book';
import { formatMoney, formatPercent } from '../../../../i18n/format';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const services = (downloadsGranted = false) => stubBackupServices(NOW, { downloadsGranted });

let book: Book;
let ana: Customer;
let bia: Customer;
beforeEach(async () => {
  book = await openTestBook(NOW);
  ana = await book.customers.create({ displayName: 'Ana Souza', identities: [{ kind: 'whatsapp', value: '11 98765-4321' }], customFields: { cpf: '123.456.789-09' } });
  bia = await book.customers.create({ displayName: 'Bia Lima', identities: [{ kind: 'instagram', value: '@bia.loja' }] });
  await book.orders.add({ customerId: ana.id, placedAt: '2026-10-01T15:00:00Z', totalMinor: 15990, currency: 'BRL' });
  await book.orders.add({ customerId: ana.id, placedAt: '2026-11-01T15:00:00Z', totalMinor: 5000, currency: 'BRL' });
});
afterEach(() => {
  cleanup();
  book.close();
});

const mount = (hash: string, backups: BackupServices = services()) => mountBookApp(book, hash, backups, NOW);

/** Text with the no-break spaces Intl puts in money ("R$\u00a050,00") written as plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ');
const status = () => plain(screen.getByRole('status').textContent);
const total = () => plain(screen.getByTestId('total-BRL').textContent);
const detailLoaded = () => waitFor(() => expect(screen.getByTestId('detail-name').textContent).toBeTruthy());

describe('the customer detail', () => {
  it('edits the name and a custom field in one save, and refuses an empty name beside the field', async () => {
    mount(`#/clientes/${ana.id}`);
    await detailLoaded();
    const form = screen.getByRole('button', { name: 'Adicionar campo' }).closest('form') as HTMLFormElement;
    fireEvent.input(within(form).getByLabelText('Nome'), { target: { value: '  ' } });
    fireEvent.submit(form);
    await waitFor(() => expect(within(form).getByLabelText('Nome').getAttribute('aria-invalid')).toBe('true'));
    expect(form.querySelector('.field-error')?.textContent).toBe('must not be empty');
    expect((await book.customers.get(ana.id))?.displayName).toBe('Ana Souza');

    fireEvent.input(within(form).getByLabelText('Nome'), { target: { value: 'Ana Souza Lima' } });
    fireEvent.input(within(form).getByDisplayValue('123.456.789-09'), { target: { value: '987.654.321-00' } });
    fireEvent.click(within(form).getByLabelText('Aceita receber ofertas (marketing)'));
    fireEvent.submit(form);
    await waitFor(() => expect(status()).toBe('Dados de Ana Souza Lima salvos.'));
    const saved = await book.customers.get(ana.id);
    expect(saved).toMatchObject({ displayName: 'Ana Souza Lima', customFields: { cpf: '987.654.321-00' }, consent: { marketing: true, source: 'seller' } });
    expect(saved?.consent.recordedAt).not.toBeNull();
    await waitFor(() => expect(screen.getByTestId('detail-name').textContent).toBe('Ana Souza Lima'));
  });

  it('tells a small book it cannot predict yet, and says how many buyers it takes', async () => {
    mount(`#/clientes/${ana.id}`);
    await detailLoaded();
    await waitFor(() => expect(screen.getByTestId('prediction').textContent).toContain('ao menos 20 clientes que compraram'));
  });

  it('shows the chance of buying again, the purchases and the value expected in 90 days, as core’s model gives them, with its date', async () => {
    const synthetic = syntheticBook({ customers: 120, orders: 700, feedback: 0, seed: 21, now: NOW.getTime() });
    await book.replaceAll({ tags: [], notes: [], followUps: [], segments: [], quickReplies: [], ...synthetic });
    const byCustomer = new Map<string, typeof synthetic.orders>();
    for (const order of synthetic.orders) byCustomer.set(order.customerId, [...(byCustomer.get(order.customerId) ?? []), order]);
    const model = fitPredictionModel(synthetic.customers.map((c) => byCustomer.get(c.id) ?? []), 'BRL', NOW.getTime(), 'America/Sao_Paulo');
    if (!model) throw new Error('the synthetic book is big enough to fit');
    const buyer = synthetic.customers.find((c) => predictCustomer(model, byCustomer.get(c.id) ?? [], NOW.getTime()) !== null);
    if (!buyer) throw new Error('a buyer in BRL');
    const expected = predictCustomer(model, byCustomer.get(buyer.id) ?? [], NOW.getTime());
    mount(`#/clientes/${buyer.id}`);
    await waitFor(() => expect(screen.getByTestId('prediction-alive').textContent).toBe(formatPercent(expected?.probabilityAlive ?? -1, 1, 'pt-BR')));
    expect(plain(screen.getByTestId('prediction-value').textContent)).toBe(plain(formatMoney(Math.round(expected?.valueMinor ?? -1), 'BRL', 'pt-BR')));
    expect(screen.getByTestId('prediction-purchases').textContent).toBe((expected?.expectedPurchases ?? -1).toFixed(1).replace('.', ','));
    const panel = plain(screen.getByTestId('prediction').textContent);
    expect(panel).toContain('Modelo ajustado em 29/11/2026');
    expect(panel).toContain(`com ${model.buyers} clientes que compraram`);
    expect(panel).toContain('nos próximos 90 dias');
  });

  it('archives the customer and brings them back', async () => {
    mount(`#/clientes/${ana.id}`);
    await detailLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Arquivar' }));
    await waitFor(() => expect(status()).toBe('Ana Souza foi arquivado.'));
    expect((await book.customers.get(ana.id))?.archivedAt).toBe(NOW.toISOString());
    fireEvent.click(await screen.findByRole('button', { name: 'Tirar do arquivo' }));
    await waitFor(() => expect(status()).toBe('Ana Souza saiu do arquivo.'));
    expect((await book.customers.get(ana.id))?.archivedAt).toBeNull();
  });

  it('adds a contact, refuses one another customer has (naming them, by the field), and removes one', async () => {
    mount(`#/clientes/${ana.id}`);
    await detailLoaded();
    const input = screen.getByLabelText('Novo contato');
    const form = input.closest('form') as HTMLFormElement;
    fireEvent.change(within(form).getByLabelText('Tipo de contato'), { target: { value: 'instagram' } });
    fireEvent.input(input, { target: { value: '@BIA.LOJA' } });
    fireEvent.submit(form);
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(input.getAttribute('aria-describedby') as string)?.textContent).toBe('Este contato (Instagram) já é de Bia Lima: junte os dois clientes na agenda.');
    expect(screen.getByRole('link', { name: 'Abrir Bia Lima' }).getAttribute('href')).toBe(`#/clientes/${bia.id}`);
    expect((await book.customers.get(ana.id))?.identities).toHaveLength(1);

    fireEvent.input(input, { target: { value: '@ana.loja' } });
    fireEvent.submit(form);
    await waitFor(() => expect(status()).toBe('Contato @ana.loja adicionado.'));
    expect(input.getAttribute('aria-invalid')).toBe('false');
    await waitFor(() => expect(screen.getByRole('link', { name: /Abrir conversa no Instagram/ }).getAttribute('href')).toBe('https://www.instagram.com/ana.loja/'));
    const whatsapp = screen.getByRole('link', { name: /Abrir conversa no WhatsApp/ });
    expect(whatsapp.getAttribute('href')).toBe('https://web.whatsapp.com/send?phone=5511987654321');
    expect(whatsapp.getAttribute('rel')).toBe('noopener noreferrer');
    expect(whatsapp.getAttribute('target')).toBe('_blank');

    fireEvent.click(screen.getByRole('button', { name: 'Remover o contato 11 98765-4321' }));
    await waitFor(() => expect(status()).toBe('Contato 11 98765-4321 removido.'));
    expect((await book.customers.get(ana.id))?.identities.map((i) => i.value)).toEqual(['ana.loja']);
    await waitFor(() => expect(screen.queryByRole('link', { name: /Abrir conversa no WhatsApp/ })).toBeNull());
  });

  it('refunds an order after asking, and the totals follow', async () => {
    mount(`#/clientes/${ana.id}`);
    await detailLoaded();
    await waitFor(() => expect(total()).toBe('R$ 209,90'));
    fireEvent.click(screen.getByRole('button', { name: /^Reembolsar: pedido de R\$\s50,00 em 01\/11\/2026$/ }));
    const confirm = await screen.findByRole('button', { name: 'Reembolsar' });
    expect(document.activeElement).toBe(confirm);
    expect(plain(confirm.closest('.confirm-step')?.querySelector('p')?.textContent)).toBe('Marcar o pedido de R$ 50,00 em 01/11/2026 como reembolsado? Ele sai dos totais.');
    expect((await book.orders.listByCustomer(ana.id)).map((o) => o.status)).toEqual(['paid', 'paid']);
    fireEvent.click(confirm);
    await waitFor(() => expect(status()).toBe('Reembolsado: pedido de R$ 50,00 em 01/11/2026.'));
    expect((await book.orders.listByCustomer(ana.id)).map((o) => o.status)).toEqual(['refunded', 'paid']);
    await waitFor(() => expect(total()).toBe('R$ 159,90'));
    expect(within(screen.getByTestId('order-history')).getByText('Reembolsado')).toBeTruthy();
  });

  it('edits an order amount in place, refusing one that is not an amount by its field', async () => {
    mount(`#/clientes/${ana.id}`);
    await detailLoaded();
    fireEvent.click(await screen.findByRole('button', { name: /^Editar: pedido de R\$\s159,90 em 01\/10\/2026$/ }));
    const amount = screen.getByDisplayValue('159,90');
    const form = amount.closest('form') as HTMLFormElement;
    fireEvent.input(amount, { target: { value: 'abc' } });
    fireEvent.submit(form);
    await waitFor(() => expect(amount.getAttribute('aria-invalid')).toBe('true'));
    fireEvent.input(amount, { target: { value: '170,00' } });
    fireEvent.submit(form);
    await waitFor(() => expect(status()).toBe('Salvo: pedido de R$ 170,00 em 01/10/2026.'));
    const orders = await book.orders.listByCustomer(ana.id);
    expect(orders.map((o) => [o.totalMinor, o.placedAt])).toEqual([
      [5000, '2026-11-01T15:00:00.000Z'],
      [17000, '2026-10-01T15:00:00.000Z'],
    ]);
  });

  it('merges a duplicate after showing what moves, and undoes it', async () => {
    const copy = await book.customers.create({ displayName: 'Ana (2)', identities: [{ kind: 'phone', value: '+55 11 98765-4321' }] });
    await book.notes.add(copy.id, 'Prefere PIX');
    const backups = services(true);
    mount(`#/clientes/${ana.id}`, backups);
    await detailLoaded();
    fireEvent.click(await screen.findByRole('button', { name: 'Juntar com Ana (2)…' }));
    expect(screen.getByTestId('merge-moves').textContent).toBe(
      'Ana (2) passa para Ana Souza: vão nenhum pedido, 1 nota, nenhuma etiqueta, nenhuma avaliação, nenhum acompanhamento e 1 contato.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Juntar' }));
    await waitFor(() => expect(status()).toMatch(/^Ana \(2\) foi juntado a Ana Souza/));
    expect(backups.backUp).toHaveBeenCalledWith('before-merge');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Possíveis duplicados'));
    expect(await book.customers.get(copy.id)).toBeUndefined();
    expect((await book.notes.listByCustomer(ana.id)).map((n) => n.text)).toEqual(['Prefere PIX']);

    fireEvent.click(await screen.findByRole('button', { name: 'Desfazer junção' }));
    await waitFor(() => expect(status()).toBe('Junção desfeita: Ana (2) voltou.'));
    expect(await book.customers.get(copy.id)).toMatchObject({ displayName: 'Ana (2)' });
    expect((await book.notes.listByCustomer(copy.id)).map((n) => n.text)).toEqual(['Prefere PIX']);
  });

  it('erases the personal data after asking, keeping the orders', async () => {
    await book.notes.add(ana.id, 'Mora na Rua X');
    mount(`#/clientes/${ana.id}`);
    await detailLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Apagar dados pessoais…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Apagar dados pessoais' }));
    await waitFor(() => expect(status()).toBe('Dados pessoais apagados. As vendas ficam, anônimas.'));
    await waitFor(() => expect(screen.getByTestId('detail-name').textContent).toBe('Cliente apagado'));
    expect(screen.getByTestId('erased-at').textContent).toBe('Dados pessoais apagados em 29/11/2026, 09:00.');
    expect(screen.getByTestId('customer-detail').textContent).not.toContain('Mora na Rua X');
    expect(total()).toBe('R$ 209,90');
  });
});

describe('possible duplicates across the book', () => {
  it('is reached from the Clientes header and lists each group with why, linking to each customer', async () => {
    const copy = await book.customers.create({ displayName: 'ana souza', identities: [{ kind: 'phone', value: '+55 21 98765-4321' }] });
    mount('#/clientes');
    const link = await screen.findByRole('link', { name: 'Possíveis duplicados' });
    location.hash = link.getAttribute('href') as string;
    await waitFor(() => expect(screen.getByTestId('duplicates-screen').getAttribute('aria-busy')).toBe('false'));
    const list = screen.getByTestId('duplicates-screen');
    expect(within(list).getByText('1 grupo de possíveis duplicados')).toBeTruthy();
    expect(within(list).getByRole('link', { name: 'Ana Souza' }).getAttribute('href')).toBe(`#/clientes/${ana.id}`);
    expect(within(list).getByRole('link', { name: 'ana souza' }).getAttribute('href')).toBe(`#/clientes/${copy.id}`);
    expect(list.textContent).toContain('mesmo nome e telefone terminado em 87654321');
  });
});

describe('chat links and CSV cells', () => {
  it('opens chats only for kinds with a public address, once per number', () => {
    const at = NOW.toISOString();
    const links = chatLinks([
      { kind: 'phone', value: '+5511987654321', raw: '11 98765-4321', addedAt: at },
      { kind: 'whatsapp', value: '+5511987654321', raw: '+55 11 98765-4321', addedAt: at },
      { kind: 'telegram', value: '-100123', raw: '-100123', addedAt: at },
      { kind: 'telegram', value: 'ana_loja', raw: '@ana_loja', addedAt: at },
      { kind: 'messenger', value: '100004567890123', raw: '100004567890123', addedAt: at },
      { kind: 'email', value: 'a@b.com', raw: 'a@b.com', addedAt: at },
    ]);
    expect(links.map((link) => link.href)).toEqual(['https://web.whatsapp.com/send?phone=5511987654321', 'https://t.me/ana_loja', 'https://www.messenger.com/t/100004567890123']);
  });

  it('quotes separators and defuses spreadsheet formulas in untrusted text', () => {
    expect(csvCell('Ana')).toBe('Ana');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });
});
