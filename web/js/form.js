// The pieces every form of the app is made of: a labelled field, a live region for messages, and
// a submit that holds its button down while the request runs and says how it went.
import { h } from './dom.js';
import { errorBox, okBox, say } from './ui.js';

/** A labelled input; a hint under it is read out with the input (aria-describedby). */
export function field(id, label, input, hint) {
  input.id = id;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

/** Where a form's outcome is said; screen readers read what appears there. */
export function messagesRegion(attrs) {
  return h('div', { class: 'messages', 'aria-live': 'polite', ...attrs });
}

/**
 * Runs an action with its button held down (showing `working` meanwhile, if given): the text the
 * action returns is said as a success, an error in the API's own words; `failed` runs after an error.
 */
export async function busy(button, messages, action, { working, failed } = {}) {
  const label = button.textContent;
  button.disabled = true;
  if (working) button.textContent = working;
  say(messages, null);
  try {
    const text = await action();
    if (text) say(messages, okBox(text));
  } catch (err) {
    say(messages, errorBox(err));
    if (failed) failed(err);
  } finally {
    button.disabled = false;
    if (working) button.textContent = label;
  }
}

/** The form's submit runs `action` through busy() instead of leaving the page. */
export function onSubmit(form, button, messages, action, options) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(button, messages, action, options);
  });
}
