// Chapters: marks on the timeline under the picture (one per chapter, a click seeks there), the
// list of them in a menu of the control bar, and timestamps in the description made links that seek.
import { h } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { duration as clock } from './ui.js';
import { playerMenu } from './player-menu.js';

/** "1:02:03", "02:03" or "1h2m3s" as seconds; null if it is none of those. */
export function seconds(text) {
  const letters = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (letters && text) return (Number(letters[1] || 0) * 3600) + (Number(letters[2] || 0) * 60) + Number(letters[3] || 0);
  const parts = text.split(':').map(Number);
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !Number.isInteger(p))) return null;
  return parts.reduce((total, p) => total * 60 + p, 0);
}

function seek(el, at) {
  el.currentTime = at;
  el.play().catch(() => {});
  el.closest('.player')?.scrollIntoView({ block: 'nearest' });
}

/** The marks on the player's timeline and the chapters menu of its control bar. Returns them (null if no chapters). */
export async function addChapters(player, video, headers = {}) {
  let chapters;
  try {
    chapters = (await api(`/api/v1/videos/${video.uuid}/chapters`, { headers }))?.chapters ?? [];
  } catch {
    return null;
  }
  if (!chapters.length) return null;
  const { video: el, timeline } = player;
  const { length } = timeline;
  const strip = h('div', { class: 'chapter-marks', role: 'group', 'aria-label': t('player.chapters') });
  const marks = chapters.map((c) => {
    const mark = h('button', { type: 'button', class: 'chapter-mark', title: `${clock(c.timecode)} ${c.title}`,
      'aria-label': `${c.title} (${clock(c.timecode)})`, 'data-timecode': String(c.timecode), onclick: () => seek(el, c.timecode) });
    strip.append(mark);
    return mark;
  });
  // Through the CSSOM (the page's policy refuses style attributes); again once the length is known.
  const place = () => marks.forEach((m, i) => { m.style.left = `${(chapters[i].timecode / length()) * 100}%`; });
  place();
  el.addEventListener('loadedmetadata', place);
  timeline.el.append(strip);
  // The list, in the bar so it is there in full screen too; the chapter playing is the one checked.
  const menu = playerMenu({ id: 'chapters', label: t('player.chapters'), iconName: 'chapters', onPick: (at) => seek(el, Number(at)) });
  menu.set(chapters.map((c) => ({ value: c.timecode, label: c.title, detail: clock(c.timecode) })), chapters[0].timecode);
  const current = () => {
    const now = el.currentTime;
    const on = [...chapters].reverse().find((c) => now >= c.timecode) || chapters[0];
    menu.check(on.timecode);
    menu.show(on.title);
  };
  el.addEventListener('timeupdate', current);
  current();
  player.controls.addMenu(menu);
  return { strip, menu };
}

/** Timestamps written in the description (text, not links already) become links that seek. */
export function linkTimestamps(description, el) {
  if (!description) return;
  const walker = document.createTreeWalker(description, NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    if (!walker.currentNode.parentElement.closest('a') && /\d:\d\d/.test(walker.currentNode.nodeValue)) found.push(walker.currentNode);
  }
  for (const node of found) {
    const parts = node.nodeValue.split(/(\b(?:\d{1,2}:)?\d{1,2}:\d{2}\b)/);
    const out = parts.map((p, i) => {
      const at = i % 2 ? seconds(p) : null;
      if (at === null) return document.createTextNode(p);
      return h('a', { href: `#t=${at}`, class: 'timestamp', 'data-timecode': String(at),
        onclick: (e) => { e.preventDefault(); seek(el, at); } }, p);
    });
    node.replaceWith(...out);
  }
}
