// Like / dislike with their counts and the viewer's own rating; Subscribe to the video's channel.
import { h } from './dom.js';
import { t } from './i18n.js';
import { api, currentUser } from './api.js';
import { errorBox } from './ui.js';

/** Like and dislike buttons; pressed shows the viewer's own rating. */
export function rateButtons(video, headers = {}) {
  const me = currentUser();
  const counts = { like: video.likes || 0, dislike: video.dislikes || 0 };
  let mine = 'none';
  const box = h('div', { class: 'rating', role: 'group', 'aria-label': t('rate.label') });
  const button = (kind) => h('button', { type: 'button', class: `rate rate-${kind}`, 'aria-pressed': 'false',
    disabled: !me, title: me ? t(`rate.${kind}`) : t('rate.login'), onclick: () => choose(kind) });
  const buttons = { like: button('like'), dislike: button('dislike') };
  const show = () => {
    for (const kind of ['like', 'dislike']) {
      const b = buttons[kind];
      b.setAttribute('aria-pressed', String(mine === kind));
      b.replaceChildren(h('span', { 'aria-hidden': 'true' }, kind === 'like' ? '👍' : '👎'), ' ',
        h('span', { class: 'visually-hidden' }, t(`rate.${kind}`)), h('span', { class: 'rate-count' }, String(counts[kind])));
    }
  };
  const choose = async (kind) => {
    const next = mine === kind ? 'none' : kind;
    try {
      await api(`/api/v1/videos/${video.uuid}/rate`, { method: 'PUT', json: { rating: next }, headers });
      if (mine !== 'none') counts[mine]--;
      if (next !== 'none') counts[next]++;
      mine = next;
      show();
    } catch (err) {
      box.append(errorBox(err));
    }
  };
  show();
  box.append(buttons.like, buttons.dislike);
  if (me) {
    api(`/api/v1/users/me/videos/${video.uuid}/rating`, { headers }).then((r) => {
      mine = r.rating;
      show();
    }).catch(() => {});
  }
  return box;
}

/** Subscribe / Unsubscribe for a channel, by its handle name@host. */
export function subscribeButton(channel) {
  const me = currentUser();
  if (!me || !channel) return null;
  const handle = `${channel.name}@${channel.host}`;
  let subscribed = false;
  const b = h('button', { type: 'button', class: 'subscribe', id: 'subscribe', 'aria-pressed': 'false' }, t('subscribe.subscribe'));
  const show = () => {
    b.setAttribute('aria-pressed', String(subscribed));
    b.textContent = subscribed ? t('subscribe.unsubscribe') : t('subscribe.subscribe');
    b.classList.toggle('primary', !subscribed);
  };
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      if (subscribed) await api(`/api/v1/users/me/subscriptions/${encodeURIComponent(handle)}`, { method: 'DELETE' });
      else await api('/api/v1/users/me/subscriptions', { method: 'POST', json: { uri: handle } });
      subscribed = !subscribed;
      show();
    } catch (err) {
      b.after(errorBox(err));
    } finally {
      b.disabled = false;
    }
  });
  api(`/api/v1/users/me/subscriptions/exist?uris=${encodeURIComponent(handle)}`).then((r) => {
    subscribed = Boolean(r[handle]);
    show();
  }).catch(() => {});
  show();
  return b;
}
