// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupStatus } from '../../backup/backup-status';
import type { BookClient } from '../../messaging/client';
import type { BookRequest } from '../../messaging/protocol';
import { REMINDER_DISMISSED_KEY } from '../backup-reminder';
import { SidebarApp } from './sidebar-app';

// The sidebar keeps "remind me tomorrow" in storage.local: a map stands in for it.
const stored = vi.hoisted(() => new Map<string, unknown>());
vi.mock('wxt/browser', () => ({
  browser: {
    storage: {
      local: {
        get: async (key: string) => (stored.has(key) ? { [key]: stored.get(key) } : {}),
        set: async (items: Record<string, unknown>) => Object.entries(items).forEach(([key, value]) => stored.set(key, value)),
      },
    },
  },
}));

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function fakeClient(status: Partial<BackupStatus>, customerCount: number, run: () => Promise<unknown> = async () => ({ outcome: 'opened-book-page' })) {
  const full: BackupStatus = { settings: { schedule: 'weekly', encrypt: false }, last: null, history: [], downloadsGranted: false, due: true, daysSinceLast: null, ...status };
  const ask = vi.fn(async (request: BookRequest) => {
    if (request.type === 'book/summary') return { customerCount };
    if (request.type === 'backup/status') return full;
    if (request.type === 'backup/run') return run();
    throw new Error(`unexpected ${request.type}`);
  });
  return { ask, watch: vi.fn() } as unknown as BookClient & { ask: typeof ask };
}

let container: HTMLElement;
let lifetime: AbortController;
beforeEach(() => {
  stored.clear();
  lifetime = new AbortController();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  lifetime.abort();
  render(null, container);
  container.remove();
});

async function mount(client: BookClient) {
  await act(async () => {
    render(<SidebarApp client={client} host={null} locale="pt-BR" timeZone="America/Sao_Paulo" signal={lifetime.signal} />, container);
  });
}

describe('the sidebar and backups', () => {
  it('says how old the last backup is in its footer', async () => {
    await mount(fakeClient({ daysSinceLast: 3 }, 10));
    await vi.waitFor(() => expect(text(container.querySelector('[data-testid="sidebar-backup-age"]'))).toBe('Última cópia há 3 dias'));
    expect(container.querySelector('[data-testid="backup-banner"]')).toBeNull();
  });

  it('reminds after 30 days, and its button asks the background to back up', async () => {
    const client = fakeClient({ daysSinceLast: 31 }, 10);
    await mount(client);
    const banner = await vi.waitFor(() => {
      const element = container.querySelector('[data-testid="backup-banner"]');
      expect(element).not.toBeNull();
      return element!;
    });
    expect(text(banner)).toContain('A última cópia de segurança da agenda foi feita há 31 dias.');
    await act(async () => (banner.querySelector('[data-testid="backup-banner-run"]') as HTMLElement).click());
    await vi.waitFor(() => expect(text(banner)).toContain('A agenda abriu em outra aba para fazer a cópia.'));
    expect(client.ask).toHaveBeenCalledWith({ type: 'backup/run' });
  });

  it('reminds a book with customers that has no backup, and "Lembrar amanhã" keeps it away for the day', async () => {
    await mount(fakeClient({}, 2));
    await vi.waitFor(() => expect(text(container.querySelector('[data-testid="sidebar-backup-age"]'))).toBe('Nenhuma cópia ainda'));
    const dismiss = await vi.waitFor(() => {
      const button = [...container.querySelectorAll('[data-testid="backup-banner"] button')].find((element) => element.textContent === 'Lembrar amanhã');
      expect(button).toBeDefined();
      return button as HTMLElement;
    });
    await act(async () => dismiss.click());
    expect(container.querySelector('[data-testid="backup-banner"]')).toBeNull();
    await vi.waitFor(() => expect(stored.get(REMINDER_DISMISSED_KEY)).toMatch(/^\d{4}-\d{1,2}-\d{1,2}$/));

    render(null, container);
    await mount(fakeClient({}, 2));
    await vi.waitFor(() => expect(text(container.querySelector('[data-testid="sidebar-backup-age"]'))).toBe('Nenhuma cópia ainda'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(container.querySelector('[data-testid="backup-banner"]')).toBeNull();
  });

  it('says nothing to an empty book with no backup', async () => {
    await mount(fakeClient({}, 0));
    await vi.waitFor(() => expect(text(container.querySelector('[data-testid="sidebar-backup-age"]'))).toBe('Nenhuma cópia ainda'));
    expect(container.querySelector('[data-testid="backup-banner"]')).toBeNull();
  });
});
