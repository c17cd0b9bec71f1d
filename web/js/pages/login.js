import { h } from '../dom.js';
import { t, lang } from '../i18n.js';
import { api, login } from '../api.js';
import { okBox, pageTitle } from '../ui.js';
import { field, messagesRegion, onSubmit } from '../form.js';
import { instance, navigate, setTitle } from '../nav.js';

export async function render(view, { params }) {
  setTitle(t('login.title'));
  const next = params.get('next');
  const safeNext = pathOfThisSite(next);
  const messages = messagesRegion();
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  // Shown once the server says the account has two-factor on (PeerTube's missing_two_factor).
  const otp = h('input', { name: 'otp', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6 });
  const otpField = field('otp', t('login.otp'), otp, t('login.otpHint'));
  otpField.hidden = true;
  const form = h('form', { class: 'form narrow', id: 'login-form' },
    field('username', t('login.username'), username),
    field('password', t('login.password'), password),
    otpField,
    messages,
    h('div', { class: 'actions' }, submit));
  const showCode = () => {
    otpField.hidden = false;
    otp.required = true;
    setTimeout(() => otp.focus(), 0);
  };
  onSubmit(form, submit, messages, async () => {
    try {
      await login(username.value.trim(), password.value, otpField.hidden ? null : otp.value.trim());
    } catch (err) {
      // The password was right and the account wants its code: ask for it, this is no failure.
      if (err?.body?.code === 'missing_two_factor') {
        showCode();
        return t('login.otpNeeded');
      }
      if (err?.body?.code === 'invalid_two_factor') err.detail = t('login.otpWrong');
      throw err;
    }
    navigate(safeNext, { replace: true });
    return null;
  }, { working: t('login.working'), failed: (err) => (err?.body?.code === 'invalid_two_factor' ? otp : password).select() });
  view.append(pageTitle(t('login.title')));
  if (next) view.append(h('p', null, t('login.needed')));
  view.append(form);
  if (instance.email) view.append(forgotPassword());
  if (instance.signup) view.append(h('p', null, h('a', { href: '/signup' }, t('nav.signup'))));
  setTimeout(() => username.focus(), 0);
}

/**
 * "Forgot your password?": a link that opens a form asking for the account's address. The answer
 * is the same whether an account has it (the server says nothing either way).
 */
function forgotPassword() {
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true });
  const submit = h('button', { type: 'submit' }, t('forgot.submit'));
  const messages = messagesRegion();
  const form = h('form', { class: 'form narrow', id: 'forgot-form', hidden: true },
    h('p', null, t('forgot.explain')),
    field('forgot-email', t('forgot.email'), email),
    messages,
    h('div', { class: 'actions' }, submit));
  onSubmit(form, submit, messages, async () => {
    // The mail is written in the language of this page when the account has none of its own.
    await api('/api/v1/users/ask-reset-password', { method: 'POST', anonymous: true, json: { email: email.value.trim() },
      headers: { 'Accept-Language': lang } });
    form.replaceWith(h('div', { id: 'forgot-sent' }, okBox(t('forgot.sent'))));
    return undefined;
  }, { working: t('forgot.working') });
  const link = h('a', { href: '#forgot-form', id: 'forgot-link', onclick: (e) => {
    e.preventDefault();
    form.hidden = false;
    link.parentElement.hidden = true;
    email.focus();
  } }, t('forgot.link'));
  return h('div', null, h('p', null, link), form);
}

/**
 * Where to go after logging in: only a path of this site. It must start with one slash (not
 * "//" nor "/\", which browsers read as another host), and still be on this origin once the
 * browser has parsed it (it drops tabs and newlines, so "/\t/host" is "//host"); else home.
 */
function pathOfThisSite(next) {
  if (!next || !/^\/(?![/\\])/.test(next)) return '/';
  try {
    const url = new URL(next, location.origin);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : '/';
  } catch {
    return '/';
  }
}
