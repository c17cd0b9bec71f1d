import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { errorBox, okBox, pageTitle } from '../ui.js';
import { setTitle } from '../nav.js';

// The page a mailed confirmation link opens (PeerTube's /verify-account/email?userId=&verificationString=):
// it confirms the address at once and says how it went.
export async function render(view, { params }) {
  setTitle(t('verify.title'));
  view.append(pageTitle(t('verify.title')));
  const userId = params.get('userId');
  const code = params.get('verificationString');
  let result;
  try {
    if (!/^\d+$/.test(userId || '') || !code) throw Object.assign(new Error(t('verify.invalid')), { status: 403 });
    await api(`/api/v1/users/${userId}/verify-email`, { method: 'POST', anonymous: true, json: { verificationString: code } });
    result = h('div', null, okBox(t('verify.done')), h('p', null, h('a', { href: '/login' }, t('nav.login'))));
  } catch (err) {
    result = errorBox(err.status === 403 ? new Error(t('verify.invalid')) : err);
  }
  view.append(h('div', { id: 'verify-result' }, result));
}
