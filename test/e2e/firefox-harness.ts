// The built Firefox add-on in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no browser is
// downloaded). Host sites are served from committed fixtures at their real URLs; nothing leaves the machine.
// Every language's messages, before any module that translates is evaluated.
import '../../extension/i18n/catalogs';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.CLIENTELA_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const ROOT = resolve(import.meta.dirname, '../..');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const PREFS = {
  // The browser's interface in Brazilian Portuguese (browser.i18n, the manifest's __MSG_*__) and pages told so
  // (navigator.language, which the sidebar follows). The first needs Debian's firefox-esr-l10n-pt-br.
  'intl.locale.requested': 'pt-BR',
  'intl.accept_languages': 'pt-BR, pt',
  // Backstop for traffic no tab makes (the add-on's background page, Firefox's own services): every http(s)
  // request that is not loopback goes to a proxy that does not exist. Tabs never reach it: their requests are
  // answered or aborted by the interception below before any connection is made.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': '',
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.connectivity-service.enabled': false,
  'network.captive-portal-service.enabled': false,
};

export interface FirefoxLaunchOptions {
  /** Downloads are saved here, under the names the add-on gives them, without asking. */
  downloadsDir?: string;
  /**
   * Optional permissions the add-on asks for are granted without the prompt (Firefox's own pref for this,
   * `extensions.webextOptionalPermissionPrompts`): `permissions.request` still runs, in a trusted input handler, and
   * answers yes. Only the prompt itself goes untested.
   */
  grantOptionalWithoutPrompt?: boolean;
}

export interface FirefoxSession {
  browser: Browser;
  /** The add-on's id (`browser_specific_settings.gecko.id`). */
  addonId: string;
  /** Serves a committed fixture (path from the repository root) for requests whose URL `matches`. */
  routeToFixture(matches: (url: URL) => boolean, fixturePath: string): Promise<void>;
  /** Serves `body` as an HTML page for requests whose URL `matches`. */
  routeToHtml(matches: (url: URL) => boolean, body: string): void;
  /** A new tab under the network rules: routed fixtures, loopback allowed, everything else aborted. */
  newPage(): Promise<Page>;
  /** Closes Firefox, checks that none of its processes is left, removes the profile. */
  close(): Promise<void>;
}

/** Launches Firefox ESR headless in a fresh profile with the built add-on (or `addon`, a folder) installed. */
export async function launchFirefox(addon = FIREFOX_BUILD, { downloadsDir, grantOptionalWithoutPrompt = false }: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  await checkFirefox(addon);
  const profile = await mkdtemp(join(tmpdir(), 'clientela-firefox-'));
  const downloads = downloadsDir
    ? { 'browser.download.dir': downloadsDir, 'browser.download.folderList': 2, 'browser.download.useDownloadDir': true, 'browser.download.always_ask_before_handling_new_types': false }
    : {};
  let browser: Browser | undefined;
  try {
    const prompts = grantOptionalWithoutPrompt ? { 'extensions.webextOptionalPermissionPrompts': false } : {};
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: profile, extraPrefsFirefox: { ...PREFS, ...downloads, ...prompts } });
    const addonId = await browser.installExtension(addon);
    return session(browser, addonId, profile);
  } catch (error) {
    await shutDown(browser, profile);
    throw error;
  }
}

function session(browser: Browser, addonId: string, profile: string): FirefoxSession {
  const routes: { matches: (url: URL) => boolean; body: string }[] = [];
  const answer = (request: HTTPRequest): Promise<void> => {
    const url = new URL(request.url());
    const route = routes.find((r) => r.matches(url));
    if (route) return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: route.body });
    if (/^(https?|wss?):$/.test(url.protocol) && !LOOPBACK.has(url.hostname)) return request.abort('internetdisconnected');
    return request.continue(); // loopback, moz-extension:, data:, blob:
  };
  return {
    browser,
    addonId,
    async routeToFixture(matches, fixturePath) {
      routes.push({ matches, body: await readFile(resolve(ROOT, fixturePath), 'utf8') });
    },
    routeToHtml(matches, body) {
      routes.push({ matches, body });
    },
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => void answer(request).catch(() => undefined)); // a request may die with its tab
      return page;
    },
    close: () => shutDown(browser, profile),
  };
}

async function checkFirefox(addon: string): Promise<void> {
  if (!existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX}: apt-get install firefox-esr firefox-esr-l10n-pt-br (.ci/run does)`);
  if (!existsSync(join(addon, 'manifest.json'))) throw new Error(`no add-on at ${addon}: run npm run build:firefox`);
  // Without the language pack Firefox falls back to en-US and the add-on speaks English.
  const packs = join(dirname(await realpath(FIREFOX)), 'browser/extensions');
  const langpack = existsSync(packs) && (await readdir(packs)).some((name) => name.startsWith('langpack-pt-BR@'));
  if (!langpack) throw new Error(`no pt-BR language pack in ${packs}: apt-get install firefox-esr-l10n-pt-br (.ci/run does)`);
}

/** Every process below `pid`, from /proc (Linux): Firefox's content, GPU and socket processes. */
async function descendants(pid: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length; ) {
    const children = parents.get(queue.pop()!) ?? [];
    found.push(...children);
    queue.push(...children);
  }
  return found;
}

/** Running, and not a zombie waiting for a parent (a container's PID 1 may never reap Firefox's orphans). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
}

async function shutDown(browser: Browser | undefined, profile: string): Promise<void> {
  const main = browser?.process()?.pid;
  const family = main ? [main, ...(await descendants(main))] : [];
  await browser?.close().catch(() => undefined);
  const deadline = Date.now() + 10_000;
  while (family.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const left = family.filter(alive);
  for (const pid of left) process.kill(pid, 'SIGKILL');
  await rm(profile, { recursive: true, force: true });
  if (left.length) throw new Error(`Firefox left ${left.length} process(es) running after close (killed): ${left.join(', ')}`);
}

/**
 * Where the sidebar is drawn, found the same way whichever of its two homes the build uses: an extension-origin
 * frame placed by the content script (`moz-extension://…`), or today's open shadow root on `<clientela-sidebar>`.
 * Selectors are CSS within the sidebar, plus puppeteer's `::-p-text(…)`.
 */
export interface SidebarScope {
  locator(selector: string): FrameTarget;
  /** The attribute, or null when the element is not there (yet): made for expect.poll. */
  attribute(selector: string, name: string): Promise<string | null>;
  /** The text, or null when the element is not there (yet): made for expect.poll. */
  text(selector: string): Promise<string | null>;
}

/** An element of the sidebar frame, acted on with real input (see frameTarget). */
export interface FrameTarget {
  /** Waits until the element is there and visible. */
  waitFor(): Promise<void>;
  click(): Promise<void>;
  /** Clicks the field, selects what it holds and types `value` over it. */
  fill(value: string): Promise<void>;
}

/**
 * Puppeteer over BiDi lists a cross-origin extension frame in `page.frames()` but, with Firefox 153, its `url()`
 * stays 'about:blank'; the frame's own `location.href` is the truth, so that is what is read.
 */
export async function extensionFrame(page: Page): Promise<Frame | null> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href.startsWith('moz-extension://')) return frame;
  }
  return null;
}

export async function findSidebar(page: Page, timeout = 20_000): Promise<SidebarScope> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = await extensionFrame(page);
    if (frame) return scope(page, frame);
    if (Date.now() > deadline) throw new Error(`no Clientela sidebar frame (moz-extension://) on ${page.url()} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Opens the book page the way a seller does, from the sidebar's "Abrir a agenda" beside a chat (WebDriver BiDi may
 * not navigate a tab to a moz-extension:// address itself). `chatUrl` must be routed to a fixture.
 */
export async function openBookFromSidebar(session: FirefoxSession, chatUrl: string, openLabel: string): Promise<Page> {
  const chat = await session.newPage();
  await chat.goto(chatUrl);
  const sidebar = await findSidebar(chat);
  const before = new Set(await session.browser.pages());
  await sidebar.locator(`button::-p-text(${openLabel})`).click();
  // Over BiDi a moz-extension:// tab's url() stays 'about:blank' (as for frames above): ask each new tab itself.
  const deadline = Date.now() + 20_000;
  let page: Page | undefined;
  while (!page) {
    for (const candidate of await session.browser.pages()) {
      if (before.has(candidate)) continue;
      const href = await candidate.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.endsWith('/book.html')) page = candidate;
    }
    if (page) break;
    if (Date.now() > deadline) throw new Error('the book page did not open from the sidebar within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await chat.close();
  return page;
}

/**
 * Shows a screen of the book page through its link in the nav, as a seller does (`path` as in the address:
 * 'configuracoes', 'clientes'), and waits until the nav marks it current.
 */
export async function showFirefoxBookScreen(book: Page, path: string): Promise<void> {
  await firefoxTarget(book, `nav a[href="#/${path}"]`).click();
  await book.waitForSelector(`nav a[href="#/${path}"][aria-current="page"]`);
}

function scope(page: Page, frame: Frame): SidebarScope {
  return {
    locator: (selector) => frameTarget(page, frame, selector),
    attribute: (selector, name) => frame.$eval(selector, (el, n) => el.getAttribute(n), name).catch(() => null),
    text: (selector) => frame.$eval(selector, (el) => el.textContent).catch(() => null),
  };
}

/**
 * An element of a Firefox page (the book page's tab), acted on with real input: Puppeteer's locator clicks fail
 * on Firefox 140 ESR as they do in the frame (see frameTarget).
 */
export function firefoxTarget(page: Page, selector: string): FrameTarget {
  return frameTarget(page, null, selector);
}

/**
 * Firefox 140 ESR (Debian bookworm's) lacks the WebDriver BiDi node locator Puppeteer uses to click inside a frame
 * (`browsingContext.locateNodes` by context), so an element of the sidebar frame is clicked with the page's mouse
 * at its place on screen: the frame's box in the page plus the element's box in the frame. It is real input, as a
 * seller's click is (the sidebar ignores synthetic events).
 */
function frameTarget(page: Page, frame: Frame | null, selector: string): FrameTarget {
  const within = frame ?? page;
  const waitFor = async () => {
    await within.waitForSelector(selector, { visible: true, timeout: 20_000 });
  };
  const click = async () => {
    await waitFor();
    const box = await within.$eval(selector, (element) => {
      element.scrollIntoView({ block: 'center' });
      const rect = element.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    const frameBox = frame === null ? { x: 0, y: 0 } : await page.evaluate(() => {
      const element = [...document.querySelectorAll('iframe')].find((candidate) => candidate.src.startsWith('moz-extension://')) ?? document.querySelector('clientela-sidebar')?.shadowRoot?.querySelector('iframe');
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      return { x: rect.left + element.clientLeft, y: rect.top + element.clientTop };
    });
    if (!frameBox) throw new Error('the sidebar frame is not in the page');
    await page.mouse.click(frameBox.x + box.x, frameBox.y + box.y);
  };
  return {
    waitFor,
    click,
    async fill(value) {
      await click();
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
      await page.keyboard.type(value);
    },
  };
}
