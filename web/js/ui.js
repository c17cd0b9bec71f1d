// Small shared pieces of the pages: privacy badges, video cards, errors, numbers and dates.
import { h, clear } from './dom.js';
import { t, lang } from './i18n.js';
import { authHeader } from './api.js';
import { avatar, banner } from './faces.js';
import { saveToPlaylist } from './playlist-add.js';

export function privacyBadge(privacy) {
  const id = privacy?.id ?? privacy;
  return h('span', { class: `badge badge-privacy-${id}`, title: t(`privacy.hint.${id}`) },
    h('span', { class: 'visually-hidden' }, `${t('privacy.visibility')}: `),
    t(`privacy.${id}`));
}

export function stateBadge(state) {
  if (!state || state.id === 1) return null;
  return h('span', { class: `badge badge-state-${state.id}` }, t(`video.state.${state.id}`));
}

export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds || 0));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });

export function ago(iso) {
  if (!iso) return '';
  const secs = (new Date(iso).getTime() - Date.now()) / 1000;
  const steps = [[60, 'second'], [3600, 'minute'], [86400, 'hour'], [604800, 'day'], [2629800, 'week'], [31557600, 'month'], [Infinity, 'year']];
  let unit = 1;
  for (const [limit, name] of steps) {
    if (Math.abs(secs) < limit) return rtf.format(Math.round(secs / unit), name);
    unit = limit;
  }
  return '';
}

const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });

export function fullDate(iso) {
  return iso ? dateFormat.format(new Date(iso)) : '';
}

export function views(n) {
  return n === 1 ? t('video.oneView') : t('video.views', { n: new Intl.NumberFormat(lang).format(n || 0) });
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];

/** A size as people read it, in their language's units (1.5 MB, 1,5 Mo). */
export function bytes(n) {
  let v = Math.max(0, n || 0);
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return new Intl.NumberFormat(lang, { style: 'unit', unit: UNITS[i], unitDisplay: i ? 'short' : 'narrow', maximumFractionDigits: i && v < 10 ? 1 : 0 }).format(v);
}

/** Private and internal images need the token, which an <img src> cannot send: fetch them. */
export function thumbnail(video, cls = 'thumb') {
  const img = h('img', { class: cls, alt: '', loading: 'lazy', decoding: 'async', width: 320, height: 180 });
  const path = video.thumbnailPath;
  if (!path) {
    img.classList.add('thumb-missing');
    img.removeAttribute('src');
    return img;
  }
  const open = video.privacy?.id === 1 || video.privacy?.id === 2;
  if (open) {
    img.src = path;
  } else if (!authHeader()) {
    img.classList.add('thumb-missing'); // a neutral placeholder: nothing of a private video leaks
  } else {
    // The login is a grant for the image (owner, shared with, internal): fetched with it.
    fetch(path, { headers: { Authorization: authHeader() } })
      .then((r) => (r.ok ? r.blob() : null))
      .then((b) => {
        if (b) img.src = URL.createObjectURL(b);
        else img.classList.add('thumb-missing');
      })
      .catch(() => img.classList.add('thumb-missing'));
  }
  return img;
}

export function videoLink(v) {
  return `/w/${encodeURIComponent(v.shortUUID || v.uuid)}`;
}

export function channelLink(c) {
  const handle = c.host && c.host !== location.host ? `${c.name}@${c.host}` : c.name;
  return `/c/${encodeURIComponent(handle)}`;
}

export function accountLink(a) {
  // Local accounts carry their userId; the public host may differ from the one in the address bar.
  const local = a.userId != null || !a.host || a.host === location.host;
  const handle = local ? a.name : `${a.name}@${a.host}`;
  return `/a/${encodeURIComponent(handle)}`;
}

/** The header of a channel or account page: banner (channels), avatar or initial, name, handle line. */
export function profileHeader(actor, displayName, ...handleLine) {
  return h('header', { class: 'channel-header-wrap' }, banner(actor),
    h('div', { class: 'channel-header' }, avatar(actor, 64, 'profile-avatar'),
      h('div', null, pageTitle(displayName), h('p', { class: 'muted' }, ...handleLine))));
}

/** How much of it the logged-in viewer watched (PeerTube's userHistory), as a bar along the thumbnail. */
function watchedBar(v) {
  const at = v.userHistory?.currentTime;
  if (!at || !v.duration) return null;
  const bar = h('span', { class: 'watched', role: 'progressbar', 'aria-label': t('video.watched'),
    'aria-valuemin': '0', 'aria-valuemax': String(v.duration), 'aria-valuenow': String(at) }, h('span', { class: 'watched-done' }));
  bar.firstChild.style.width = `${Math.min(100, (at / v.duration) * 100)}%`;
  return bar;
}

let cards = 0;

export function videoCard(v) {
  // Logged in: a small menu to put the video in a playlist, the watch page's box in a card (a
  // video can be on a page twice, in two rows: each card's ids are its own).
  const menu = !v.state || v.state.id === 1 ? saveToPlaylist(v, { id: `card-menu-${++cards}`, compact: true }) : null;
  return h('li', { class: 'card', 'data-uuid': v.uuid },
    h('a', { href: videoLink(v), class: 'card-thumb', tabindex: '-1', 'aria-hidden': 'true' },
      thumbnail(v),
      v.duration ? h('span', { class: 'duration' }, duration(v.duration)) : null,
      watchedBar(v)),
    h('div', { class: 'card-body' },
      h('h3', { class: 'card-title' }, h('a', { href: videoLink(v) }, v.name)),
      h('p', { class: 'card-meta' },
        v.channel ? h('a', { href: channelLink(v.channel), class: 'card-channel' }, avatar(v.channel, 24),
          ' ', v.channel.displayName || v.channel.name) : null),
      h('p', { class: 'card-meta' },
        h('span', null, views(v.views)), ' · ',
        h('time', { datetime: v.publishedAt, title: fullDate(v.publishedAt) }, ago(v.publishedAt))),
      h('p', { class: 'card-badges' }, privacyBadge(v.privacy), stateBadge(v.state)),
      menu));
}

export function videoGrid(videos, emptyText) {
  if (!videos.length) return h('p', { class: 'empty' }, emptyText);
  return h('ul', { class: 'grid', role: 'list' }, videos.map(videoCard));
}

/** An error shown to the person, with the API's own words. */
export function errorBox(err, extra) {
  const detail = err?.detail || err?.message || String(err);
  return h('div', { class: 'notice error', role: 'alert' }, t('error.generic', { detail }), extra ?? null);
}

export function okBox(text) {
  return h('div', { class: 'notice ok', role: 'status' }, text);
}

/** Puts a message in a live region (replacing what it held). */
export function say(region, node) {
  clear(region);
  if (node) region.append(node);
}

export function pageTitle(text) {
  return h('h1', { tabindex: '-1', class: 'page-title' }, text);
}
