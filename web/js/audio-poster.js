// What an audio-only upload shows instead of a picture: the channel's avatar when it has one,
// else bars drawn from the video's id (the same for each visit, different between recordings).
import { h } from './dom.js';
import { avatar } from './faces.js';

const NS = 'http://www.w3.org/2000/svg';
const BARS = 48;

/** A seeded list of bar heights (0.15 to 1), a waveform look-alike, from the video's uuid. */
function heights(seed) {
  let x = [...String(seed)].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7) || 1;
  const out = [];
  for (let i = 0; i < BARS; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; // xorshift32
    const swell = 0.55 + 0.45 * Math.sin((i / BARS) * Math.PI);
    out.push(Math.max(0.15, swell * (0.35 + 0.65 * ((x % 1000) / 1000))));
  }
  return out;
}

function waveform(seed) {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${BARS * 4} 100`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', 'audio-wave');
  svg.setAttribute('aria-hidden', 'true');
  heights(seed).forEach((v, i) => {
    const r = document.createElementNS(NS, 'rect');
    r.setAttribute('x', String(i * 4 + 0.5));
    r.setAttribute('width', '3');
    r.setAttribute('y', String(50 - v * 48));
    r.setAttribute('height', String(v * 96));
    r.setAttribute('rx', '1.5');
    svg.append(r);
  });
  return svg;
}

/** The poster of an audio-only video, over its (blank) picture. */
export function audioPoster(video) {
  const hasAvatar = video.channel?.avatars?.length > 0;
  return h('div', { class: hasAvatar ? 'audio-poster has-avatar' : 'audio-poster', id: 'audio-poster', 'aria-hidden': 'true' },
    hasAvatar ? avatar(video.channel, 160, 'audio-avatar') : null, waveform(video.uuid));
}
