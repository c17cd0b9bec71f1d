// /s/{token} reaches the app only when the server refused the link (revoked, expired, used up).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { pageTitle } from '../ui.js';
import { setTitle } from '../nav.js';

export async function render(view) {
  setTitle(t('access.refusedTitle'));
  view.append(pageTitle(t('access.refusedTitle')),
    h('div', { class: 'notice error access-refused', role: 'alert', id: 'access-refused' }, t('access.linkGone')),
    h('p', null, h('a', { href: '/' }, t('error.back'))));
}
