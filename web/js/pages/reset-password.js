import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { errorBox, okBox, pageTitle, say } from '../ui.js';
import { field, messagesRegion, onSubmit } from '../form.js';
import { setTitle } from '../nav.js';

// The page a mailed reset link opens (PeerTube's /reset-password?userId=&verificationString=):
// a new password, typed twice. The link works once, within an hour.
export async function render(view, { params }) {
  setTitle(t('reset.title'));
  view.append(pageTitle(t('reset.title')));
  const userId = params.get('userId');
  const code = params.get('verificationString');
  if (!/^\d+$/.test(userId || '') || !code) {
    view.append(h('p', { id: 'reset-result' }, errorBox(new Error(t('reset.badLink')))));
    return;
  }
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: 6 });
  const again = h('input', { name: 'password-again', type: 'password', autocomplete: 'new-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('reset.submit'));
  const messages = messagesRegion({ id: 'reset-result' });
  const form = h('form', { class: 'form narrow', id: 'reset-form' },
    field('reset-password', t('reset.password'), password, t('signup.passwordHint')),
    field('reset-password-again', t('reset.again'), again),
    messages,
    h('div', { class: 'actions' }, submit));
  onSubmit(form, submit, messages, async () => {
    if (password.value !== again.value) throw new Error(t('reset.mismatch'));
    try {
      await api(`/api/v1/users/${userId}/reset-password`, { method: 'POST', anonymous: true,
        json: { verificationString: code, password: password.value } });
    } catch (err) {
      // A used, replaced or expired link: say so in words, not the API's.
      if (err.status === 403) throw new Error(t('reset.invalid'));
      throw err;
    }
    form.replaceWith(h('div', { id: 'reset-done' }, okBox(t('reset.done')),
      h('p', null, h('a', { href: '/login' }, t('nav.login')))));
    return undefined;
  }, { working: t('reset.working') });
  say(messages, null);
  view.append(form);
}
