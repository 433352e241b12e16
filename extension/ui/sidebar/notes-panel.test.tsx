// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translate, type MessageKey } from '../../i18n/translate';
import type { CustomerProfile } from '../../messaging/protocol';
import { NotesPanel } from './notes-panel';
import { SidebarContext, type SidebarTools } from './sidebar-context';

afterEach(cleanup);

describe('adding a note in the sidebar', () => {
  it('keeps what the seller typed while the previous note was being saved', async () => {
    let finish: (saved: boolean) => void = () => undefined;
    const ask = vi.fn(async () => undefined);
    const tools = {
      locale: 'pt-BR',
      timeZone: 'America/Sao_Paulo',
      t: (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params),
      ask,
      // The save and the profile's refresh, still on their way until the test says otherwise.
      update: (run: () => Promise<unknown>) => {
        void run();
        return new Promise<boolean>((resolve) => (finish = resolve));
      },
    } as unknown as SidebarTools;
    const profile = { customer: { id: 'c1' }, notes: [] } as unknown as CustomerProfile;
    render(
      <SidebarContext.Provider value={tools}>
        <NotesPanel profile={profile} />
      </SidebarContext.Provider>,
    );
    const box = screen.getByLabelText(translate('pt-BR', 'addNote')) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Prefere entrega no sábado' } });
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    await waitFor(() => expect(ask).toHaveBeenCalledWith({ type: 'notes/add', customerId: 'c1', text: 'Prefere entrega no sábado' }));
    fireEvent.input(box, { target: { value: 'Paga no PIX' } });
    finish(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(box.value).toBe('Paga no PIX');

    // A save that ends with the box as sent clears it.
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    finish(true);
    await waitFor(() => expect(box.value).toBe(''));
  });
});
