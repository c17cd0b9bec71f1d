// The player's own control bar, inside the wrapper that goes full screen (not the <video>, whose
// full screen would show the browser's controls and lose ours): play, the timeline, time, volume,
// the menus (quality, speed, captions, chapters), theatre mode, full screen; and the keys, as
// YouTube's: k or space, j and l, the arrows, < and >, c, f, m, t, 0 to 9.
import { h } from './dom.js';
import { t } from './i18n.js';
import { duration as clock } from './ui.js';
import { barButton, playerMenu } from './player-menu.js';

const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

/** Where typing happens: keys there are the person's text, never the player's. */
function isTyping(el) {
  if (!el) return false;
  if (el.isContentEditable || ['TEXTAREA', 'SELECT'].includes(el.tagName)) return true;
  return el.tagName === 'INPUT' && !['range', 'checkbox', 'radio', 'button'].includes(el.type);
}

/** A key a focused control keeps for itself (space presses a button, arrows move a slider). */
function ownKey(target, key) {
  if (target.closest?.('[role=menu]')) return true;
  if (key === ' ' || key === 'Enter') return !!target.closest?.('button, a, summary, input');
  return key.startsWith('Arrow') && target.type === 'range';
}

export function speedLabel(rate) {
  return `${rate}×`;
}

/**
 * The bar for `el` in `wrap` (the .player element), with `timeline` (from createTimeline) on top.
 * `onTheatre(on)` makes a theatre button (the watch page's layout); `theatreOn` its first state.
 * Returns {el, keys, addMenu(menu), toggleFullscreen, destroy}; `keys` maps more keys to actions.
 */
export function createControls(wrap, el, timeline, { onTheatre = null, theatreOn = false } = {}) {
  const play = barButton('player-play', 'play', t('player.play'), () => (el.paused ? el.play().catch(() => {}) : el.pause()));
  const mute = barButton('player-mute', 'volume', t('player.mute'), () => { el.muted = !el.muted; });
  const volume = h('input', { type: 'range', id: 'player-volume', class: 'pc-volume', min: '0', max: '1', step: '0.05',
    'aria-label': t('player.volume') });
  const time = h('span', { class: 'pc-time', id: 'player-time' });
  const menus = h('div', { class: 'pc-menus' });
  const fullscreen = barButton('player-fullscreen', 'fullscreen', t('player.fullscreen'), () => toggleFullscreen());
  let theatre = null;
  if (onTheatre) {
    theatre = barButton('player-theatre', 'theatre', t('player.theatre'), () => setTheatre(theatre.getAttribute('aria-pressed') !== 'true'));
    theatre.setAttribute('aria-pressed', String(theatreOn));
  }
  const setTheatre = (on) => {
    theatre?.setAttribute('aria-pressed', String(on));
    onTheatre?.(on);
  };
  const speed = playerMenu({ id: 'player-speed', label: t('player.speed'), onPick: (r) => { el.playbackRate = Number(r); } });
  speed.set(SPEEDS.map((r) => ({ value: r, label: r === 1 ? t('player.speedNormal') : speedLabel(r) })), 1);
  menus.append(speed.el);
  const bar = h('div', { class: 'player-controls', role: 'group', 'aria-label': t('player.controls') },
    timeline.el,
    h('div', { class: 'pc-row' },
      h('div', { class: 'pc-left' }, play, mute, volume, time),
      h('div', { class: 'pc-right' }, menus, theatre, fullscreen)));

  const showPlay = () => play.setIcon(el.paused ? 'play' : 'pause', el.paused ? t('player.play') : t('player.pause'));
  const showVolume = () => {
    mute.setIcon(el.muted || el.volume === 0 ? 'muted' : 'volume', el.muted ? t('player.unmute') : t('player.mute'));
    volume.value = String(el.muted ? 0 : el.volume);
  };
  const showTime = () => { time.textContent = `${clock(el.currentTime)} / ${clock(timeline.length())}`; };
  const showSpeed = () => {
    speed.check(el.playbackRate);
    speed.show(speedLabel(el.playbackRate));
  };
  el.addEventListener('play', showPlay);
  el.addEventListener('pause', showPlay);
  el.addEventListener('volumechange', showVolume);
  el.addEventListener('timeupdate', showTime);
  el.addEventListener('durationchange', showTime);
  el.addEventListener('ratechange', showSpeed);
  volume.addEventListener('input', () => {
    el.volume = Number(volume.value);
    el.muted = el.volume === 0;
  });
  showPlay();
  showVolume();
  showTime();
  showSpeed();

  const toggleFullscreen = () => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else if (wrap.requestFullscreen) wrap.requestFullscreen().catch(() => {});
    else el.webkitEnterFullscreen?.(); // iPhone: only the video itself can go full screen
  };
  const onFullscreen = () => {
    const on = document.fullscreenElement === wrap;
    wrap.classList.toggle('is-fullscreen', on);
    fullscreen.setIcon(on ? 'exitFullscreen' : 'fullscreen', on ? t('player.exitFullscreen') : t('player.fullscreen'));
  };
  document.addEventListener('fullscreenchange', onFullscreen);

  const seekBy = (s) => { el.currentTime = Math.min(Math.max(0, el.currentTime + s), timeline.length()); };
  const stepSpeed = (d) => {
    const i = SPEEDS.indexOf(el.playbackRate);
    const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? SPEEDS.indexOf(1) : i) + d))];
    el.playbackRate = next;
  };
  const keys = {
    ' ': () => play.click(),
    k: () => play.click(),
    j: () => seekBy(-10),
    l: () => seekBy(10),
    ArrowLeft: () => seekBy(-5),
    ArrowRight: () => seekBy(5),
    ArrowUp: () => { el.volume = Math.min(1, el.volume + 0.1); el.muted = false; },
    ArrowDown: () => { el.volume = Math.max(0, el.volume - 0.1); },
    '<': () => stepSpeed(-1),
    '>': () => stepSpeed(1),
    f: toggleFullscreen,
    m: () => { el.muted = !el.muted; },
  };
  if (theatre) keys.t = () => theatre.click();
  const onKey = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    // Keys on the page's own controls (links, buttons, switches) keep their meaning; inside the
    // player too for the few a focused control needs (space on a button, arrows on the volume slider).
    if (!wrap.contains(e.target) && e.target.closest?.('a, button, summary, input, label, [tabindex]:not([tabindex="-1"])')) return;
    if (ownKey(e.target, e.key)) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    let action = keys[e.key] || keys[key];
    if (!action && /^[0-9]$/.test(e.key)) action = () => { el.currentTime = (Number(e.key) / 10) * timeline.length(); };
    if (!action) return;
    e.preventDefault();
    action();
  };
  document.addEventListener('keydown', onKey, true);
  // A press outside an open menu closes it.
  const onOutside = (e) => {
    if (!e.target.closest?.('.pc-menu-wrap')) wrap.querySelectorAll('.pc-menu-wrap').forEach((m) => m.dispatchEvent(new Event('pc-close')));
  };
  document.addEventListener('pointerdown', onOutside, true);

  return {
    el: bar,
    keys,
    /** Puts a menu (from playerMenu) in the bar, before the speed menu. */
    addMenu(menu) {
      menus.prepend(menu.el);
    },
    toggleFullscreen,
    destroy() {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreen);
      document.removeEventListener('pointerdown', onOutside, true);
      if (document.fullscreenElement === wrap) document.exitFullscreen().catch(() => {});
    },
  };
}
