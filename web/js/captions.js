// Captions in the player: one <track> per language the video has, and a picker beside the
// quality one (the browser's own captions menu lists them too, also in full screen).
import { h } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';

const CHOICE_KEY = 'peerlet.captions';

/**
 * Adds the video's captions to `el` and a picker to `bar`. `tokenized(url)` adds the file
 * token a non-public video's files need. Returns a promise of the tracks added.
 */
export async function addCaptions(el, bar, video, tokenized, headers = {}) {
  let list;
  try {
    list = await api(`/api/v1/videos/${video.uuid}/captions`, { headers });
  } catch {
    return [];
  }
  const captions = list?.data ?? [];
  if (!captions.length) return [];
  const tracks = captions.map((c) => {
    const url = c.captionPath?.startsWith('/') ? tokenized(c.captionPath) : c.fileUrl;
    const track = h('track', { kind: 'subtitles', srclang: c.language.id, label: c.language.label, src: url });
    el.append(track);
    return track;
  });
  const picker = h('select', { id: 'captions', class: 'captions' },
    h('option', { value: '' }, t('player.captionsOff')),
    ...captions.map((c) => h('option', { value: c.language.id }, c.language.label)));
  const show = (lang) => {
    for (const tt of el.textTracks) {
      if (tt.kind === 'subtitles') tt.mode = tt.language === lang ? 'showing' : 'disabled';
    }
    picker.value = lang;
  };
  picker.addEventListener('change', () => {
    show(picker.value);
    try {
      localStorage.setItem(CHOICE_KEY, picker.value);
    } catch { /* not remembered */ }
  });
  // The browser's own menu changes modes too: keep the picker saying the truth.
  el.textTracks.addEventListener('change', () => {
    const on = [...el.textTracks].find((tt) => tt.mode === 'showing');
    picker.value = on ? on.language : '';
  });
  bar.append(h('label', { class: 'captions-field' }, t('player.captions'), ' ', picker));
  let wanted = '';
  try {
    wanted = localStorage.getItem(CHOICE_KEY) || '';
  } catch { /* none */ }
  if (wanted && captions.some((c) => c.language.id === wanted)) show(wanted);
  else show('');
  return tracks;
}
