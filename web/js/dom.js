// Builds DOM nodes without ever parsing HTML: text from the API goes in as text nodes only.

/**
 * h('a', {href: '/x', class: 'y', onclick: fn}, 'text', child, [more]) makes an element.
 * Attributes starting with "on" become listeners; `false`/null attributes are left out;
 * string children become text nodes (so "<img onerror>" in a title stays inert text).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k === 'value' || k === 'checked' || k === 'selected') el[k] = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** Escapes text for the rare place that needs an HTML string (none today; kept for tests and later use). */
export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** Plain text with its line breaks kept (CSS white-space: pre-line does the rest). */
export function plainText(text, cls = 'plain-text') {
  return h('div', { class: cls }, text ?? '');
}
