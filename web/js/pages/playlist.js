import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api, currentUser } from '../api.js';
import { pageTitle, privacyBadge } from '../ui.js';
import { setTitle } from '../nav.js';
import { accessHeaders } from '../access.js';
import * as watch from './watch.js';

/**
 * A playlist (/w/p/{id}?playlistPosition=N, as PeerTube addresses it): its videos in order and
 * the one at N playing; when it ends the next one the viewer may watch starts. Elements the
 * viewer may not see keep their place with no video, as the API gives them.
 */
export async function render(view, { args: [id], params }) {
  const share = params?.get('share') || null;
  const headers = accessHeaders({ share });
  const enc = encodeURIComponent(id);
  let playlist;
  let elements;
  try {
    [playlist, elements] = await Promise.all([
      api(`/api/v1/video-playlists/${enc}`, { headers }),
      api(`/api/v1/video-playlists/${enc}/videos?count=100`, { headers }),
    ]);
  } catch (err) {
    if (![401, 403, 404].includes(err.status)) throw err;
    setTitle(t('access.refusedTitle'));
    view.append(pageTitle(t('access.refusedTitle')),
      h('div', { class: 'notice error access-refused', role: 'alert', id: 'access-refused' },
        share ? t('access.linkGone') : err.status === 404 ? t('access.notFound') : t('playlist.refused')));
    return undefined;
  }
  const address = (position) => `/w/p/${playlist.shortUUID}?playlistPosition=${position}${share ? `&share=${encodeURIComponent(share)}` : ''}`;
  const playable = elements.data.filter((e) => e.video);
  const asked = Number(params?.get('playlistPosition')) || 0;
  const current = playable.find((e) => e.position >= asked) || playable[0];
  const next = current ? playable.find((e) => e.position > current.position) : null;
  const list = h('ol', { class: 'playlist-elements', id: 'playlist-elements' }, elements.data.map((e) => h('li', {
    'data-position': e.position, class: e === current ? 'current' : null, 'aria-current': e === current ? 'true' : null,
  }, e.video ? h('a', { href: address(e.position) }, e.video.name) : h('span', { class: 'muted' }, t(`playlist.element${e.type}`)))));
  const stage = h('div', { class: 'playlist-stage', id: 'playlist-stage' });
  view.append(pageTitle(playlist.displayName),
    h('p', { class: 'watch-meta' }, privacyBadge(playlist.privacy), ' ',
      t('playlist.length', { n: playlist.videosLength }), ' · ', playlist.ownerAccount?.displayName || ''),
    h('nav', { class: 'playlist-panel', 'aria-label': t('playlist.videos') }, h('h2', null, t('playlist.videos')), list),
    owns(playlist) && playlist.privacy.id === 3 && playlist.type.id === 1 ? sharePanel(playlist) : null,
    stage);
  setTitle(playlist.displayName);
  if (!current) {
    stage.append(h('p', { class: 'muted' }, t('playlist.empty')));
    return undefined;
  }
  // The watch page's "up next" is the playlist's next video, played at the end (autoplay switch).
  const stop = await watch.render(stage, { args: [current.video.uuid], params: new URLSearchParams(share ? { share } : {}),
    next: next ? { video: next.video, href: address(next.position) } : null });
  return () => {
    if (typeof stop === 'function') stop();
  };
}

function owns(playlist) {
  const me = currentUser();
  return me && playlist.ownerAccount?.name === me.username && playlist.isLocal;
}

/** The owner shares a private playlist with named people or by a link, as a private video. */
function sharePanel(playlist) {
  const base = `/api/v1/video-playlists/${playlist.id}`;
  const handle = h('input', { id: 'playlist-share-handle', autocomplete: 'off' });
  const out = h('div', { class: 'messages', 'aria-live': 'polite', id: 'playlist-share-result' });
  const say = (text, cls = 'notice') => clear(out).append(h('div', { class: cls }, text));
  return h('details', { class: 'share-more playlist-share', id: 'playlist-share' },
    h('summary', null, t('playlist.share')),
    h('div', { class: 'field' }, h('label', { for: 'playlist-share-handle' }, t('playlist.shareWith')),
      h('div', { class: 'inline' }, handle, h('button', { type: 'button', id: 'playlist-share-submit', onclick: async () => {
        try {
          await api(`${base}/shares`, { method: 'POST', json: { handle: handle.value.trim() } });
          say(t('playlist.sharedWith', { name: handle.value.trim() }));
          handle.value = '';
        } catch (err) {
          say(err.detail || err.message, 'notice error');
        }
      } }, t('playlist.shareSubmit')))),
    h('button', { type: 'button', id: 'playlist-create-link', onclick: async () => {
      try {
        const r = await api(`${base}/share-links`, { method: 'POST', json: {} });
        clear(out).append(h('input', { class: 'new-link', id: 'playlist-new-link', readonly: true, value: r.shareLink.url,
          'aria-label': t('playlist.link'), onfocus: (e) => e.target.select() }));
      } catch (err) {
        say(err.detail || err.message, 'notice error');
      }
    } }, t('playlist.createLink')),
    out);
}
