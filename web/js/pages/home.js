import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api, currentUser } from '../api.js';
import { pageTitle, videoGrid } from '../ui.js';
import { setTitle, instance } from '../app.js';

export async function render(view) {
  setTitle('');
  const list = await api('/api/v1/videos?sort=-publishedAt&count=48&skipCount=true');
  view.append(pageTitle(t('home.title')));
  if (instance.shortDescription) view.append(h('p', { class: 'lead' }, instance.shortDescription));
  view.append(videoGrid(list.data, t('home.empty')));
  if (!list.data.length && currentUser()) view.append(h('p', null, h('a', { href: '/upload', class: 'button' }, t('home.emptyUpload'))));
}
