import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api, currentUser } from '../api.js';
import { pageTitle } from '../ui.js';
import { setTitle } from '../nav.js';
import { playlistList } from '../playlist-add.js';

/** The viewer's playlists (Watch later first), a form to make one, and those shared with them. */
export async function render(view) {
  const me = currentUser();
  setTitle(t('playlist.mine'));
  if (!me) {
    view.append(pageTitle(t('playlist.mine')), h('p', null, h('a', { href: '/login?next=/my-playlists' }, t('nav.login'))));
    return;
  }
  const [mine, shared, user] = await Promise.all([
    api(`/api/v1/accounts/${encodeURIComponent(me.username)}/video-playlists?count=100`),
    api('/api/v1/users/me/shared-video-playlists?count=100'),
    api('/api/v1/users/me'),
  ]);
  const name = h('input', { id: 'playlist-name', required: true, maxlength: 120 });
  const privacy = h('select', { id: 'playlist-privacy' },
    h('option', { value: 3 }, t('playlist.private')), h('option', { value: 2 }, t('playlist.unlisted')),
    h('option', { value: 1 }, t('playlist.public')));
  const out = h('div', { class: 'messages', 'aria-live': 'assertive' });
  const form = h('form', { class: 'form', id: 'playlist-create' },
    h('div', { class: 'field' }, h('label', { for: 'playlist-name' }, t('playlist.name')), name),
    h('div', { class: 'field' }, h('label', { for: 'playlist-privacy' }, t('playlist.privacy')), privacy),
    out, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('playlist.create'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear(out);
    try {
      const channel = user.videoChannels?.[0]?.id;
      const r = await api('/api/v1/video-playlists', { method: 'POST',
        json: { displayName: name.value, privacy: Number(privacy.value), videoChannelId: channel } });
      history.pushState(null, '', `/w/p/${r.videoPlaylist.shortUUID}`);
      window.dispatchEvent(new Event('peerlet:navigate'));
    } catch (err) {
      out.append(h('div', { class: 'notice error', role: 'alert' }, err.detail || err.message));
    }
  });
  view.append(pageTitle(t('playlist.mine')), playlistList(mine.data, t('playlist.none')),
    h('h2', null, t('playlist.new')), form,
    h('h2', null, t('playlist.sharedWithMe')), h('div', { id: 'shared-playlists' }, playlistList(shared.data, t('playlist.none'))));
}
