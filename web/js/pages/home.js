// The home page: a few rows of videos (recent, trending, local, from followed channels), each
// leading to its full list; a row with nothing in it is left out.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api, currentUser } from '../api.js';
import { pageTitle, videoGrid } from '../ui.js';
import { setTitle, instance } from '../nav.js';

/** Each list: its address, the API call that fills it, and whether it needs a login. */
export const LISTS = {
  recent: { path: '/videos/recently-added', api: '/api/v1/videos?sort=-publishedAt' },
  trending: { path: '/videos/trending', api: '/api/v1/videos?sort=-views' },
  local: { path: '/videos/local', api: '/api/v1/videos?sort=-publishedAt&isLocal=true' },
  subscriptions: { path: '/videos/subscriptions', api: '/api/v1/users/me/subscriptions/videos?sort=-publishedAt', login: true },
};

const ROW = 8;

export async function render(view) {
  setTitle('');
  const user = currentUser();
  const kinds = Object.keys(LISTS).filter((k) => !LISTS[k].login || user);
  // One failing row (a followed instance gone) must not blank the page: it is just left out.
  const results = await Promise.all(kinds.map((k) => api(`${LISTS[k].api}&count=${ROW}&start=0`).catch((e) => (k === 'recent' ? Promise.reject(e) : null))));
  view.append(pageTitle(t('home.title')));
  if (instance.shortDescription) view.append(h('p', { class: 'lead' }, instance.shortDescription));
  let shown = 0;
  kinds.forEach((k, i) => {
    const list = results[i];
    if (!list || !list.data.length) return;
    shown++;
    const titleId = `section-${k}-title`;
    view.append(h('section', { class: 'home-section', id: `section-${k}`, 'aria-labelledby': titleId },
      h('div', { class: 'section-head' },
        h('h2', { id: titleId }, t(`home.section.${k}`)),
        h('a', { href: LISTS[k].path, class: 'see-more', 'aria-label': t('home.seeMoreOf', { what: t(`home.section.${k}`) }) }, t('home.seeMore'))),
      videoGrid(list.data, '')));
  });
  if (!shown) {
    view.append(h('p', { class: 'empty' }, t('home.empty')));
    if (user) view.append(h('p', null, h('a', { href: '/upload', class: 'button' }, t('home.emptyUpload'))));
  }
}
