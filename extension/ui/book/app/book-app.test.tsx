// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Book } from '../../../../core';
import { openTestBook } from '../../../../core/store/test-book';
import type { BackupServices } from '../backup/backup-services';
import { mountBookApp, stubBackupServices } from './book-app-testing';
import { parseHash, hrefOf } from './router';
import { featureOf, FEATURES, type Feature } from './routes';
import type { JSX } from 'preact';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const services = () => stubBackupServices(NOW);

let book: Book;
beforeEach(async () => {
  book = await openTestBook(NOW);
  history.replaceState(null, '', '/book.html');
});
afterEach(() => {
  cleanup();
  book.close();
});

const mount = (hash: string, backups: BackupServices = services()) => mountBookApp(book, hash, backups, NOW);

const heading = () => screen.getByRole('heading', { level: 1 });
const current = () => screen.getByRole('navigation').querySelector('[aria-current="page"]')?.textContent;

describe('routes', () => {
  it('parses paths and query, and builds hrefs that parse back', () => {
    expect(parseHash('#/clientes/a%20b?busca=ana&tag=vip')).toMatchObject({ segments: ['clientes', 'a b'] });
    expect(parseHash('#/clientes?busca=ana').params.get('busca')).toBe('ana');
    expect(parseHash('').segments).toEqual([]);
    expect(parseHash(hrefOf(['clientes', 'x/y'], { busca: 'é' }))).toMatchObject({ segments: ['clientes', 'x/y'] });
    expect(featureOf(parseHash('#/configuracoes'))?.feature.id).toBe('settings');
    expect(featureOf(parseHash('#/clientes/abc'))).toMatchObject({ feature: { id: 'customers' }, rest: ['abc'] });
    expect(featureOf(parseHash('#/nada'))).toBeNull();
    expect(new Set(FEATURES.map((feature) => feature.path)).size).toBe(FEATURES.length);
  });
});

describe('the book page shell', () => {
  it('opens a deep link on its screen, with the nav, the title and the heading following it', async () => {
    mount('#/configuracoes');
    await waitFor(() => expect(screen.getByTestId('backup-panel')).toBeTruthy());
    expect(heading().textContent).toBe('Configurações');
    expect(current()).toBe('Configurações');
    expect(document.title).toBe('Configurações · Clientela');
    expect(screen.queryByTestId('customer-list')).toBeNull();
  });

  it('follows links, back and forward, moving focus to the new screen’s heading', async () => {
    mount('#/clientes');
    await waitFor(() => expect(screen.getByTestId('customer-list').getAttribute('aria-busy')).toBe('false'));
    expect(current()).toBe('Clientes');

    location.hash = screen.getByRole('link', { name: 'Configurações' }).getAttribute('href') as string;
    await waitFor(() => expect(heading().textContent).toBe('Configurações'));
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect(current()).toBe('Configurações');

    history.back();
    await waitFor(() => expect(heading().textContent).toBe('Clientes'));
    expect(screen.getByTestId('customer-list')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    history.forward();
    await waitFor(() => expect(heading().textContent).toBe('Configurações'));
  });

  it('sends an unknown route to Hoje, replacing it in the history', async () => {
    mount('#/nada/disso');
    await waitFor(() => expect(location.hash).toBe('#/hoje'));
    expect(heading().textContent).toBe('Hoje');
    expect(current()).toBe('Hoje');
  });

  it('fetches a screen when it is first shown, saying so meanwhile, and says when it cannot be fetched', async () => {
    let arrive: (screen: () => JSX.Element) => void = () => undefined;
    let asked = 0;
    const features: Feature[] = [
      { id: 'today', path: 'hoje', labelKey: 'nav.today', screen: () => <p>Hoje aqui</p> },
      {
        id: 'customers',
        path: 'clientes',
        labelKey: 'nav.customers',
        load: () => {
          asked += 1;
          return new Promise((resolve) => (arrive = resolve));
        },
      },
      { id: 'dashboard', path: 'painel', labelKey: 'nav.dashboard', load: () => Promise.reject(new Error('chunk gone')) },
    ];
    mountBookApp(book, '#/clientes', services(), NOW, features);
    expect(heading().textContent).toBe('Clientes');
    expect(document.querySelector('main [role="status"][aria-busy="true"]')?.textContent).toBe('Carregando…');
    arrive(() => <p>Lista de clientes</p>);
    await screen.findByText('Lista de clientes');
    expect(screen.queryByText('Carregando…')).toBeNull();
    location.hash = '#/painel';
    expect((await screen.findByText(/^Não foi possível abrir esta tela\. Recarregue a página/)).getAttribute('role')).toBe('alert');
    // Back to a screen fetched already: drawn at once, not fetched again.
    location.hash = '#/clientes';
    await screen.findByText('Lista de clientes');
    expect(asked).toBe(1);
  });

  it('opens on Hoje when the address names no screen', async () => {
    mount('');
    await waitFor(() => expect(screen.getByTestId('today-empty')).toBeTruthy());
    expect(heading().textContent).toBe('Hoje');
    expect(current()).toBe('Hoje');
  });

  it('lists customers by folded name with the count, and opens a customer from it', async () => {
    for (const displayName of ['bruno', 'Álvaro', 'Carla']) await book.customers.create({ displayName });
    mount('#/clientes');
    await waitFor(() => expect(screen.getByTestId('table-total').textContent).toBe('3 clientes'));
    const names = [...screen.getByTestId('customer-grid').querySelectorAll('.col-name a')].map((name) => name.textContent);
    expect(names).toEqual(['Álvaro', 'bruno', 'Carla']);
    location.hash = screen.getByRole('link', { name: 'Carla' }).getAttribute('href') as string;
    await waitFor(() => expect(screen.getByTestId('detail-name').textContent).toBe('Carla'));
    expect(current()).toBe('Clientes');
  });

  it('adds a customer, says so in the live region, and the list follows the change feed', async () => {
    mount('#/clientes');
    await waitFor(() => expect(screen.getByTestId('table-total').textContent).toBe('Nenhum cliente encontrado'));
    fireEvent.input(screen.getByLabelText('Nome'), { target: { value: 'Ana Souza' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Salvar' }).closest('form') as HTMLFormElement);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Ana Souza foi adicionado.'));
    await waitFor(() => expect(screen.getByTestId('customer-grid').textContent).toContain('Ana Souza'));
    expect(screen.getByTestId('table-total').textContent).toBe('1 cliente');
  });

  it('backs up at once when opened to do so, and drops the ask from the address', async () => {
    const backups = services();
    mount('#/configuracoes?copia=agora', backups);
    await waitFor(() => expect(backups.backUp).toHaveBeenCalledTimes(1));
    expect(location.hash).toBe('#/configuracoes');
    expect(heading().textContent).toBe('Configurações');
  });
});
