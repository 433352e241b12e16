import type { SiteExpectations } from '../expectations';

const ANA = 'https://www.facebook.com/marketplace/t/24681357913579/';

export const marketplaceExpectations: SiteExpectations = {
  site: 'marketplace',
  urls: {
    serves: [ANA, 'https://web.facebook.com/marketplace/t/24681357913579/', 'https://www.facebook.com/marketplace/', 'https://www.facebook.com/marketplace/item/987654321012345/'],
    refuses: ['https://www.facebook.com/marketplacex/', 'https://m.facebook.com/marketplace/t/1/', 'http://www.facebook.com/marketplace/t/1/', 'https://www.facebook.com/groups/marketplace/'],
  },
  fixtures: [
    {
      file: 'inbox.html',
      url: ANA,
      expect: { status: 'chat', identities: [{ kind: 'messenger', value: '100012345678901' }], displayName: 'Ana Souza', context: 'Bicicleta aro 29' },
      selectorCounts: { conversation: 1, title: 1, buyerLink: 1, itemLink: 1, composer: 1 },
    },
    {
      file: 'inbox.html',
      url: ANA,
      click: 'Carlos Mendes · Sofá retrátil',
      expect: { status: 'chat', identities: [{ kind: 'messenger', value: '100098765432109' }], displayName: 'Carlos Mendes', context: 'Sofá retrátil' },
    },
    {
      file: 'inbox.html',
      url: 'https://www.facebook.com/marketplace/t/24681357900002/',
      // No buyer profile on the page: the thread id stands in for the buyer.
      expect: { status: 'chat', identities: [{ kind: 'messenger', value: '24681357900002' }], displayName: 'Marina Alves', context: 'Mesa de jantar' },
      selectorCounts: { buyerLink: 0, itemLink: 1 },
    },
    { file: 'inbox.html', url: 'https://www.facebook.com/marketplace/', expect: { status: 'no-chat' } },
    { file: 'broken.html', url: ANA, expect: { status: 'undetected' }, selectorCounts: { conversation: 1, title: 0, buyerLink: 0, composer: 1 } },
  ],
  e2e: {
    routes: ['https://www.facebook.com/marketplace/**'],
    fixture: 'extension/sites/marketplace/fixtures/inbox.html',
    start: ANA,
    firstName: 'Ana Souza',
    second: { click: 'Carlos Mendes · Sofá retrátil', name: 'Carlos Mendes' },
    broken: { fixture: 'extension/sites/marketplace/fixtures/broken.html', url: ANA },
  },
};
