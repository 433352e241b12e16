import type { SiteExpectations } from '../expectations';

const ANA = 'https://www.facebook.com/messages/t/100004567890123/';

export const messengerExpectations: SiteExpectations = {
  site: 'messenger',
  urls: {
    serves: [
      'https://www.messenger.com/t/100004567890123/',
      'https://www.messenger.com/e2ee/t/100009876543210/',
      ANA,
      'https://www.facebook.com/messages/e2ee/t/100009876543210',
      'https://web.facebook.com/messages/t/100004567890123/',
      'https://www.facebook.com/messages/',
    ],
    refuses: ['https://www.facebook.com/', 'https://www.facebook.com/messagesx/', 'http://www.messenger.com/t/1/', 'https://messenger.com.evil.io/t/1/'],
  },
  fixtures: [
    {
      file: 'thread.html',
      url: ANA,
      // Facebook's banner links the seller's own profile but holds no h2: the thread's link is the one read.
      expect: { status: 'chat', identities: [{ kind: 'messenger', value: '100004567890123' }], displayName: 'Ana Souza' },
      selectorCounts: { conversation: 1, personPane: 1, groupPane: 0, profileLink: 1, conversationInfo: 1, title: 1, composer: 1 },
    },
    {
      file: 'thread.html',
      url: 'https://www.messenger.com/t/100004567890123/?lang=en',
      expect: { status: 'chat', identities: [{ kind: 'messenger', value: '100004567890123' }], displayName: 'Ana Souza' },
      selectorCounts: { personPane: 1, profileLink: 1, conversationInfo: 1 },
    },
    {
      file: 'thread.html',
      url: ANA,
      click: 'Bruno Lima',
      expect: { status: 'chat', identities: [{ kind: 'messenger', value: '100009876543210' }], displayName: 'Bruno Lima' },
    },
    {
      file: 'thread.html',
      url: 'https://www.facebook.com/messages/t/7654321098765432/',
      expect: { status: 'group', displayName: 'Bazar das amigas' },
      selectorCounts: { groupPane: 1, personPane: 0, profileLink: 0, conversationInfo: 1, title: 1 },
    },
    {
      file: 'thread.html',
      url: 'https://www.messenger.com/t/7654321098765432/?lang=en',
      expect: { status: 'group', displayName: 'Bazar das amigas' },
      selectorCounts: { groupPane: 1 },
    },
    {
      file: 'thread.html',
      url: 'https://www.facebook.com/messages/t/8877665544332211/',
      // A Marketplace thread: the buyer is their profile id, not the thread's; the item is the context.
      expect: { status: 'chat', identities: [{ kind: 'messenger', value: '100077788899900' }], displayName: 'Carla Dias', context: 'Bicicleta aro 29' },
    },
    { file: 'thread.html', url: 'https://www.facebook.com/messages/', expect: { status: 'no-chat' } },
    { file: 'broken.html', url: 'https://www.messenger.com/t/100004567890123/', expect: { status: 'undetected' }, selectorCounts: { conversation: 1, personPane: 0, profileLink: 0, composer: 1 } },
  ],
  e2e: {
    routes: ['https://www.facebook.com/messages/**', 'https://www.messenger.com/**'],
    fixture: 'extension/sites/messenger/fixtures/thread.html',
    start: ANA,
    firstName: 'Ana Souza',
    second: { click: 'Bruno Lima', name: 'Bruno Lima' },
    group: { click: 'Bazar das amigas' },
    broken: { fixture: 'extension/sites/messenger/fixtures/broken.html', url: 'https://www.messenger.com/t/100004567890123/' },
  },
};
