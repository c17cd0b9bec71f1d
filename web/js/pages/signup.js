import { h, plainText } from '../dom.js';
import { t, lang } from '../i18n.js';
import { api, currentUser, login } from '../api.js';
import { okBox, pageTitle, say } from '../ui.js';
import { field, messagesRegion, onSubmit } from '../form.js';
import { navigate, setTitle } from '../nav.js';

const RULES = ['terms', 'codeOfConduct', 'moderationInformation'];

function check(id, label) {
  return h('div', { class: 'field check' }, h('input', { id, type: 'checkbox', required: true }), h('label', { for: id }, label));
}

// Sign-up: the instance's rules first, then the form; or a clear word when sign-up is closed.
export async function render(view) {
  setTitle(t('signup.title'));
  if (currentUser()) {
    navigate('/', { replace: true });
    return;
  }
  const [config, about] = await Promise.all([
    api('/api/v1/config', { anonymous: true }),
    api('/api/v1/config/about', { anonymous: true }),
  ]);
  const name = about.instance?.name || config.instance?.name || 'Peerlet';
  view.append(pageTitle(t('signup.title')));
  if (!config.signup?.allowed) {
    view.append(h('div', { class: 'notice', role: 'status', id: 'signup-closed' }, t('signup.closed', { name })),
      h('p', null, h('a', { href: '/login' }, t('nav.login'))));
    return;
  }

  // The rules to accept: only what the admin wrote; with none, nothing to accept.
  const rules = RULES.filter((k) => about.instance?.[k]?.trim());
  const messages = messagesRegion();
  const checks = [];
  if (rules.length) {
    view.append(
      h('h2', { id: 'rules-title' }, t('signup.rules', { name })),
      h('div', { class: 'rules', id: 'rules', tabindex: '0', role: 'region', 'aria-labelledby': 'rules-title' },
        rules.flatMap((k) => [rules.length > 1 ? h('h3', null, t(`about.${k}`)) : null, plainText(about.instance[k].trim())])));
    checks.push(check('accept', t('signup.accept')));
  }
  const minimumAge = config.signup?.minimumAge;
  if (minimumAge) checks.push(check('age', t('signup.minimumAge', { age: minimumAge })));
  const approval = !!config.signup?.requiresApproval;
  const reason = h('textarea', { rows: 3, required: true, maxlength: 3000 });
  const username = h('input', { autocomplete: 'username', required: true, autocapitalize: 'none', pattern: '[a-z0-9._]{1,50}', maxlength: 50 });
  const displayName = h('input', { autocomplete: 'name', maxlength: 120 });
  const email = h('input', { type: 'email', autocomplete: 'email', required: true });
  const password = h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: 6 });
  const submit = h('button', { type: 'submit', class: 'primary' }, t(approval ? 'signup.request' : 'signup.submit'));
  const form = h('form', { class: 'form narrow', id: 'signup-form' },
    ...checks,
    field('signup-username', t('signup.username'), username, t('signup.usernameHint')),
    field('signup-display', t('signup.displayName'), displayName),
    field('signup-email', t('signup.email'), email),
    field('signup-password', t('signup.password'), password, t('signup.passwordHint')),
    approval ? field('signup-reason', t('signup.reason'), reason, t('signup.reasonHint')) : null,
    messages,
    h('div', { class: 'actions' }, submit),
    h('p', null, t('signup.haveAccount'), ' ', h('a', { href: '/login' }, t('nav.login'))));
  onSubmit(form, submit, messages, async () => {
    const body = { username: username.value.trim(), password: password.value, email: email.value.trim() };
    if (displayName.value.trim()) body.displayName = displayName.value.trim();
    if (approval) {
      body.registrationReason = reason.value.trim();
      await api('/api/v1/users/registrations/request', { method: 'POST', anonymous: true, json: body });
      form.replaceWith(h('div', { id: 'signup-requested' }, okBox(t('signup.requested'))));
      return undefined;
    }
    await api('/api/v1/users/register', { method: 'POST', anonymous: true, json: body, headers: { 'Accept-Language': lang } });
    if (config.signup?.requiresEmailVerification) {
      form.replaceWith(h('div', { id: 'signup-verify' }, okBox(t('signup.checkMail', { email: body.email }))));
      return undefined;
    }
    say(messages, okBox(t('signup.done')));
    await login(body.username, body.password);
    navigate('/', { replace: true });
  }, { working: t('signup.working') });
  view.append(form);
}
