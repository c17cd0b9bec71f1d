// "Up next" and related videos beside the player: in a playlist its next video, else the newest
// other video of the same channel, else one sharing a tag. The autoplay switch plays it when this
// one ends; remembered apart for playlists (on unless turned off, as PeerTube's
// autoPlayNextVideoPlaylist) and for the rest (off unless turned on, as its autoPlayNextVideo).
import { h } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { navigate } from './nav.js';
import { channelLink, videoCard, videoLink } from './ui.js';

const KEY = { playlist: 'peerlet.autoplay.playlist', videos: 'peerlet.autoplay' };
const RELATED = 8;

function wanted(kind) {
  try {
    const v = localStorage.getItem(KEY[kind]);
    return v === null ? kind === 'playlist' : v === 'on';
  } catch {
    return kind === 'playlist';
  }
}

/** Other videos of the channel, then videos sharing a tag; each once, this one left out. */
async function related(video) {
  const seen = new Set([video.uuid]);
  const keep = (list) => (list?.data ?? []).filter((v) => !seen.has(v.uuid) && seen.add(v.uuid));
  const handle = video.channel ? channelLink(video.channel).slice(3) : null;
  const tags = (video.tags ?? []).slice(0, 5).map((tag) => `tagsOneOf=${encodeURIComponent(tag)}`).join('&');
  const [channel, tagged] = await Promise.all([
    handle ? api(`/api/v1/video-channels/${handle}/videos?sort=-publishedAt&count=${RELATED + 1}`).catch(() => null) : null,
    tags ? api(`/api/v1/videos?${tags}&sort=-publishedAt&count=${RELATED + 1}`).catch(() => null) : null,
  ]);
  return [...keep(channel), ...keep(tagged)].slice(0, RELATED);
}

/**
 * The aside of the watch page for `video` playing in `el`. `next` is {video, href} when a playlist
 * decides what follows (null at its end). Returns {el, destroy}.
 */
export function upNext(el, video, next) {
  const kind = next !== undefined ? 'playlist' : 'videos';
  const toggle = h('input', { type: 'checkbox', id: 'autoplay-next', role: 'switch', checked: wanted(kind) });
  toggle.addEventListener('change', () => {
    try {
      localStorage.setItem(KEY[kind], toggle.checked ? 'on' : 'off');
    } catch { /* for this page only */ }
  });
  const nextSlot = h('div', { class: 'up-next-video', id: 'up-next' });
  const relatedList = h('div', { class: 'related', id: 'related-videos' });
  const aside = h('aside', { class: 'watch-side', 'aria-labelledby': 'up-next-title' },
    h('div', { class: 'up-next-head' },
      h('h2', { id: 'up-next-title' }, t('player.upNext')),
      h('label', { class: 'autoplay-switch', for: 'autoplay-next' }, toggle, ' ', t('player.autoplay'))),
    nextSlot,
    h('h2', { class: 'related-title' }, t('player.related')),
    relatedList);
  let target = next ? { href: next.href } : null;
  if (next?.video) nextSlot.append(h('ul', { class: 'grid side-grid', role: 'list' }, sideCard(next.video, next.href)));
  if (next === null) nextSlot.append(h('p', { class: 'muted' }, t('player.playlistEnd')));
  related(video).then((videos) => {
    if (next === undefined) {
      const first = videos.shift();
      if (first) {
        target = { href: videoLink(first) };
        nextSlot.append(h('ul', { class: 'grid side-grid', role: 'list' }, sideCard(first)));
      } else {
        nextSlot.append(h('p', { class: 'muted' }, t('player.nothingNext')));
      }
    }
    relatedList.append(videos.length ? h('ul', { class: 'grid side-grid', role: 'list' }, videos.map((v) => sideCard(v)))
      : h('p', { class: 'muted' }, t('player.noRelated')));
    aside.dataset.ready = 'true';
  });
  const onEnded = () => {
    if (toggle.checked && target) navigate(target.href);
  };
  el.addEventListener('ended', onEnded);
  return { el: aside, destroy: () => el.removeEventListener('ended', onEnded) };
}

/** A video card pointing at `href` (a playlist's address keeps the viewer in the playlist). */
function sideCard(v, href) {
  const card = videoCard(v);
  if (href) card.querySelectorAll(`a[href="${videoLink(v)}"]`).forEach((a) => { a.href = href; });
  return card;
}
