// Account settings: profile, P2P, quotas, password, two-factor login, one's channels, subscriptions, mutes and watched words.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api, reloadMe } from '../api.js';
import { channelLink, pageTitle } from '../ui.js';
import { busy, field, messagesRegion, onSubmit } from '../form.js';
import { requireLogin, setTitle } from '../nav.js';
import { avatar, facePicker } from '../faces.js';
import { myMutesSection, quotaSection, wordListsSection } from '../community.js';
import { twoFactorSection } from '../two-factor.js';

export async function render(view) {
  if (!requireLogin()) return;
  setTitle(t('settings.title'));
  const [me, subs] = await Promise.all([reloadMe(), api('/api/v1/users/me/subscriptions?count=100')]);
  view.append(pageTitle(t('settings.title')),
    faceSection(me), profileSection(me), quotaSection(me), passwordSection(), twoFactorSection(me), channelsSection(me), subscriptionsSection(subs),
    myMutesSection(), wordListsSection('my-words', t('words.mine'), t('words.mineHint'),
      `/api/v1/watched-words/accounts/${encodeURIComponent(me.account.name)}/lists`));
}

function panel(id, title, ...children) {
  return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...children);
}

/** One's picture, shown beside one's name and comments; uploaded at once when chosen. */
function faceSection(me) {
  const messages = messagesRegion();
  const shown = h('div', { id: 'my-avatar' }, avatar(me.account, 96));
  const picker = facePicker({ id: 'avatar-file', label: t('faces.avatar'), url: '/api/v1/users/me/avatar/pick',
    remove: '/api/v1/users/me/avatar', field: 'avatarfile', messages,
    done: (avatars) => {
      clear(shown).append(avatar({ ...me.account, avatars }, 96));
      reloadMe();
    } });
  return panel('face', t('faces.title'), h('div', { class: 'face-row' }, shown, picker), messages);
}

function profileSection(me) {
  const displayName = h('input', { value: me.account?.displayName || '', maxlength: 120, autocomplete: 'name' });
  const description = h('textarea', { rows: 3, maxlength: 1000 });
  description.value = me.account?.description || '';
  const email = h('input', { type: 'email', value: me.email || '', autocomplete: 'email' });
  const p2p = h('input', { type: 'checkbox', id: 'settings-p2p', checked: me.p2pEnabled !== false, 'aria-describedby': 'settings-p2p-hint' });
  const messages = messagesRegion();
  const save = h('button', { type: 'submit', class: 'primary' }, t('settings.save'));
  const form = h('form', { class: 'form', id: 'profile-form' },
    h('p', { class: 'hint' }, t('settings.username', { name: me.username })),
    field('settings-display-name', t('settings.displayName'), displayName),
    field('settings-description', t('settings.description'), description),
    field('settings-email', t('settings.email'), email),
    h('div', { class: 'field check' }, p2p, h('label', { for: 'settings-p2p' }, t('settings.p2p'))),
    h('p', { class: 'hint', id: 'settings-p2p-hint' }, t('settings.p2pHint')),
    messages,
    h('div', { class: 'actions' }, save));
  onSubmit(form, save, messages, async () => {
    const body = { displayName: displayName.value.trim(), description: description.value, p2pEnabled: p2p.checked };
    if (email.value.trim()) body.email = email.value.trim();
    await api('/api/v1/users/me', { method: 'PUT', json: body });
    await reloadMe();
    return t('settings.saved');
  });
  return panel('profile', t('settings.profile'), form);
}

function passwordSection() {
  const current = h('input', { type: 'password', required: true, autocomplete: 'current-password' });
  const next = h('input', { type: 'password', required: true, minlength: 6, autocomplete: 'new-password' });
  const again = h('input', { type: 'password', required: true, minlength: 6, autocomplete: 'new-password' });
  const messages = messagesRegion();
  const save = h('button', { type: 'submit' }, t('settings.changePassword'));
  const form = h('form', { class: 'form narrow', id: 'password-form' },
    field('settings-current-password', t('settings.currentPassword'), current),
    field('settings-new-password', t('settings.newPassword'), next, t('signup.passwordHint')),
    field('settings-new-password-again', t('settings.newPasswordAgain'), again),
    messages,
    h('div', { class: 'actions' }, save));
  const match = () => again.setCustomValidity(again.value && again.value !== next.value ? t('settings.passwordsDiffer') : '');
  next.addEventListener('input', match);
  again.addEventListener('input', match);
  onSubmit(form, save, messages, async () => {
    await api('/api/v1/users/me', { method: 'PUT', json: { currentPassword: current.value, password: next.value } });
    form.reset();
    return t('settings.passwordChanged');
  });
  return panel('password', t('settings.password'), form);
}

function channelsSection(me) {
  const list = h('ul', { class: 'my-list', id: 'channel-list', role: 'list' });
  const messages = messagesRegion();
  const refill = async () => {
    const fresh = await reloadMe();
    fill(fresh.videoChannels || []);
  };
  const row = (c) => {
    const li = h('li', { class: 'setting-item', 'data-channel': c.name });
    const base = `/api/v1/video-channels/${encodeURIComponent(c.name)}`;
    const faces = h('details', { class: 'channel-faces' }, h('summary', null, t('faces.channel')),
      ['avatar', 'banner'].map((kind) => facePicker({ id: `${kind}-${c.name}`, label: t(`faces.${kind}`),
        url: `${base}/${kind}/pick`, remove: `${base}/${kind}`, field: `${kind}file`, messages, done: () => reloadMe() })));
    const show = () => clear(li).append(
      h('div', { class: 'setting-main' }, avatar(c, 32), ' ',
        h('a', { href: channelLink(c), class: 'setting-name' }, c.displayName || c.name),
        h('span', { class: 'muted' }, ` ${c.name}@${c.host}`)),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'rename', onclick: rename }, t('settings.rename')),
        h('button', { type: 'button', class: 'danger delete', onclick: confirmDelete }, t('settings.deleteChannel'))),
      faces);
    const rename = () => {
      const id = `rename-${c.name}`;
      const input = h('input', { id, value: c.displayName || '', required: true, maxlength: 120 });
      const save = h('button', { type: 'submit', class: 'primary' }, t('settings.save'));
      const form = h('form', { class: 'inline rename-form' },
        h('label', { for: id, class: 'visually-hidden' }, t('settings.channelDisplayName')), input, save,
        h('button', { type: 'button', onclick: show }, t('settings.cancel')));
      onSubmit(form, save, messages, async () => {
        await api(`/api/v1/video-channels/${encodeURIComponent(c.name)}`, { method: 'PUT', json: { displayName: input.value.trim() } });
        await refill();
        return t('settings.channelRenamed', { name: input.value.trim() });
      });
      clear(li).append(form);
      input.focus();
    };
    const confirmDelete = () => {
      const yes = h('button', { type: 'button', class: 'danger confirm-delete' }, t('settings.deleteChannelYes'));
      const no = h('button', { type: 'button', onclick: show }, t('settings.cancel'));
      yes.addEventListener('click', () => busy(yes, messages, async () => {
        await api(`/api/v1/video-channels/${encodeURIComponent(c.name)}`, { method: 'DELETE' });
        await refill();
        return t('settings.channelDeleted', { name: c.displayName || c.name });
      }));
      clear(li).append(h('div', { class: 'confirm', role: 'group', 'aria-label': t('settings.deleteChannel') },
        h('p', null, t('settings.deleteChannelConfirm', { name: c.displayName || c.name })),
        h('div', { class: 'actions' }, yes, no)));
      no.focus();
    };
    show();
    return li;
  };
  const fill = (channels) => clear(list).append(...channels.map(row));
  fill(me.videoChannels || []);

  const name = h('input', { required: true, pattern: '[a-z0-9_.]{1,50}', autocapitalize: 'none', autocomplete: 'off' });
  const displayName = h('input', { required: true, maxlength: 120 });
  const create = h('button', { type: 'submit' }, t('settings.createChannel'));
  const form = h('form', { class: 'form', id: 'channel-form' },
    h('div', { class: 'field-row' },
      field('channel-name', t('settings.channelName'), name, t('settings.channelNameHint')),
      field('channel-display-name', t('settings.channelDisplayName'), displayName)),
    h('div', { class: 'actions' }, create));
  onSubmit(form, create, messages, async () => {
    await api('/api/v1/video-channels', { method: 'POST', json: { name: name.value.trim(), displayName: displayName.value.trim() } });
    const made = displayName.value.trim();
    form.reset();
    await refill();
    return t('settings.channelCreated', { name: made });
  });
  return panel('channels', t('settings.channels'), messages, list, h('h3', null, t('settings.createChannel')), form);
}

function subscriptionsSection(subs) {
  const list = h('ul', { class: 'my-list', id: 'subscription-list', role: 'list' });
  const messages = messagesRegion();
  const handleOf = (c) => `${c.name}@${c.host}`;
  const refill = async () => fill((await api('/api/v1/users/me/subscriptions?count=100')).data);
  const fill = (channels) => {
    clear(list);
    if (!channels.length) list.append(h('li', { class: 'empty' }, t('settings.noSubscriptions')));
    for (const c of channels) {
      const remove = h('button', { type: 'button', class: 'danger unsubscribe' }, t('settings.unsubscribe'));
      remove.setAttribute('aria-label', t('settings.unsubscribeFrom', { name: handleOf(c) }));
      remove.addEventListener('click', () => busy(remove, messages, async () => {
        await api(`/api/v1/users/me/subscriptions/${encodeURIComponent(handleOf(c))}`, { method: 'DELETE' });
        await refill();
        return t('settings.unsubscribed', { name: handleOf(c) });
      }));
      list.append(h('li', { class: 'setting-item', 'data-handle': handleOf(c) },
        h('div', { class: 'setting-main' },
          h('a', { href: channelLink(c), class: 'setting-name' }, c.displayName || c.name),
          h('span', { class: 'muted' }, ` ${handleOf(c)}`)),
        h('div', { class: 'actions' }, remove)));
    }
  };
  fill(subs.data);
  const handle = h('input', { id: 'subscribe-handle', required: true, placeholder: 'channel@example.org', autocapitalize: 'none', autocomplete: 'off', pattern: '@?[^@\\s]+@[^@\\s]+' });
  const add = h('button', { type: 'submit' }, t('settings.subscribe'));
  const form = h('form', { class: 'form', id: 'subscribe-form' },
    h('div', { class: 'field' },
      h('label', { for: 'subscribe-handle' }, t('settings.subscribeHandle')),
      h('div', { class: 'inline' }, handle, add)));
  onSubmit(form, add, messages, async () => {
    const value = handle.value.trim().replace(/^@/, '');
    await api('/api/v1/users/me/subscriptions', { method: 'POST', json: { uri: value } });
    form.reset();
    await refill();
    return t('settings.subscribed', { name: value });
  });
  return panel('subscriptions', t('settings.subscriptions'), h('p', { class: 'hint' }, t('settings.subscriptionsHint')), messages, list, form);
}
