import { h, clear } from '../dom.js';
import { reportButton } from '../report.js';
import { safeHtml } from '../rich-text.js';
import { t } from '../i18n.js';
import { api, currentUser } from '../api.js';
import { createPlayer } from '../player.js';
import { channelLink, fullDate, ago, pageTitle, privacyBadge, stateBadge, views, errorBox } from '../ui.js';
import { setTitle } from '../nav.js';
import { commentsSection } from '../comments.js';
import { rateButtons, subscribeButton } from '../reactions.js';
import { saveToPlaylist } from '../playlist-add.js';
import { accessHeaders, fileTokenKeeper, isOpen, needsPassword, requestFileToken, withFileToken, wrongPassword } from '../access.js';
import { resume, resumeAt } from '../resume.js';
import { addCaptions } from '../captions.js';
import { addChapters, linkTimestamps } from '../chapters.js';
import { upNext } from '../up-next.js';
import { addStoryboard } from '../storyboard.js';

/**
 * The watch page. A video that is not public is asked for with what the viewer holds: their
 * login, the share link's token (?share=) or, once typed, the video's password; it then plays
 * with a file token, renewed before it expires.
 */
export async function render(view, { args: [id], params, next }) {
  const creds = { share: params?.get('share') || null, password: null };
  let stopped = false;
  let teardown = () => {};
  const cleanup = () => {
    stopped = true;
    teardown();
  };
  let video;
  try {
    video = await api(`/api/v1/videos/${encodeURIComponent(id)}`, { headers: accessHeaders(creds) });
  } catch (err) {
    if (needsPassword(err)) {
      passwordForm(view, id, creds, (v) => {
        if (stopped) return;
        clear(view);
        showVideo(view, v, creds, next).then((td) => {
          if (stopped) td();
          else teardown = td;
        }).catch((e) => view.append(errorBox(e)));
      });
      return cleanup;
    }
    if (err.status === 401 || err.status === 403 || err.status === 404) {
      refused(view, err, creds);
      return cleanup;
    }
    throw err;
  }
  teardown = await showVideo(view, video, creds, next);
  return cleanup;
}

/** Why this video cannot be shown, in words, and what the person can do. */
function refused(view, err, creds) {
  setTitle(t('access.refusedTitle'));
  let text;
  if (err.status === 404) text = creds.share ? t('access.linkGone') : t('access.notFound');
  else if (creds.share) text = t('access.linkGone');
  else if (err.status === 401 || !currentUser()) text = t('access.login');
  else text = t('access.forbidden');
  const next = encodeURIComponent(location.pathname + location.search);
  view.append(pageTitle(t('access.refusedTitle')),
    h('div', { class: 'notice error access-refused', role: 'alert', id: 'access-refused' }, text),
    !currentUser() ? h('p', null, h('a', { href: `/login?next=${next}`, class: 'button primary' }, t('nav.login'))) : null);
}

/** The password form of a password-protected video; `done(video)` once a password works. */
function passwordForm(view, id, creds, done) {
  setTitle(t('access.passwordTitle'));
  const input = h('input', { id: 'video-password', type: 'password', required: true, autocomplete: 'off', 'aria-describedby': 'video-password-hint' });
  const error = h('div', { class: 'messages', id: 'video-password-error', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('access.passwordSubmit'));
  const form = h('form', { class: 'form password-form', id: 'password-form', 'aria-labelledby': 'password-form-title' },
    h('div', { class: 'field' },
      h('label', { for: 'video-password' }, t('access.password')), input,
      h('p', { class: 'hint', id: 'video-password-hint' }, t('access.passwordHint'))),
    error,
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear(error);
    input.removeAttribute('aria-invalid');
    submit.disabled = true;
    const tried = { ...creds, password: input.value };
    try {
      const v = await api(`/api/v1/videos/${encodeURIComponent(id)}`, { headers: accessHeaders(tried) });
      creds.password = tried.password;
      done(v);
    } catch (err) {
      submit.disabled = false;
      input.setAttribute('aria-invalid', 'true');
      error.append(h('div', { class: 'notice error', role: 'alert' },
        wrongPassword(err) ? t('access.passwordWrong') : t('error.generic', { detail: err.detail || err.message })));
      input.focus();
      input.select();
    }
  });
  view.append(h('h1', { tabindex: '-1', class: 'page-title', id: 'password-form-title' }, t('access.passwordTitle')),
    h('p', null, t('access.passwordIntro')), form);
  setTimeout(() => input.focus(), 0);
}

/** Theatre mode (the player across the page), remembered in this browser. */
const THEATRE_KEY = 'peerlet.theatre';

function theatreWanted() {
  try {
    return localStorage.getItem(THEATRE_KEY) === 'on';
  } catch {
    return false;
  }
}

/**
 * The page of one video. `next` is what a playlist plays after it ({video, href}, or null at its
 * end); without a playlist, up next is found among related videos.
 */
async function showVideo(view, video, creds, next) {
  setTitle(video.name);
  const playable = video.streamingPlaylists?.length > 0;
  const stage = h('div', { class: 'stage' });
  const layout = h('div', { class: theatreWanted() ? 'watch-layout theatre' : 'watch-layout' });
  const onTheatre = (on) => {
    layout.classList.toggle('theatre', on);
    try {
      localStorage.setItem(THEATRE_KEY, on ? 'on' : 'off');
    } catch { /* for this page only */ }
  };
  let player = null;
  let keeper = null;
  let stopResume = () => {};
  let side = null;
  if (!isOpen(video) && (playable || video.previewPath)) {
    try {
      keeper = fileTokenKeeper(video.uuid, creds, await requestFileToken(video.uuid, creds));
    } catch (err) {
      view.append(errorBox(err));
    }
  }
  if (playable && (isOpen(video) || keeper)) {
    player = createPlayer(stage, video, { fileToken: keeper, startAt: resumeAt(video), onTheatre, theatreOn: theatreWanted() });
    // The view is counted with the first report of the position (the server counts one per visitor).
    stopResume = resume(player.video, video, accessHeaders(creds));
    const tokenized = (url) => (keeper ? withFileToken(url, keeper.current()) : url);
    addCaptions(player, video, tokenized, accessHeaders(creds));
    addStoryboard(player.timeline, video, tokenized, accessHeaders(creds));
    side = upNext(player.video, video, next);
  } else {
    stage.append(h('div', { class: 'stage-placeholder', role: 'status' },
      video.state?.id === 7 ? t('video.failed') : t('video.processing')));
  }

  const shareUrl = `${location.origin}/w/${video.shortUUID}`;
  const shareInput = h('input', { id: 'share-link', readonly: true, value: shareUrl, onfocus: (e) => e.target.select() });
  const copyButton = h('button', { type: 'button', onclick: async () => {
    try {
      await navigator.clipboard.writeText(shareUrl);
    } catch {
      shareInput.select();
      document.execCommand?.('copy');
    }
    copyButton.textContent = t('video.copied');
    setTimeout(() => { copyButton.textContent = t('video.copy'); }, 2000);
  } }, t('video.copy'));

  const embedUrl = `${location.origin}/videos/embed/${video.uuid}`;
  const embedCode = `<iframe src="${embedUrl}" title="${video.name.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]))}" width="560" height="315" style="border:0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen sandbox="allow-same-origin allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>`;
  const open = video.privacy?.id === 1 || video.privacy?.id === 2;
  const channel = video.channel;
  // The best rung as one MP4 to keep; a restricted video's link carries the file token of the moment.
  const best = (video.streamingPlaylists?.[0]?.files ?? [])
    .filter((f) => f.fileDownloadUrl)
    .sort((a, b) => b.resolution.id - a.resolution.id)[0];
  const download = best && video.downloadEnabled !== false && (isOpen(video) || keeper)
    ? h('a', { class: 'button download', href: best.fileDownloadUrl, download: '',
      onclick: (e) => {
        if (keeper) e.currentTarget.href = `${best.fileDownloadUrl}?videoFileToken=${encodeURIComponent(keeper.current())}`;
      } }, t('video.download', { res: best.resolution.id ? `${best.resolution.id}p` : t('player.audio') }))
    : null;
  layout.append(
    stage,
    h('div', { class: 'watch-main' }, h('section', { class: 'watch-info' },
      pageTitle(video.name),
      video.blacklisted ? h('div', { class: 'notice', role: 'status', id: 'video-blocked' },
        t('video.blocked', { reason: video.blacklistedReason || t('video.blockedNoReason') })) : null,
      h('p', { class: 'watch-meta' },
        privacyBadge(video.privacy), ' ', stateBadge(video.state), ' ',
        h('span', { class: 'views' }, views(video.views)), ' · ',
        h('time', { datetime: video.publishedAt, title: fullDate(video.publishedAt) },
          t('video.published', { when: ago(video.publishedAt) }))),
      channel ? h('p', { class: 'watch-channel' },
        h('a', { href: channelLink(channel), class: 'channel-link' }, channel.displayName || channel.name),
        h('span', { class: 'muted' }, ` ${t('video.by', { name: video.account?.displayName || video.account?.name || '' })}`),
        ' ', subscribeButton(channel)) : null,
      video.state?.id === 1 ? rateButtons(video, accessHeaders(creds)) : null,
      video.state?.id === 1 ? saveToPlaylist(video) : null,
      h('div', { class: 'share field' },
        h('label', { for: 'share-link' }, t('video.share')),
        h('div', { class: 'inline' }, shareInput, copyButton)),
      download,
      currentUser() && currentUser().account?.id !== video.account?.id
        ? h('p', { class: 'report-video' }, reportButton({ video: { id: video.uuid } }, 'video')) : null,
      open ? h('details', { class: 'share-more' },
        h('summary', null, t('video.embed')),
        h('label', { for: 'embed-code', class: 'visually-hidden' }, t('video.embed')),
        h('textarea', { id: 'embed-code', readonly: true, rows: 3, onfocus: (e) => e.target.select(), value: embedCode })) : null,
      h('h2', { class: 'visually-hidden' }, t('video.description')),
      video.description
        ? safeHtml(video.descriptionHtml ?? '', 'rich-text description')
        : h('p', { class: 'muted' }, t('video.noDescription')),
      video.privacy?.id === 1 && channel?.id ? h('p', { class: 'feed' },
        h('a', { href: `/feeds/videos.xml?videoChannelId=${channel.id}`, type: 'application/rss+xml', class: 'feed-link' }, t('video.feed'))) : null),
    video.state?.id === 1 ? commentsSection(video, accessHeaders(creds)) : null),
    side?.el);
  view.append(layout);
  if (player) {
    linkTimestamps(view.querySelector('.watch-info .description'), player.video);
    addChapters(player, video, accessHeaders(creds));
  }
  return () => {
    side?.destroy();
    stopResume();
    keeper?.stop();
    player?.destroy();
  };
}
