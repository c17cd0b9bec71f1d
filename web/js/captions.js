// Captions in the player: one <track> per language the video has, a menu in the control bar, the
// c key, and the cues drawn by us in the player's cue line (the browser draws them inside the
// <video>, which is not what goes full screen: ours stay visible in the wrapper's full screen).
import { t } from './i18n.js';
import { api } from './api.js';
import { h } from './dom.js';
import { playerMenu } from './player-menu.js';

const CHOICE_KEY = 'peerlet.captions';

function remembered() {
  try {
    return localStorage.getItem(CHOICE_KEY) || '';
  } catch {
    return '';
  }
}

/**
 * Adds the video's captions to `player` (from createPlayer). `tokenized(url)` adds the file token
 * a non-public video's files need. Returns a promise of the tracks added.
 */
export async function addCaptions(player, video, tokenized, headers = {}) {
  let list;
  try {
    list = await api(`/api/v1/videos/${video.uuid}/captions`, { headers });
  } catch {
    return [];
  }
  const captions = list?.data ?? [];
  if (!captions.length) return [];
  const el = player.video;
  let shown = '';
  const tracks = captions.map((c) => {
    const url = c.captionPath?.startsWith('/') ? tokenized(c.captionPath) : c.fileUrl;
    const track = h('track', { kind: 'subtitles', srclang: c.language.id, label: c.language.label, src: url });
    // Cues already due when the file arrives are drawn at once, not at their next change.
    track.addEventListener('load', draw);
    el.append(track);
    return track;
  });
  function draw() {
    const on = [...el.textTracks].find((tt) => tt.kind === 'subtitles' && tt.mode === 'hidden' && tt.language === shown);
    const lines = on?.activeCues ? [...on.activeCues] : [];
    // getCueAsHTML gives WebVTT's own few tags (b, i, u, c, v) as nodes: never parsed as page HTML.
    player.cues.replaceChildren(...lines.map((cue) => h('span', { class: 'player-cue' }, cue.getCueAsHTML())));
  }
  const menu = playerMenu({ id: 'captions', label: t('player.captions'), iconName: 'captions', onPick: (lang) => {
    show(lang);
    try {
      localStorage.setItem(CHOICE_KEY, lang);
    } catch { /* not remembered */ }
  } });
  const show = (lang) => {
    shown = lang;
    for (const tt of el.textTracks) {
      if (tt.kind !== 'subtitles') continue;
      // 'hidden' loads the cues and tells their changes without the browser drawing them.
      tt.mode = tt.language === lang ? 'hidden' : 'disabled';
      tt.oncuechange = draw;
    }
    menu.check(lang);
    menu.show(lang ? lang.toUpperCase() : '');
    menu.button.setAttribute('aria-pressed', String(!!lang));
    draw();
  };
  menu.set([{ value: '', label: t('player.captionsOff') }, ...captions.map((c) => ({ value: c.language.id, label: c.language.label }))], '');
  player.controls.addMenu(menu);
  let last = remembered();
  // c turns the captions on (the last language chosen, else the first) and off.
  player.controls.keys.c = () => {
    if (shown) last = shown;
    show(shown ? '' : (captions.some((c) => c.language.id === last) ? last : captions[0].language.id));
  };
  show(captions.some((c) => c.language.id === last) ? last : '');
  return tracks;
}
