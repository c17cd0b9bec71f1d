// My notifications, newest first: what each is about, a link to it, read or not; "mark all read";
// and which kinds I want to hear of (PeerTube's settings, web only: no e-mail is sent).
import { t } from '../i18n.js';
import { h, clear } from '../dom.js';
import { api, reloadMe } from '../api.js';
import { ago, channelLink, fullDate, pageTitle, videoLink, accountLink } from '../ui.js';
import { messagesRegion, busy } from '../form.js';
import { requireLogin, setTitle } from '../nav.js';
import { onUnread } from '../bell.js';

const SETTINGS = ['newCommentOnMyVideo', 'commentMention', 'newVideoFromSubscription', 'myVideoPublished', 'newFollow'];
const WEB = 1;

function who(a) {
  return h('a', { href: accountLink(a) }, a.displayName || a.name);
}

/** The sentence of one notification, with its links; null for a kind this page does not know. */
function sentence(n) {
  const video = n.video || n.comment?.video;
  const watch = video ? h('a', { href: videoLink(video) }, video.name) : null;
  switch (n.type) {
    case 1: return [t('notifications.newVideo'), ' ', h('a', { href: channelLink(n.video.channel) }, n.video.channel.displayName), ': ', watch];
    case 2: return [who(n.comment.account), ' ', t('notifications.commented'), ' ', watch];
    case 6: return [t('notifications.published'), ' ', watch];
    case 10: return [who(n.actorFollow.follower), ' ', t('notifications.subscribed'), ' ', n.actorFollow.following.displayName];
    case 11: return [who(n.comment.account), ' ', t('notifications.replied'), ' ', watch];
    default: return null;
  }
}

function item(n, markRead) {
  const text = sentence(n);
  if (!text) return null;
  const li = h('li', { class: n.read ? 'notification' : 'notification unread', 'data-type': String(n.type) },
    h('p', null, ...text),
    h('p', { class: 'muted' }, h('time', { datetime: n.createdAt, title: fullDate(n.createdAt) }, ago(n.createdAt)),
      n.read ? null : h('span', { class: 'visually-hidden' }, ` (${t('notifications.unread')})`)));
  // Following a link reads it.
  li.addEventListener('click', (e) => {
    if (!n.read && e.target.closest('a')) markRead(n, li);
  });
  return li;
}

function settingsForm(current, messages) {
  const boxes = SETTINGS.map((name) => h('input', { type: 'checkbox', id: `notify-${name}`, name, checked: ((current[name] ?? WEB) & WEB) !== 0 }));
  const save = h('button', { type: 'submit' }, t('notifications.save'));
  const form = h('form', { class: 'notification-settings' },
    h('fieldset', null, h('legend', null, t('notifications.settings')),
      boxes.map((b) => h('div', { class: 'check' }, b, ' ', h('label', { for: b.id }, t(`notifications.kind.${b.name}`))))),
    save);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(save, messages, async () => {
      const changes = {};
      for (const b of boxes) changes[b.name] = b.checked ? (current[b.name] | WEB) : (current[b.name] & ~WEB);
      await api('/api/v1/users/me/notification-settings', { method: 'PUT', json: changes });
      Object.assign(current, changes);
      return t('notifications.saved');
    });
  });
  return form;
}

export async function render(view) {
  if (!requireLogin()) return;
  setTitle(t('notifications.title'));
  const messages = messagesRegion();
  const list = h('ul', { class: 'notifications', role: 'list' });
  const markRead = async (n, li) => {
    n.read = true;
    li.classList.remove('unread');
    await api('/api/v1/users/me/notifications/read', { method: 'POST', json: { ids: [n.id] } }).catch(() => {});
  };
  const load = async () => {
    const page = await api('/api/v1/users/me/notifications?count=50&sort=-createdAt');
    const items = page.data.map((n) => item(n, markRead)).filter(Boolean);
    clear(list).append(...(items.length ? items : [h('li', { class: 'empty' }, t('notifications.empty'))]));
  };
  await load();
  const all = h('button', { type: 'button', id: 'read-all' }, t('notifications.readAll'));
  all.addEventListener('click', () => busy(all, messages, async () => {
    await api('/api/v1/users/me/notifications/read-all', { method: 'POST' });
    await load();
  }));
  const me = await reloadMe();
  view.append(pageTitle(t('notifications.title')), h('p', null, all), messages, list,
    settingsForm({ ...(me?.notificationSettings || {}) }, messages));
  // A new one while the page is open: show it.
  let shown = null;
  return onUnread((n) => {
    if (shown !== null && n > shown) load().catch(() => {});
    shown = n;
  });
}
