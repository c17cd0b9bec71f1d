// The embeddable player (/videos/embed/{id}): the video alone, no header, filling its frame.
// Options in the address, as PeerTube's embeds take them: autoplay=1, muted=1, loop=1,
// start=90 (or 1m30s), title=0 to hide the title link.
import { h } from './dom.js';
import { t, applyLanguage } from './i18n.js';
import { api } from './api.js';
import { createPlayer } from './player.js';

const main = document.getElementById('embed');
const params = new URLSearchParams(location.search);
const flag = (name) => ['1', 'true'].includes(params.get(name) ?? '');

/** Seconds from "90", "90s", "1m30s" or "1h2m3s"; 0 when it is none of these. */
export function seconds(text) {
  if (!text) return 0;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  return m ? (Number(m[1] || 0) * 3600) + (Number(m[2] || 0) * 60) + Number(m[3] || 0) : 0;
}

function done(state) {
  main.removeAttribute('aria-busy');
  document.documentElement.dataset.page = state;
}

async function start() {
  applyLanguage();
  const id = decodeURIComponent(location.pathname.split('/').pop() || '');
  let video;
  try {
    // Embeds show what anyone may see: never send this site's login from inside someone else's page.
    video = await api(`/api/v1/videos/${encodeURIComponent(id)}`, { anonymous: true });
  } catch (e) {
    main.append(h('p', { class: 'embed-message', role: 'alert' }, t('embed.unavailable')));
    done('missing');
    return;
  }
  if (!video.streamingPlaylists?.length) {
    main.append(h('p', { class: 'embed-message', role: 'status' }, video.state?.id === 7 ? t('video.failed') : t('video.processing')));
    done('ready');
    return;
  }
  const player = createPlayer(main, video, { autoplay: flag('autoplay') });
  const el = player.video;
  if (flag('muted')) el.muted = true;
  if (flag('loop')) el.loop = true;
  const startAt = seconds(params.get('start'));
  if (startAt > 0) el.addEventListener('loadedmetadata', () => { el.currentTime = startAt; }, { once: true });
  if (params.get('title') !== '0') {
    main.append(h('a', { class: 'embed-title', href: `/w/${encodeURIComponent(video.shortUUID || video.uuid)}`, target: '_blank', rel: 'noopener' },
      video.name));
  }
  let counted = false;
  el.addEventListener('timeupdate', () => {
    if (counted || el.currentTime < 1) return;
    counted = true;
    api(`/api/v1/videos/${video.uuid}/views`, { method: 'POST', anonymous: true, json: { currentTime: Math.floor(el.currentTime) } }).catch(() => {});
  });
  done('ready');
}

start();
