// The settings page's two-factor section (PeerTube's API): ask for a secret with one's password,
// scan its QR code, confirm with the app's code; turn it off again with one's password.
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { api, reloadMe } from './api.js';
import { field, messagesRegion, onSubmit } from './form.js';

export function twoFactorSection(me) {
  const body = h('div', { id: 'two-factor-body' });
  const messages = messagesRegion({ id: 'two-factor-messages' });
  const show = (user) => clear(body).append(user.twoFactorEnabled ? onView(user) : offView(user));

  const passwordForm = (id, label, action) => {
    const password = h('input', { type: 'password', required: true, autocomplete: 'current-password' });
    const button = h('button', { type: 'submit' }, label);
    const form = h('form', { class: 'form narrow', id },
      field(`${id}-password`, t('settings.currentPassword'), password),
      h('div', { class: 'actions' }, button));
    onSubmit(form, button, messages, () => action(password.value));
    return form;
  };

  const offView = (user) => h('div', null,
    h('p', { class: 'hint' }, t('settings.twoFactorOff')),
    passwordForm('two-factor-start', t('settings.twoFactorStart'), async (currentPassword) => {
      const { otpRequest } = await api(`/api/v1/users/${user.id}/two-factor/request`, { method: 'POST', json: { currentPassword } });
      clear(body).append(scanView(user, otpRequest));
      return null;
    }));

  const scanView = (user, otpRequest) => {
    // The page may show only its own images and blobs: the server's SVG becomes a blob.
    const qr = h('img', { id: 'two-factor-qr', alt: t('settings.twoFactorQr'), width: 200, height: 200,
      src: URL.createObjectURL(new Blob([otpRequest.qrCodeSvg], { type: 'image/svg+xml' })) });
    const code = h('input', { required: true, inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6 });
    const confirm = h('button', { type: 'submit', class: 'primary' }, t('settings.twoFactorConfirm'));
    const form = h('form', { class: 'form narrow', id: 'two-factor-confirm' },
      field('two-factor-code', t('settings.twoFactorCode'), code),
      h('div', { class: 'actions' }, confirm));
    onSubmit(form, confirm, messages, async () => {
      await api(`/api/v1/users/${user.id}/two-factor/confirm-request`, { method: 'POST',
        json: { requestToken: otpRequest.requestToken, otpToken: code.value.trim() } });
      URL.revokeObjectURL(qr.src);
      show(await reloadMe());
      return t('settings.twoFactorEnabled');
    });
    return h('div', null,
      h('p', null, t('settings.twoFactorScan')), qr,
      h('p', null, `${t('settings.twoFactorSecret')} `, h('code', { id: 'two-factor-secret' }, otpRequest.secret)),
      form);
  };

  const onView = (user) => h('div', null,
    h('p', { id: 'two-factor-state' }, t('settings.twoFactorOn')),
    h('p', { class: 'hint' }, t('settings.twoFactorLost')),
    passwordForm('two-factor-disable', t('settings.twoFactorDisable'), async (currentPassword) => {
      await api(`/api/v1/users/${user.id}/two-factor/disable`, { method: 'POST', json: { currentPassword } });
      show(await reloadMe());
      return t('settings.twoFactorDisabled');
    }));

  show(me);
  return h('section', { class: 'panel', id: 'two-factor', 'aria-labelledby': 'two-factor-title' },
    h('h2', { id: 'two-factor-title' }, t('settings.twoFactor')), messages, body);
}
