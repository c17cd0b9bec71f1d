// "Save to playlist" under a video: Watch later in one click, or one of the viewer's playlists.
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { api, currentUser } from './api.js';

export function saveToPlaylist(video) {
  const me = currentUser();
  if (!me) return null;
  const out = h('span', { class: 'messages', 'aria-live': 'polite', id: 'playlist-add-result' });
  const select = h('select', { id: 'playlist-add-select' });
  const add = async (playlistId, name) => {
    try {
      await api(`/api/v1/video-playlists/${playlistId}/videos`, { method: 'POST', json: { videoId: video.id } });
      clear(out).append(t('playlist.added', { name }));
    } catch (err) {
      clear(out).append(err.detail || err.message);
    }
  };
  const box = h('details', { class: 'share-more playlist-add', id: 'playlist-add' },
    h('summary', null, t('playlist.save')),
    h('button', { type: 'button', id: 'watch-later', onclick: async () => {
      const mine = await api('/api/v1/users/me');
      const wl = mine.specialPlaylists?.find((p) => p.type === 2);
      if (wl) add(wl.id, t('playlist.watchLater'));
    } }, t('playlist.watchLater')),
    h('label', { for: 'playlist-add-select' }, t('playlist.choose')), select,
    h('button', { type: 'button', id: 'playlist-add-submit', onclick: () => {
      if (select.value) add(select.value, select.selectedOptions[0].textContent);
    } }, t('playlist.add')),
    out);
  box.addEventListener('toggle', async () => {
    if (!box.open || select.options.length) return;
    const list = await api(`/api/v1/accounts/${encodeURIComponent(me.username)}/video-playlists?count=100&playlistType=1`);
    select.append(...list.data.map((p) => h('option', { value: p.id }, p.displayName)));
  });
  return box;
}

/** A list of playlists as links to their pages. */
export function playlistList(playlists, empty) {
  if (!playlists.length) return h('p', { class: 'muted' }, empty);
  return h('ul', { class: 'playlist-list' }, playlists.map((p) => h('li', { 'data-uuid': p.uuid },
    h('a', { href: `/w/p/${p.shortUUID}` }, p.displayName), ' ',
    h('span', { class: 'muted' }, t('playlist.length', { n: p.videosLength })))));
}
