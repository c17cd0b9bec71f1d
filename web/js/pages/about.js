import { h, plainText } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { pageTitle } from '../ui.js';
import { setTitle } from '../nav.js';

// The instance's texts as its admin wrote them in advance, each under its own heading.
const SECTIONS = ['terms', 'codeOfConduct', 'moderationInformation', 'administrator'];

export async function render(view) {
  const [about, languages, categories] = await Promise.all([
    api('/api/v1/config/about', { anonymous: true }).then((a) => a.instance),
    api('/api/v1/videos/languages', { anonymous: true }),
    api('/api/v1/videos/categories', { anonymous: true }),
  ]);
  setTitle(t('about.title', { name: about.name }));
  view.append(pageTitle(t('about.title', { name: about.name })));
  if (about.shortDescription) view.append(h('p', { class: 'lead' }, about.shortDescription));
  if (about.description) view.append(plainText(about.description));
  for (const key of SECTIONS) {
    if (about[key]?.trim()) view.append(h('h2', null, t(`about.${key}`)), plainText(about[key], `plain-text about-${key}`));
  }
  if (about.languages?.length) {
    view.append(h('h2', null, t('about.languages')),
      h('p', { id: 'about-languages' }, about.languages.map((l) => languages[l] || l).join(', ')));
  }
  if (about.categories?.length) {
    view.append(h('h2', null, t('about.categories')),
      h('p', { id: 'about-categories' }, about.categories.map((c) => categories[c] || String(c)).join(', ')));
  }
}
