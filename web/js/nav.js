// What pages need from the shell (moving to another page, the title, the instance's name),
// kept apart from app.js: app.js loads the pages, so pages importing it made a circle.
import { currentUser } from './api.js';

export const instance = { name: 'Peerlet', shortDescription: '' };

/** Moves to another page of the app; app.js renders it on this event. */
export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event('peerlet:navigate'));
}

/** Pages that need a login send the person to /login?next=... */
export function requireLogin() {
  if (currentUser()) return true;
  navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  return false;
}

export function setTitle(text) {
  document.title = text ? `${text} – ${instance.name}` : instance.name;
}

/** The admin renamed the instance: the header follows at once. */
export function refreshInstance(name) {
  instance.name = name;
  document.getElementById('brand').textContent = name;
}
