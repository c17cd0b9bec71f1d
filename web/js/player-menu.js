// A menu of the player's control bar (quality, speed, captions, chapters): a button that opens a
// list of choices. It lives inside the player's wrapper, so it stays usable in full screen, where
// a native <select> or the browser's own menus are not ours to place.
import { h, clear } from './dom.js';

/** SVG icons of the control bar, drawn as paths (no inline styles, no fonts needed). */
const ICONS = {
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  volume: 'M4 9v6h4l5 5V4L8 9zM16 8a5 5 0 0 1 0 8M18.5 5.5a8.5 8.5 0 0 1 0 13',
  muted: 'M4 9v6h4l5 5V4L8 9zM16 9l6 6M22 9l-6 6',
  fullscreen: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  exitFullscreen: 'M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5',
  theatre: 'M3 7h18v10H3z',
  captions: 'M3 6h18v12H3zM10 10.5a2 2 0 1 0 0 3M17 10.5a2 2 0 1 0 0 3',
  chapters: 'M4 6h2M9 6h11M4 12h2M9 12h11M4 18h2M9 18h11',
  settings: 'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8M12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
};

export function icon(name) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', `pc-icon pc-icon-${name}`);
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

/** A button of the control bar: an icon and an accessible name (also its tooltip). */
export function barButton(id, name, label, onclick) {
  const b = h('button', { type: 'button', class: 'pc-button', id, 'aria-label': label, title: label, onclick }, icon(name));
  b.setIcon = (n, l) => {
    b.replaceChildren(icon(n));
    b.setAttribute('aria-label', l);
    b.title = l;
  };
  return b;
}

/**
 * A menu button `id` named `label`. set(items, current) fills it: items are {value, label,
 * detail?}; radio menus (the default) mark the current value, `radio: false` makes plain actions.
 * `onPick(value)` runs on a choice. The button shows `text` beside its icon when set (1.5×, 720p).
 */
export function playerMenu({ id, label, iconName, radio = true, onPick }) {
  const value = h('span', { class: 'pc-menu-value' });
  const button = h('button', { type: 'button', class: 'pc-button pc-menu-button', id: `${id}-button`, title: label,
    'aria-label': label, 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': `${id}-menu` },
  iconName ? icon(iconName) : null, value);
  const list = h('div', { class: 'pc-menu', id: `${id}-menu`, role: 'menu', 'aria-label': label, hidden: true });
  const el = h('div', { class: `pc-menu-wrap pc-${id}` }, button, list);
  const items = () => [...list.querySelectorAll('[role^=menuitem]')];

  const open = (on, focusItem = false) => {
    list.hidden = !on;
    button.setAttribute('aria-expanded', String(on));
    if (!on) return;
    // No taller than the player above the bar: the stage clips what overflows (through the CSSOM).
    const player = el.closest('.player');
    if (player) list.style.maxHeight = `${Math.max(100, button.getBoundingClientRect().top - player.getBoundingClientRect().top - 12)}px`;
    // One menu open at a time in this player.
    player?.querySelectorAll('.pc-menu-wrap').forEach((other) => {
      if (other !== el) other.dispatchEvent(new Event('pc-close'));
    });
    if (focusItem) (items().find((i) => i.getAttribute('aria-checked') === 'true') || items()[0])?.focus();
  };
  el.addEventListener('pc-close', () => open(false));
  button.addEventListener('click', () => open(list.hidden, false));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      open(true, true);
    }
  });
  list.addEventListener('keydown', (e) => {
    const all = items();
    const at = all.indexOf(document.activeElement);
    const move = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (move) all[(at + move + all.length) % all.length]?.focus();
    else if (e.key === 'Home') all[0]?.focus();
    else if (e.key === 'End') all[all.length - 1]?.focus();
    else if (e.key === 'Escape' || e.key === 'Tab') {
      open(false);
      if (e.key === 'Tab') return;
      button.focus();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  });

  return {
    el,
    button,
    /** Puts these choices in the menu, `current` marked. */
    set(choices, current) {
      clear(list).append(...choices.map((c) => h('button', {
        type: 'button', class: 'pc-menu-item', role: radio ? 'menuitemradio' : 'menuitem', tabindex: '-1',
        'data-value': String(c.value), 'aria-checked': radio ? String(String(c.value) === String(current)) : null,
        onclick: () => {
          open(false);
          button.focus();
          onPick(c.value);
        },
      }, c.detail ? h('span', { class: 'pc-menu-detail' }, c.detail) : null, c.label)));
    },
    /** Marks `current` as chosen, without filling the menu again. */
    check(current) {
      for (const i of items()) i.setAttribute('aria-checked', String(i.dataset.value === String(current)));
    },
    /** The short text shown on the button (empty: the icon alone). */
    show(text) {
      value.textContent = text || '';
    },
    close: () => open(false),
    isOpen: () => !list.hidden,
  };
}
