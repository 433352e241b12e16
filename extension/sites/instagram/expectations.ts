import type { SiteExpectations } from '../expectations';

const THREAD = 'https://www.instagram.com/direct/t/';
const ANA = `${THREAD}340282366841710300949128171234567890/`;

export const instagramExpectations: SiteExpectations = {
  site: 'instagram',
  urls: {
    serves: ['https://www.instagram.com/direct/inbox/', ANA, 'https://www.instagram.com/ana.loja/'],
    refuses: ['http://www.instagram.com/direct/inbox/', 'https://instagram.com.evil.io/direct/inbox/', 'https://about.instagram.com/'],
  },
  fixtures: [
    {
      file: 'direct.html',
      url: ANA,
      expect: { status: 'chat', identities: [{ kind: 'instagram', value: 'ana.loja' }], displayName: 'Ana Souza' },
      // The pt-BR label matches first: the thread's link, two inbox rows' and a message avatar's (4); only the thread's holds the h2.
      selectorCounts: { conversation: 1, profileLink: 4, conversationInfo: 1, title: 1, composer: 1 },
    },
    {
      file: 'direct.html',
      url: `${ANA}?lang=en`,
      expect: { status: 'chat', identities: [{ kind: 'instagram', value: 'ana.loja' }], displayName: 'Ana Souza' },
      selectorCounts: { profileLink: 4, conversationInfo: 1 },
    },
    {
      file: 'direct.html',
      url: ANA,
      click: 'Bruno Lima',
      expect: { status: 'chat', identities: [{ kind: 'instagram', value: 'bruno_lima' }], displayName: 'Bruno Lima' },
    },
    {
      file: 'direct.html',
      url: `${THREAD}340282366841710300949128170000000001/`,
      // Members' avatars link to their profiles, but no link holds the h2: a group, not Ana.
      expect: { status: 'group', displayName: 'Amigas do bazar' },
      selectorCounts: { profileLink: 4, conversationInfo: 1, title: 1 },
    },
    { file: 'direct.html', url: 'https://www.instagram.com/direct/inbox/', expect: { status: 'no-chat' }, selectorCounts: { conversationInfo: 0, composer: 0 } },
    { file: 'broken.html', url: ANA, expect: { status: 'undetected' }, selectorCounts: { profileLink: 0, conversationInfo: 0, composer: 1 } },
  ],
  e2e: {
    routes: ['https://www.instagram.com/**'],
    fixture: 'extension/sites/instagram/fixtures/direct.html',
    start: ANA,
    firstName: 'Ana Souza',
    second: { click: 'Bruno Lima', name: 'Bruno Lima' },
    group: { click: 'Amigas do bazar' },
    broken: { fixture: 'extension/sites/instagram/fixtures/broken.html', url: ANA },
  },
};
