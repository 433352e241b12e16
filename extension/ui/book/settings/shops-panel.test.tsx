// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestBook } from '../../../../core/store/test-book';
import type { ShopsState } from '../../../shops/shop-service';
import { BookProvider } from '../app/book-context';
import { NoticeArea } from '../app/notice-area';
import { ShopsPanel } from './shops-panel';
import type { ShopsServices } from './shops-services';

afterEach(cleanup);

const ANA = 'https://loja-da-ana.com.br';

/** The browser and the background, played: `grant` is the browser's answer to each request. */
function fakeServices(state: ShopsState, grant = true) {
  let current = state;
  const services = {
    list: vi.fn(async () => current),
    request: vi.fn(async (_origin: string) => grant),
    add: vi.fn(async (origin: string) => (current = { shops: [...current.shops.filter((shop) => shop.origin !== origin), { origin, status: 'active' as const }] })),
    remove: vi.fn(async (origin: string) => (current = { shops: current.shops.filter((shop) => shop.origin !== origin) })),
    watch: vi.fn(() => () => undefined),
  } satisfies ShopsServices;
  return services;
}

async function mount(services: ShopsServices) {
  const book = await openTestBook();
  render(
    <BookProvider book={book} locale="pt-BR">
      <NoticeArea />
      <ShopsPanel services={services} />
    </BookProvider>,
  );
  await waitFor(() => expect(services.list).toHaveBeenCalled());
}

const alertText = () => screen.getByTestId('notice-alert').textContent;
const statusText = () => screen.getByTestId('notice-status').textContent;
const submit = (text: string) => {
  fireEvent.input(screen.getByLabelText('Endereço da loja'), { target: { value: text } });
  fireEvent.submit(screen.getByRole('button', { name: 'Adicionar loja' }).closest('form') as HTMLFormElement);
};

describe('Configurações › Lojas com domínio próprio', () => {
  it('says what is wrong with an address beside the field and in the live region, asking the browser nothing', async () => {
    const services = fakeServices({ shops: [] });
    await mount(services);
    await screen.findByText('Nenhuma loja adicionada ainda.');
    submit('http://loja-da-ana.com.br');
    const problem = 'O endereço começa com http://: o Clientela só abre em lojas com https://, que protege o painel da loja.';
    expect(alertText()).toBe(problem);
    expect(screen.getByLabelText('Endereço da loja').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('shop-url-error')?.textContent).toBe(problem);
    expect(services.request).not.toHaveBeenCalled();
  });

  it('asks the browser for the origin in the submit itself, then adds the shop', async () => {
    const services = fakeServices({ shops: [] });
    await mount(services);
    submit(`${ANA}/wp-admin/`);
    // Before any await: a browser refuses a permission request made outside the seller's gesture.
    expect(services.request).toHaveBeenCalledWith(ANA);
    await waitFor(() => expect(statusText()).toBe(`Loja adicionada: o Clientela abre ao lado dos pedidos em ${ANA}.`));
    expect(services.add).toHaveBeenCalledWith(ANA);
    await waitFor(() => expect(screen.getByTestId('shop-status').textContent).toBe('ativa'));
    expect((screen.getByLabelText('Endereço da loja') as HTMLInputElement).value).toBe('');
  });

  it('adds nothing when the browser says no', async () => {
    const services = fakeServices({ shops: [] }, false);
    await mount(services);
    submit(ANA);
    await waitFor(() => expect(alertText()).toBe(`O navegador não deu acesso a ${ANA}. Nada foi adicionado.`));
    expect(services.add).not.toHaveBeenCalled();
  });

  it('offers to allow a shop without permission again, and removes a shop by a button that names it', async () => {
    const services = fakeServices({ shops: [{ origin: ANA, status: 'no-permission' }] });
    await mount(services);
    await waitFor(() => expect(screen.getByTestId('shop-status').textContent).toBe('sem permissão'));
    fireEvent.click(screen.getByRole('button', { name: `Permitir de novo o acesso a ${ANA}` }));
    expect(services.request).toHaveBeenCalledWith(ANA);
    await waitFor(() => expect(statusText()).toBe(`Acesso a ${ANA} permitido de novo.`));
    await waitFor(() => expect(screen.getByTestId('shop-status').textContent).toBe('ativa'));
    expect(screen.queryByRole('button', { name: `Permitir de novo o acesso a ${ANA}` })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: `Remover ${ANA}` }));
    await waitFor(() => expect(statusText()).toBe(`${ANA} foi removida: o Clientela não tem mais acesso a ela.`));
    expect(services.remove).toHaveBeenCalledWith(ANA);
    await screen.findByText('Nenhuma loja adicionada ainda.');
  });
});
