import type { SiteExpectations } from '../expectations';

const WA = 'https://web.whatsapp.com/';

/** The DOM reading (messages' data-id, the header). What the main-world bridge adds is in bridge.test.ts. */
export const whatsappExpectations: SiteExpectations = {
  site: 'whatsapp',
  urls: {
    serves: [WA, `${WA}send?phone=5511987654321`],
    refuses: ['http://web.whatsapp.com/', 'https://whatsapp.com/', 'https://web.whatsapp.com.evil.io/', 'https://www.whatsapp.com/'],
  },
  fixtures: [
    {
      file: 'chat-open.html',
      url: WA,
      expect: { status: 'chat', identities: [{ kind: 'whatsapp', value: '5511987654321' }], displayName: 'Ana Souza' },
      selectorCounts: { app: 1, chatList: 1, conversation: 1, title: 1, messageIds: 1, composer: 1, darkTheme: 0 },
    },
    { file: 'chat-open.html', url: `${WA}?dark`, expect: { status: 'chat', identities: [{ kind: 'whatsapp', value: '5511987654321' }], displayName: 'Ana Souza' }, selectorCounts: { darkTheme: 1 } },
    // Without the bridge a hidden-number chat is only its @lid id.
    { file: 'chat-open.html', url: `${WA}?chat=123456789012345@lid`, expect: { status: 'chat', identities: [{ kind: 'whatsapp-lid', value: '123456789012345' }], displayName: 'Bruno Lima' } },
    { file: 'chat-open.html', url: `${WA}?chat=987654321098765@lid`, expect: { status: 'chat', identities: [{ kind: 'whatsapp-lid', value: '987654321098765' }], displayName: 'Carla Dias' } },
    { file: 'chat-open.html', url: `${WA}?chat=120363025555555555@g.us`, expect: { status: 'group', displayName: 'Família' }, selectorCounts: { messageIds: 1 } },
    // No messages yet: the header's number is the identity.
    { file: 'chat-open.html', url: WA, click: '+55 31 99876-5432', expect: { status: 'chat', identities: [{ kind: 'whatsapp', value: '5531998765432' }], displayName: '+55 31 99876-5432' }, selectorCounts: { messageIds: 0 } },
    { file: 'chat-open.html', url: `${WA}?chat=none`, expect: { status: 'no-chat' }, selectorCounts: { chatList: 1, conversation: 0, composer: 0 } },
    { file: 'broken.html', url: WA, expect: { status: 'undetected' }, selectorCounts: { app: 1, chatList: 0, conversation: 0 } },
  ],
  e2e: {
    routes: ['https://web.whatsapp.com/**'],
    fixture: 'extension/sites/whatsapp/fixtures/chat-open.html',
    start: WA,
    firstName: 'Ana Souza',
    second: { click: '+55 31 99876-5432', name: '+55 31 99876-5432' },
    group: { click: 'Família' },
    broken: { fixture: 'extension/sites/whatsapp/fixtures/broken.html', url: WA },
  },
};
