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

// What rendered Markdown may hold: the server already escaped raw HTML and dropped unsafe links;
// this rebuilds the tree from scratch with these tags and attributes only, as a second guard.
const ALLOWED = {
  P: [], BR: [], EM: [], STRONG: [], CODE: [], PRE: [], UL: [], OL: ['start'], LI: [], BLOCKQUOTE: [], HR: [],
  A: ['href', 'title'], H1: [], H2: [], H3: [], H4: [], H5: [], H6: [],
};
// Headings in a description sit below the page's own title.
const RENAMED = { H1: 'h3', H2: 'h3', H3: 'h4', H4: 'h5', H5: 'h6', H6: 'h6' };
const SAFE_HREF = /^(https?:|mailto:|\/(?![/\\])|#)/i;

/** Safe HTML from the server (a video's descriptionHtml) as DOM nodes, inside a div. */
export function safeHtml(html, cls) {
  const out = h('div', { class: cls });
  const doc = new DOMParser().parseFromString(String(html ?? ''), 'text/html');
  const copy = (from, to) => {
    for (const n of from.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) {
        to.append(n.textContent);
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        const allowed = ALLOWED[n.tagName];
        if (!allowed) {
          if (!['SCRIPT', 'STYLE', 'TEMPLATE'].includes(n.tagName)) copy(n, to);
          continue;
        }
        const el = document.createElement(RENAMED[n.tagName] || n.tagName.toLowerCase());
        for (const a of allowed) {
          const v = n.getAttribute(a);
          if (v === null || (a === 'href' && !SAFE_HREF.test(v.trim()))) continue;
          el.setAttribute(a, v);
        }
        if (el.tagName === 'A') {
          el.rel = 'noopener nofollow ugc';
          el.target = '_blank';
        }
        copy(n, el);
        to.append(el);
      }
    }
  };
  copy(doc.body, out);
  return out;
}
