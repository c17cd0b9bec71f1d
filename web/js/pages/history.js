// The viewer's history (PeerTube's "My history"): what they watched, newest first, how far they
// got (the bar on each card), one or all of it forgotten, and the switch to keep none.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api, reloadMe, currentUser } from '../api.js';
import { errorBox, okBox, pageTitle, say, videoCard } from '../ui.js';
import { requireLogin, setTitle } from '../nav.js';

const PAGE = 24;
const API = '/api/v1/users/me/history/videos';

export async function render(view) {
  if (!requireLogin()) return;
  setTitle(t('history.title'));
  const status = h('div', { class: 'messages', 'aria-live': 'polite' });
  const grid = h('ul', { class: 'grid', role: 'list', id: 'history-list' });
  const more = h('button', { type: 'button', hidden: true }, t('videos.more'));
  let start = 0;

  const card = (v) => {
    const li = videoCard(v);
    const remove = h('button', { type: 'button', class: 'link-button danger history-remove' }, t('history.remove'));
    remove.setAttribute('aria-label', t('history.removeOne', { name: v.name }));
    remove.addEventListener('click', async () => {
      try {
        await api(`${API}/${v.id}`, { method: 'DELETE' });
        li.remove();
        say(status, okBox(t('history.removed', { name: v.name })));
      } catch (e) {
        clear(status).append(errorBox(e));
      }
    });
    li.querySelector('.card-body').append(h('p', null, remove));
    return li;
  };
  const load = async () => {
    more.disabled = true;
    try {
      const page = await api(`${API}?count=${PAGE}&start=${start}`);
      grid.append(...page.data.map(card));
      start += page.data.length;
      more.hidden = start >= page.total || !page.data.length;
      if (!start) clear(status).append(h('p', { class: 'empty' }, t('history.empty')));
    } catch (e) {
      clear(status).append(errorBox(e));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', load);

  const clearAll = h('button', { type: 'button', class: 'danger', id: 'history-clear' }, t('history.clear'));
  clearAll.addEventListener('click', async () => {
    if (!confirm(t('history.clearConfirm'))) return;
    try {
      await api(`${API}/remove`, { method: 'POST', json: {} });
      clear(grid);
      start = 0;
      more.hidden = true;
      clear(status).append(h('p', { class: 'empty' }, t('history.empty')));
    } catch (e) {
      clear(status).append(errorBox(e));
    }
  });
  const keep = h('input', { type: 'checkbox', id: 'history-enabled', checked: currentUser()?.videosHistoryEnabled !== false });
  keep.addEventListener('change', async () => {
    try {
      await api('/api/v1/users/me', { method: 'PUT', json: { videosHistoryEnabled: keep.checked } });
      await reloadMe();
      say(status, okBox(keep.checked ? t('history.on') : t('history.off')));
    } catch (e) {
      keep.checked = !keep.checked;
      clear(status).append(errorBox(e));
    }
  });
  view.append(pageTitle(t('history.title')),
    h('div', { class: 'actions history-actions' },
      h('label', { class: 'switch' }, keep, ' ', t('history.keep')), clearAll),
    status, grid, h('div', { class: 'actions load-more' }, more));
  await load();
}
