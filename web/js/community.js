import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { ago, bytes, errorBox, say } from './ui.js';
import { busy, messagesRegion, onSubmit } from './form.js';

// Mutes (PeerTube's blocklists), watched words and quotas: in settings for oneself, in the admin
// page for the instance.

function panel(id, title, ...children) {
  return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...children);
}

const handleOf = (a) => `${a.name}@${a.host}`;

/** A list of mutes (`kind` accounts or servers) at `url`, each removable, with a form to add one. */
function muteList(id, kind, url) {
  const messages = messagesRegion();
  const list = h('ul', { class: 'my-list', id: `${id}-list`, role: 'list' });
  const nameOf = (b) => (kind === 'accounts' ? handleOf(b.blockedAccount) : b.blockedServer.host);
  const load = async () => {
    const page = await api(`${url}?count=100`);
    clear(list).append(...(page.data.length ? page.data.map((b) => {
      const name = nameOf(b);
      const remove = h('button', { type: 'button', class: 'danger unmute', 'aria-label': t('mute.removeName', { name }) }, t('mute.remove'));
      remove.addEventListener('click', () => busy(remove, messages, async () => {
        await api(`${url}/${encodeURIComponent(name)}`, { method: 'DELETE' });
        await load();
        return t('mute.removed', { name });
      }));
      return h('li', { class: 'setting-item', 'data-name': name },
        h('div', { class: 'setting-main' }, h('span', { class: 'setting-name' }, name), ' ',
          h('time', { class: 'muted', datetime: b.createdAt }, ago(b.createdAt))),
        h('div', { class: 'actions' }, remove));
    }) : [h('li', { class: 'empty' }, t(`mute.none.${kind}`))]));
  };
  const input = h('input', { id: `${id}-input`, required: true, autocapitalize: 'none', autocomplete: 'off',
    placeholder: kind === 'accounts' ? 'name@example.org' : 'example.org' });
  const add = h('button', { type: 'submit' }, t('mute.add'));
  const form = h('form', { class: 'form', id: `${id}-form` }, h('div', { class: 'field' },
    h('label', { for: input.id }, t(`mute.label.${kind}`)), h('div', { class: 'inline' }, input, add)));
  onSubmit(form, add, messages, async () => {
    const value = input.value.trim().replace(/^@/, '').replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    await api(url, { method: 'POST', json: kind === 'accounts' ? { accountName: value } : { host: value } });
    form.reset();
    await load();
    return t('mute.added', { name: value });
  });
  load().catch((err) => say(messages, errorBox(err)));
  return h('div', { class: 'mute-list' }, h('h3', null, t(`mute.title.${kind}`)), messages, list, form);
}

/** One's own mutes, in settings. */
export function myMutesSection() {
  return panel('mutes', t('mute.mine'), h('p', { class: 'hint' }, t('mute.mineHint')),
    muteList('my-muted-accounts', 'accounts', '/api/v1/users/me/blocklist/accounts'),
    muteList('my-muted-servers', 'servers', '/api/v1/users/me/blocklist/servers'));
}

/** The instance's mutes, in the admin page (moderators). */
export function instanceMutesSection() {
  return panel('instance-mutes', t('mute.instance'), h('p', { class: 'hint' }, t('mute.instanceHint')),
    muteList('instance-muted-accounts', 'accounts', '/api/v1/server/blocklist/accounts'),
    muteList('instance-muted-servers', 'servers', '/api/v1/server/blocklist/servers'));
}

const parseWords = (text) => text.split(/[\n,]/).map((w) => w.trim()).filter(Boolean);

/** Watched words at `url` (an account's or the instance's): each list editable, and a form for a new one. */
export function wordListsSection(id, title, hint, url) {
  const messages = messagesRegion();
  const list = h('ul', { class: 'my-list', id: `${id}-list`, role: 'list' });
  const item = (l) => {
    const words = h('textarea', { rows: 2, 'aria-label': t('words.wordsOf', { name: l.listName }) });
    words.value = l.words.join(', ');
    const save = h('button', { type: 'button' }, t('words.save'));
    save.addEventListener('click', () => busy(save, messages, async () => {
      await api(`${url}/${l.id}`, { method: 'PUT', json: { words: parseWords(words.value) } });
      return t('words.saved', { name: l.listName });
    }));
    const remove = h('button', { type: 'button', class: 'danger' }, t('words.remove'));
    remove.addEventListener('click', () => busy(remove, messages, async () => {
      await api(`${url}/${l.id}`, { method: 'DELETE' });
      await load();
      return t('words.removed', { name: l.listName });
    }));
    return h('li', { class: 'setting-item', 'data-list': l.listName },
      h('div', { class: 'setting-main' }, h('span', { class: 'setting-name' }, l.listName), words),
      h('div', { class: 'actions' }, save, remove));
  };
  const load = async () => {
    const page = await api(`${url}?count=100`);
    clear(list).append(...(page.data.length ? page.data.map(item) : [h('li', { class: 'empty' }, t('words.none'))]));
  };
  const name = h('input', { id: `${id}-name`, required: true, maxlength: 100 });
  const words = h('textarea', { id: `${id}-words`, required: true, rows: 2 });
  const create = h('button', { type: 'submit' }, t('words.create'));
  const form = h('form', { class: 'form', id: `${id}-form` },
    h('div', { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: name.id }, t('words.listName')), name),
      h('div', { class: 'field' }, h('label', { for: words.id }, t('words.words')), words)),
    h('div', { class: 'actions' }, create));
  onSubmit(form, create, messages, async () => {
    await api(url, { method: 'POST', json: { listName: name.value.trim(), words: parseWords(words.value) } });
    const made = name.value.trim();
    form.reset();
    await load();
    return t('words.created', { name: made });
  });
  load().catch((err) => say(messages, errorBox(err)));
  return panel(id, title, h('p', { class: 'hint' }, hint), messages, list, h('h3', null, t('words.create')), form);
}

/** What one's uploads use of one's quotas, in settings. */
export function quotaSection(me) {
  const body = h('div', { id: 'quota-used' });
  const line = (key, used, quota) => h('p', { class: 'quota-line' },
    t(key, { used: bytes(used), quota: quota < 0 ? t('quota.unlimited') : bytes(quota) }), ' ',
    quota > 0 ? h('progress', { max: quota, value: Math.min(used, quota), 'aria-label': t(key, { used: bytes(used), quota: bytes(quota) }) }) : null);
  api('/api/v1/users/me/video-quota-used').then((u) => clear(body).append(
    line('quota.total', u.videoQuotaUsed, me.videoQuota),
    line('quota.daily', u.videoQuotaUsedDaily, me.videoQuotaDaily)))
    .catch((err) => clear(body).append(errorBox(err)));
  return panel('quota', t('quota.title'), body);
}

/** Mute or unmute this account for oneself (an account's page); it says which it is now. */
export function muteButton(handle) {
  const messages = messagesRegion();
  const button = h('button', { type: 'button', id: 'mute-account', hidden: true });
  let muted = false;
  const show = () => {
    button.textContent = t(muted ? 'mute.unmuteAccount' : 'mute.muteAccount');
    button.setAttribute('aria-pressed', String(muted));
    button.hidden = false;
  };
  button.addEventListener('click', () => busy(button, messages, async () => {
    const url = '/api/v1/users/me/blocklist/accounts';
    if (muted) await api(`${url}/${encodeURIComponent(handle)}`, { method: 'DELETE' });
    else await api(url, { method: 'POST', json: { accountName: handle } });
    muted = !muted;
    show();
    return t(muted ? 'mute.added' : 'mute.removed', { name: handle });
  }));
  api(`/api/v1/blocklist/status?accounts=${encodeURIComponent(handle)}`).then((s) => {
    muted = !!s.accounts[handle]?.blockedByUser;
    show();
  }).catch((err) => say(messages, errorBox(err)));
  return h('div', { class: 'mute-account' }, button, messages);
}
