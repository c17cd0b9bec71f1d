// Rendered Markdown from the server (a video's descriptionHtml) as DOM nodes. The server already
// escaped raw HTML and dropped unsafe links; DOMPurify cleans it again here as a second guard,
// keeping only the tags Markdown makes, and links only to http(s), mail and this site.
import DOMPurify from '/vendor/purify.js';

const TAGS = ['p', 'br', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'hr', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const ATTRS = { A: ['href', 'title'], OL: ['start'] };
const SAFE_HREF = /^(?:https?:|mailto:|\/(?![/\\])|#)/i;
// Headings in a description sit below the page's own title.
const RENAMED = { H1: 'h3', H2: 'h3', H3: 'h4', H4: 'h5', H5: 'h6', H6: 'h6' };

const purify = DOMPurify(window);
purify.addHook('uponSanitizeAttribute', (node, data) => {
  // Each attribute only where it means something (a title on a link, a start on a list).
  if (!(ATTRS[node.tagName] || []).includes(data.attrName)) data.keepAttr = false;
});
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  node.setAttribute('rel', 'noopener nofollow ugc');
  node.setAttribute('target', '_blank');
});

/** Safe HTML from the server as DOM nodes, inside a div of class `cls`. */
export function safeHtml(html, cls) {
  const out = document.createElement('div');
  if (cls) out.className = cls;
  const clean = purify.sanitize(String(html ?? ''), {
    ALLOWED_TAGS: TAGS, ALLOWED_ATTR: ['href', 'title', 'start'], ALLOWED_URI_REGEXP: SAFE_HREF,
    RETURN_DOM_FRAGMENT: true,
  });
  for (const heading of clean.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const lower = document.createElement(RENAMED[heading.tagName]);
    lower.append(...heading.childNodes);
    heading.replaceWith(lower);
  }
  out.append(clean);
  return out;
}
