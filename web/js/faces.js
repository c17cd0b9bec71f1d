// Faces: an account's or channel's avatar (or its initial when it has none), a channel's banner,
// and the pickers that upload them (PeerTube's avatar/pick and banner/pick).
import { h } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { busy } from './form.js';

/** The smallest of the images at least `px` wide (the largest if none is), or null. */
function best(images, px) {
  if (!images?.length) return null;
  const fit = [...images].sort((a, b) => a.width - b.width);
  return fit.find((i) => i.width >= px * (window.devicePixelRatio || 1)) || fit[fit.length - 1];
}

/** Sizes through the CSSOM: the Content-Security-Policy allows no style attributes. */
function sized(el, px) {
  el.style.width = `${px}px`;
  el.style.height = `${px}px`;
  el.style.fontSize = `${Math.round(px / 2.4)}px`;
  return el;
}

/** An avatar `px` wide: the actor's picture, or the first letter of its name on a coloured disc. */
export function avatar(actor, px = 40, cls = '') {
  const img = best(actor?.avatars, px);
  const name = actor?.displayName || actor?.name || '?';
  if (img) {
    const el = h('img', { class: `avatar ${cls}`, src: img.path, alt: '', width: px, height: px, loading: 'lazy', decoding: 'async' });
    return sized(el, px);
  }
  const el = h('span', { class: `avatar ${cls}`, 'aria-hidden': 'true' }, name.slice(0, 1).toUpperCase());
  return sized(el, px);
}

/** A channel's banner across the page top, or nothing. */
export function banner(channel) {
  const img = best(channel?.banners, 1200);
  return img ? h('img', { class: 'banner', src: img.path, alt: '', width: img.width, height: img.height }) : null;
}

/**
 * A file picker that uploads at once and a button that removes: `url` is the pick route, `remove`
 * the DELETE one, `field` the multipart name; `done` gets the new list (empty when removed).
 */
export function facePicker({ id, label, url, remove, field, messages, done }) {
  const input = h('input', { type: 'file', id, accept: 'image/png,image/jpeg,image/gif', class: 'face-file' });
  const drop = h('button', { type: 'button', class: 'link danger face-remove' }, t('faces.remove'));
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (!file) return;
    busy(drop, messages, async () => {
      const body = new FormData();
      body.append(field, file);
      const answer = await api(url, { method: 'POST', body });
      input.value = '';
      done(answer.avatars || answer.banners || []);
      return t('faces.saved');
    }, { working: t('faces.uploading') });
  });
  drop.addEventListener('click', () => busy(drop, messages, async () => {
    await api(remove, { method: 'DELETE' });
    done([]);
    return t('faces.removed');
  }));
  return h('div', { class: 'field face-picker' },
    h('label', { for: id }, label), h('div', { class: 'inline' }, input, drop),
    h('p', { class: 'hint' }, t('faces.hint')));
}
