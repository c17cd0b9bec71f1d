// The UI's strings: one file per language in i18n/ (en.js, fr.js), and only the language in use is
// fetched. Another language is one more file and one more line in LANGUAGES.
// Placeholders are written {name} and filled from the second argument of t().

/** The languages the UI speaks, each named in itself. */
export const LANGUAGES = [['en', 'English'], ['fr', 'Français']];
const CODES = LANGUAGES.map(([code]) => code);
const STORE = 'peerlet.lang';

function pick() {
  try {
    const saved = localStorage.getItem(STORE);
    if (saved && CODES.includes(saved)) return saved;
  } catch {
    /* storage blocked (a sandboxed frame): follow the browser */
  }
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
  for (const l of wanted) {
    const base = String(l).toLowerCase().split('-')[0];
    if (CODES.includes(base)) return base;
  }
  return 'en';
}

/** The language in use: the one chosen in the footer, else the browser's first that we speak. */
export const lang = pick();
// Loaded before any module that imports this one runs, so t() is ready for them.
const table = (await import(`./i18n/${lang}.js`)).default;

/** Remembers the choice and reloads, so every string and date is drawn again in that language. */
export function setLanguage(code) {
  if (!CODES.includes(code) || code === lang) return;
  try {
    localStorage.setItem(STORE, code);
  } catch {
    /* not remembered; still switch for this page */
  }
  location.reload();
}

export function applyLanguage() {
  document.documentElement.lang = lang;
}

export function t(key, vars) {
  let s = table[key] ?? key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  return s;
}
