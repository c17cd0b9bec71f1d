// The timeline under the picture: how far the video has played, and a click seeks. Chapters put
// their marks on it and the storyboard shows the picture under the pointer.
import { h } from './dom.js';

/** A timeline for `el`; `lengthHint` stands in for the length until the browser knows it. */
export function createTimeline(el, lengthHint) {
  const played = h('div', { class: 'timeline-played' });
  const bar = h('div', { class: 'timeline' }, played);
  const length = () => el.duration || lengthHint || 1;
  /** The time under a pointer event. */
  const at = (e) => {
    const r = bar.getBoundingClientRect();
    return Math.min(1, Math.max(0, (e.clientX - r.left) / (r.width || 1))) * length();
  };
  // Through the CSSOM: the page's policy refuses style attributes.
  const show = () => { played.style.width = `${Math.min(100, (el.currentTime / length()) * 100)}%`; };
  el.addEventListener('timeupdate', show);
  el.addEventListener('seeked', show);
  bar.addEventListener('click', (e) => {
    if (e.target.closest('button')) return; // a chapter mark seeks by itself
    el.currentTime = at(e);
  });
  return { el: bar, length, at };
}
