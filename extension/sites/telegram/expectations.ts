import type { FixtureExpectation, SiteExpectations } from '../expectations';

const K = 'https://web.telegram.org/k/';
const A = 'https://web.telegram.org/a/';
const ana: FixtureExpectation['expect'] = { status: 'chat', identities: [{ kind: 'telegram', value: 'ana_loja' }], displayName: 'Ana Souza' };
const carla: FixtureExpectation['expect'] = { status: 'chat', identities: [{ kind: 'telegram', value: '777000456' }], displayName: 'Carla Dias' };

export const telegramExpectations: SiteExpectations = {
  site: 'telegram',
  urls: {
    serves: [`${K}#@ana_loja`, `${A}#777000123`, K, `${A}#-1001234567890_12_pinned`],
    refuses: ['https://telegram.org/', 'https://web.telegram.org/z/', 'http://web.telegram.org/k/', 'https://web.telegram.org.evil.io/k/'],
  },
  fixtures: [
    { file: 'web-k.html', url: `${K}#@ana_loja`, expect: ana, selectorCounts: { title: 1, conversation: 1, composer: 1, darkTheme: 0 } },
    { file: 'web-k.html', url: `${K}?night#@ana_loja`, expect: ana, selectorCounts: { darkTheme: 1 } },
    // Opening a chat from the list rewrites the hash with replaceState, as K does.
    { file: 'web-k.html', url: `${K}#@ana_loja`, click: 'Bruno Lima', expect: { status: 'chat', identities: [{ kind: 'telegram', value: '777000123' }], displayName: 'Bruno Lima' } },
    // A public channel also opens as #@name: its title's negative peer id tells it is not a person.
    { file: 'web-k.html', url: `${K}#@ana_loja`, click: 'Clientes VIP (canal)', expect: { status: 'group', displayName: 'Clientes VIP (canal)' } },
    { file: 'web-k.html', url: `${K}#@clientesvip`, expect: { status: 'group', displayName: 'Clientes VIP (canal)' } },
    { file: 'web-k.html', url: `${K}#-4000000002`, expect: { status: 'group', displayName: 'Família' } },
    { file: 'web-k.html', url: K, expect: { status: 'no-chat' } },
    { file: 'web-a.html', url: `${A}#777000456`, expect: carla, selectorCounts: { title: 1, conversation: 1, composer: 1, darkTheme: 0 } },
    { file: 'web-a.html', url: `${A}?dark#777000456`, expect: carla, selectorCounts: { darkTheme: 1 } },
    { file: 'web-a.html', url: `${A}#777000456_pinned`, expect: carla },
    { file: 'web-a.html', url: `${A}#777000456_scheduled`, expect: carla },
    { file: 'web-a.html', url: `${A}#-1009876543210_42`, expect: { status: 'group', displayName: 'Loja (fórum)' } },
    { file: 'web-a.html', url: `${A}#-1009876543210_42_pinned`, expect: { status: 'group', displayName: 'Loja (fórum)' } },
    { file: 'web-a.html', url: `${A}#-4000000001`, expect: { status: 'group', displayName: 'Família' } },
    { file: 'broken.html', url: `${A}#/chat/ana`, expect: { status: 'undetected' }, selectorCounts: { title: 0, conversation: 1 } },
  ],
  e2e: {
    routes: ['https://web.telegram.org/**'],
    fixture: 'extension/sites/telegram/fixtures/web-k.html',
    start: `${K}#@ana_loja`,
    firstName: 'Ana Souza',
    second: { click: 'Bruno Lima', name: 'Bruno Lima' },
    group: { click: 'Clientes VIP (canal)' },
    broken: { fixture: 'extension/sites/telegram/fixtures/broken.html', url: `${A}#/chat/ana` },
  },
};
