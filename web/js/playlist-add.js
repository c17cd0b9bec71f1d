// "Save to playlist", under a video on its page and in a small menu on each video card: Watch
// later in one click, or one of the viewer's playlists.
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { api, currentUser } from './api.js';

/**
 * The "save to playlist" box for `video`, null when nobody is logged in. `id` names it and its
 * parts (several cards on one page each have their own); `compact` makes it a card's menu: a
 * small button that opens the same box over the card.
 */
export function saveToPlaylist(video, { id = 'playlist-add', compact = false } = {}) {
  const me = currentUser();
  if (!me) return null;
  const out = h('span', { class: 'messages', 'aria-live': 'polite', id: `${id}-result` });
  const select = h('select', { id: `${id}-select` });
  const add = async (playlistId, name) => {
    try {
      await api(`/api/v1/video-playlists/${playlistId}/videos`, { method: 'POST', json: { videoId: video.id } });
      clear(out).append(t('playlist.added', { name }));
    } catch (err) {
      clear(out).append(err.detail || err.message);
    }
  };
  const summary = compact
    ? h('summary', { class: 'card-menu-button', title: t('playlist.save'), 'aria-label': t('playlist.saveVideo', { title: video.name }) }, '⋮')
    : h('summary', null, t('playlist.save'));
  const box = h('details', { class: compact ? 'card-menu playlist-add' : 'share-more playlist-add', id },
    summary,
    h('div', { class: 'playlist-add-body' },
      h('button', { type: 'button', id: `${id}-watch-later`, class: 'watch-later', onclick: async () => {
        const mine = await api('/api/v1/users/me');
        const wl = mine.specialPlaylists?.find((p) => p.type === 2);
        if (wl) add(wl.id, t('playlist.watchLater'));
      } }, t('playlist.watchLater')),
      h('label', { for: `${id}-select` }, t('playlist.choose')), select,
      h('button', { type: 'button', id: `${id}-submit`, onclick: () => {
        if (select.value) add(select.value, select.selectedOptions[0].textContent);
      } }, t('playlist.add')),
      out));
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
