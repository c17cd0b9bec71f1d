// One whole list of videos (the home page's "see more"): recent, trending, local or from followed channels.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { errorBox, pageTitle, videoCard } from '../ui.js';
import { requireLogin, setTitle } from '../nav.js';
import { LISTS } from './home.js';

const PAGE = 24;

export async function render(view) {
  const here = location.pathname.replace(/\/+$/, '');
  const kind = Object.keys(LISTS).find((k) => LISTS[k].path === here) || 'recent';
  const list = LISTS[kind];
  if (list.login && !requireLogin()) return;
  const title = t(`home.section.${kind}`);
  setTitle(title);
  const grid = h('ul', { class: 'grid', role: 'list', id: 'video-list' });
  const status = h('div', { class: 'messages', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', hidden: true }, t('videos.more'));
  let start = 0;
  const load = async () => {
    more.disabled = true;
    try {
      const page = await api(`${list.api}&count=${PAGE}&start=${start}`);
      grid.append(...page.data.map(videoCard));
      start += page.data.length;
      more.hidden = start >= page.total || !page.data.length;
      if (!start) clear(status).append(h('p', { class: 'empty' }, t('home.empty')));
    } catch (e) {
      clear(status).append(errorBox(e));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', load);
  await load();
  view.append(pageTitle(title), grid, status, h('div', { class: 'actions load-more' }, more));
}
