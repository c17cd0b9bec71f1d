import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { pageTitle, videoGrid } from '../ui.js';
import { setTitle } from '../nav.js';

export async function render(view, { params }) {
  const q = (params.get('q') || '').trim();
  document.getElementById('search-input').value = q;
  setTitle(q ? t('search.resultsFor', { q }) : t('search.title'));
  view.append(pageTitle(q ? t('search.resultsFor', { q }) : t('search.title')));
  if (!q) {
    view.append(h('p', { class: 'empty' }, t('search.empty')));
    return;
  }
  const res = await api(`/api/v1/search/videos?search=${encodeURIComponent(q)}&count=48`);
  view.append(videoGrid(res.data, t('search.none', { q })));
}
