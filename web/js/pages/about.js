import { h, plainText } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { pageTitle } from '../ui.js';
import { setTitle } from '../nav.js';

export async function render(view) {
  const about = (await api('/api/v1/config/about', { anonymous: true })).instance;
  setTitle(t('about.title', { name: about.name }));
  view.append(pageTitle(t('about.title', { name: about.name })));
  if (about.shortDescription) view.append(h('p', { class: 'lead' }, about.shortDescription));
  if (about.description) view.append(plainText(about.description));
  if (about.terms) view.append(h('h2', null, t('about.terms')), plainText(about.terms));
}
