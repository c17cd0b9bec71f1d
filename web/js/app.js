// The single-page app: the layout, History API routing, and the pages' life cycle.
import { h, clear } from './dom.js';
import { t, lang, LANGUAGES, setLanguage, applyLanguage } from './i18n.js';
import { api, currentUser, isAdmin, logout, onSessionChange, reloadMe, saveLanguage } from './api.js';
import { errorBox, pageTitle } from './ui.js';
import { instance, navigate, setTitle } from './nav.js';
import * as bell from './bell.js';

// The page addresses come from /pages.json, which the server reads too (one list for both).
let routes = [];
let serverPrefixes = [];

/** "/c/{handle}" becomes a pattern whose groups are the page's arguments. */
function route([address, page]) {
  const re = address.split(/\{[^/}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('([^/]+)');
  return [new RegExp(`^${re}$`), () => import(`./pages/${page}.js`)];
}

async function loadPages() {
  const list = await (await fetch('/pages.json')).json();
  routes = Object.entries(list.pages).map(route);
  serverPrefixes = list.server;
}

const main = document.getElementById('app');
const nav = document.getElementById('nav');
const brand = document.getElementById('brand');
const searchInput = document.getElementById('search-input');
let cleanup = null;
let renderCount = 0;

function drawNav() {
  const user = currentUser();
  const here = location.pathname;
  const link = (href, text) => h('li', null, h('a', { href, 'aria-current': here === href ? 'page' : null }, text));
  clear(nav).append(h('ul', null,
    link('/', t('nav.home')),
    user ? link('/upload', t('nav.upload')) : null,
    user ? link('/my-videos', t('nav.myVideos')) : null,
    user ? link('/my-library/history/videos', t('nav.history')) : null,
    user ? link('/my-playlists', t('nav.myPlaylists')) : null,
    user ? link('/settings', t('nav.settings')) : null,
    user ? link('/shared', t('nav.shared')) : null,
    user ? h('li', null, h('a', { href: '/my-account/notifications', id: 'bell', class: 'bell',
      'aria-current': here === '/my-account/notifications' ? 'page' : null },
    t('nav.notifications'), ' ', h('span', { id: 'bell-count', class: 'badge bell-count' }))) : null,
    isAdmin() ? link('/admin', t('nav.admin')) : null,
    link('/about', t('nav.about')),
    user
      ? h('li', null, h('button', {
        type: 'button', class: 'link-button', title: t('nav.signedInAs', { name: user.username }),
        onclick: async () => {
          await logout();
          navigate('/');
        },
      }, t('nav.logout'), h('span', { class: 'user-name' }, ` (${user.username})`)))
      : link('/login', t('nav.login')),
    !user && instance.signup ? link('/signup', t('nav.signup')) : null));
}

async function render() {
  const mine = ++renderCount;
  document.documentElement.dataset.page = '';
  if (cleanup) {
    try {
      cleanup();
    } catch {
      /* a page's cleanup must not stop the next page */
    }
    cleanup = null;
  }
  drawNav();
  showUnread(bell.unread);
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(location.search);
  if (path !== '/search') searchInput.value = '';
  let match = null;
  let loader = null;
  for (const [re, load] of routes) {
    match = re.exec(path);
    if (match) {
      loader = load;
      break;
    }
  }
  const view = h('div', { class: 'view' });
  main.setAttribute('aria-busy', 'true');
  try {
    if (!loader) {
      setTitle(t('error.notFound'));
      view.append(pageTitle(t('error.notFound')), h('p', null, h('a', { href: '/' }, t('error.back'))));
    } else {
      const page = await loader();
      if (mine !== renderCount) return;
      const c = await page.render(view, { args: match.slice(1).map(decodeURIComponent), params });
      if (mine !== renderCount) {
        if (typeof c === 'function') c();
        return;
      }
      cleanup = typeof c === 'function' ? c : null;
    }
  } catch (e) {
    if (mine !== renderCount) return;
    view.append(errorBox(e));
  } finally {
    if (mine === renderCount) main.removeAttribute('aria-busy');
  }
  if (mine !== renderCount) return;
  clear(main).append(view);
  // Tell screen readers a new page is there, as a full page load would.
  const title = main.querySelector('h1');
  if (title && !main.contains(document.activeElement) && document.activeElement?.id !== 'search-input') title.focus({ preventScroll: true });
  window.scrollTo(0, 0);
  document.documentElement.dataset.page = loader ? 'ready' : 'missing';
}

// Links inside the app move without a page load.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || serverPrefixes.some((p) => url.pathname.startsWith(p))) return;
  e.preventDefault();
  if (url.pathname + url.search !== location.pathname + location.search) navigate(url.pathname + url.search + url.hash);
});
window.addEventListener('popstate', render);
window.addEventListener('peerlet:navigate', render);

document.getElementById('search').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = searchInput.value.trim();
  navigate(`/search?q=${encodeURIComponent(q)}`);
});

/** The bell says how many are unread, in its text for screen readers too. */
function showUnread(n) {
  const count = document.getElementById('bell-count');
  if (!count) return;
  count.textContent = n > 0 ? String(n) : '';
  count.hidden = !(n > 0);
  document.getElementById('bell').setAttribute('aria-label', n > 0 ? t('nav.notificationsUnread', { n }) : t('nav.notifications'));
}

let bellFor = null;
onSessionChange((s) => {
  drawNav();
  showUnread(bell.unread);
  // A new login (or a logout) restarts the stream; a token refresh of the same person does not.
  const who = s?.user?.id ?? null;
  if (who !== bellFor) {
    bellFor = who;
    bell.start();
  }
});
bell.onUnread(showUnread);

/** The shell in index.html is in English too; its strings come from i18n like the rest. */
function translateShell() {
  applyLanguage();
  document.querySelector('.skip-link').textContent = t('app.skip');
  document.querySelector('label[for="search-input"]').textContent = t('search.label');
  searchInput.placeholder = t('search.placeholder');
  document.querySelector('#search button').textContent = t('search.button');
  nav.setAttribute('aria-label', t('nav.main'));
  drawFooter();
}

/** The footer: what this is, the instance's feed, and the language switch (remembered). */
function drawFooter() {
  const footer = document.getElementById('footer');
  const select = h('select', { id: 'language', onchange: (e) => saveLanguage(e.target.value).then(() => setLanguage(e.target.value)) },
    LANGUAGES.map(([code, name]) => h('option', { value: code, lang: code, selected: code === lang }, name)));
  clear(footer).append(
    h('p', { id: 'footer-text' }, t('footer.poweredBy')),
    h('p', { class: 'footer-tools' },
      h('a', { href: '/feeds/videos.xml', class: 'feed-link', type: 'application/rss+xml' }, t('footer.feed')),
      h('span', { class: 'language-switch' }, h('label', { for: 'language' }, t('footer.language')), ' ', select)));
}

async function start() {
  translateShell();
  const pages = loadPages();
  try {
    const cfg = await api('/api/v1/config', { anonymous: true });
    instance.name = cfg.instance?.name || 'Peerlet';
    instance.shortDescription = cfg.instance?.shortDescription || '';
    instance.signup = cfg.signup?.allowed;
    instance.email = cfg.email?.enabled;
    brand.textContent = instance.name;
    drawNav();
  } catch {
    /* the pages show their own errors */
  }
  if (currentUser()) reloadMe().catch(() => {});
  bellFor = currentUser()?.id ?? null;
  bell.start();
  await pages.catch(() => { /* no page list: every address shows "not found" */ });
  await render();
}

start();
