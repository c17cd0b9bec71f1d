// The storyboard: hovering the timeline shows the picture at that moment, cut from the one sprite
// sheet the server made while transcoding (PeerTube's storyboards API).
import { h } from './dom.js';
import { api } from './api.js';
import { duration as clock } from './ui.js';

/**
 * Adds the hover preview to `timeline` (from createTimeline). `tokenized(url)` adds the file token
 * a non-public video's files need. Resolves to the preview element, or null if there is none.
 */
export async function addStoryboard(timeline, video, tokenized, headers = {}) {
  let board;
  try {
    board = (await api(`/api/v1/videos/${video.uuid}/storyboards`, { headers }))?.storyboards?.[0];
  } catch {
    return null;
  }
  if (!board) return null;
  const picture = h('div', { class: 'storyboard-picture' });
  const time = h('span', { class: 'storyboard-time' });
  const preview = h('div', { class: 'storyboard', hidden: true, 'aria-hidden': 'true' }, picture, time);
  const columns = Math.max(1, Math.floor(board.totalWidth / board.spriteWidth));
  const count = columns * Math.max(1, Math.floor(board.totalHeight / board.spriteHeight));
  // Through the CSSOM: the page's policy refuses style attributes.
  picture.style.width = `${board.spriteWidth}px`;
  picture.style.height = `${board.spriteHeight}px`;
  const url = tokenized(board.storyboardPath);
  const move = (e) => {
    const at = timeline.at(e);
    const i = Math.min(count - 1, Math.floor(at / board.spriteDuration));
    if (!picture.style.backgroundImage) picture.style.backgroundImage = `url("${url}")`;
    picture.style.backgroundPosition = `-${(i % columns) * board.spriteWidth}px -${Math.floor(i / columns) * board.spriteHeight}px`;
    picture.dataset.sprite = String(i);
    time.textContent = clock(Math.floor(at));
    const r = timeline.el.getBoundingClientRect();
    const half = board.spriteWidth / 2;
    preview.style.left = `${Math.min(r.width - half, Math.max(half, e.clientX - r.left))}px`;
    preview.hidden = false;
  };
  timeline.el.addEventListener('pointermove', move);
  timeline.el.addEventListener('pointerleave', () => { preview.hidden = true; });
  timeline.el.append(preview);
  return preview;
}
