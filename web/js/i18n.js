// Every string of the UI lives here, in English and French; another language is one more table.
// Placeholders are written {name} and filled from the second argument of t().

const en = {
  'app.loading': 'Loading…',
  'app.skip': 'Skip to content',
  'nav.home': 'Home',
  'nav.upload': 'Upload',
  'nav.myVideos': 'My videos',
  'nav.admin': 'Admin',
  'nav.about': 'About',
  'nav.login': 'Log in',
  'nav.signup': 'Sign up',
  'nav.logout': 'Log out',
  'nav.main': 'Main',
  'nav.signedInAs': 'Logged in as {name}',
  'search.label': 'Search videos',
  'search.placeholder': 'Search',
  'search.button': 'Search',
  'search.title': 'Search',
  'search.resultsFor': 'Results for “{q}”',
  'search.none': 'No video matches “{q}”.',
  'search.empty': 'Type some words to search the videos of this instance.',

  'home.title': 'Recently added',
  'home.empty': 'No video yet.',
  'home.emptyUpload': 'Upload the first one',

  'privacy.1': 'Public',
  'privacy.2': 'Unlisted',
  'privacy.3': 'Private',
  'privacy.4': 'Internal',
  'privacy.5': 'Password protected',
  'privacy.hint.1': 'Anyone can find and watch it',
  'privacy.hint.2': 'Anyone with the link can watch it; it is not listed',
  'privacy.hint.3': 'Only you can watch it',
  'privacy.hint.4': 'Only people logged in to this instance can watch it',
  'privacy.hint.5': 'Anyone with the password can watch it',
  'privacy.visibility': 'Who can see it',

  'video.views': '{n} views',
  'video.oneView': '1 view',
  'video.by': 'by {name}',
  'video.published': 'Published {when}',
  'video.processing': 'This video is still being processed. It will play here once transcoding is done.',
  'video.failed': 'Transcoding of this video failed.',
  'video.share': 'Share link',
  'video.copy': 'Copy',
  'video.copied': 'Copied',
  'video.description': 'Description',
  'video.noDescription': 'No description.',
  'video.embed': 'Embed code',
  'video.feed': 'Feed of this channel',
  'video.state.2': 'Processing',
  'video.state.7': 'Transcoding failed',

  'player.label': 'Video player: {title}',
  'player.quality': 'Quality',
  'player.auto': 'Auto',
  'player.autoNow': 'Auto ({res})',
  'player.shortcuts': 'Keys: space or k play/pause, f full screen, m mute, ← → seek 5 s, ↑ ↓ volume.',
  'player.unsupported': 'This browser cannot play HLS video.',
  'player.error': 'The video could not be played: {detail}',

  'login.title': 'Log in',
  'login.username': 'User name or email',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.working': 'Logging in…',
  'login.needed': 'Log in to see this page.',

  'upload.title': 'Upload a video',
  'upload.drop': 'Drop a video file here, or choose one',
  'upload.choose': 'Choose a file',
  'upload.file': 'Video file',
  'upload.chosen': 'Chosen: {name} ({size})',
  'upload.name': 'Title',
  'upload.channel': 'Channel',
  'upload.description': 'Description',
  'upload.submit': 'Upload',
  'upload.cancel': 'Cancel upload',
  'upload.noFile': 'Choose a video file first.',
  'upload.noChannel': 'You have no channel to upload into.',
  'upload.sending': 'Uploading {name}',
  'upload.progress': '{done} of {total} ({pct} %)',
  'upload.retrying': 'The connection dropped. Trying again in {s} s…',
  'upload.resumed': 'Resumed at {done}.',
  'upload.received': 'Upload complete. Waiting for transcoding…',
  'upload.transcoding': 'Transcoding: {pct} %',
  'upload.transcodingWaiting': 'Waiting for its turn to be transcoded…',
  'upload.published': 'Your video is ready.',
  'upload.watch': 'Watch it',
  'upload.another': 'Upload another',
  'upload.failed': 'Transcoding failed: {detail}',
  'upload.cancelled': 'Upload cancelled.',
  'upload.progressLabel': 'Upload progress',
  'upload.transcodeLabel': 'Transcoding progress',

  'my.title': 'My videos',
  'my.empty': 'You have not uploaded any video yet.',
  'my.edit': 'Edit',
  'my.delete': 'Delete',
  'my.save': 'Save',
  'my.cancel': 'Cancel',
  'my.saved': 'Saved.',
  'my.confirmDelete': 'Delete “{name}” for good? This cannot be undone.',
  'my.confirmYes': 'Yes, delete it',
  'my.confirmNo': 'Keep it',
  'my.deleted': 'Deleted “{name}”.',
  'my.editing': 'Edit “{name}”',
  'my.thumbnail': 'Thumbnail',
  'my.thumbnailHint': 'A PNG or JPEG image (at most 4 MB), shown in lists and in link previews.',
  'my.thumbnailTooBig': 'The image is larger than 4 MB.',

  'channel.videos': 'Videos',
  'channel.empty': 'This channel has no video yet.',
  'channel.owner': 'Channel of {name}',

  'admin.title': 'Administration',
  'admin.instance': 'Instance',
  'admin.name': 'Name',
  'admin.shortDescription': 'Short description',
  'admin.description': 'Description',
  'admin.terms': 'Rules and terms',
  'admin.signup': 'Anyone can sign up',
  'admin.save': 'Save settings',
  'admin.saved': 'Settings saved.',
  'admin.users': 'Users',
  'admin.username': 'User name',
  'admin.email': 'Email',
  'admin.role': 'Role',
  'admin.password': 'Password',
  'admin.createUser': 'Create user',
  'admin.userCreated': 'User {name} created.',
  'admin.role.0': 'Administrator',
  'admin.role.1': 'Moderator',
  'admin.role.2': 'User',
  'admin.jobs': 'Transcoding jobs',
  'admin.jobsEmpty': 'No job yet.',
  'admin.job.id': 'Job',
  'admin.job.video': 'Video',
  'admin.job.state': 'State',
  'admin.job.progress': 'Progress',
  'admin.job.updated': 'Updated',
  'admin.job.retry': 'Retry',
  'admin.job.retried': 'Job {id} will run again.',
  'admin.job.state.waiting': 'Waiting',
  'admin.job.state.running': 'Running',
  'admin.job.state.done': 'Done',
  'admin.job.state.failed': 'Failed',
  'admin.forbidden': 'Only administrators can see this page.',
  'admin.created': 'Created',

  'about.title': 'About {name}',
  'about.terms': 'Rules and terms',

  'signup.title': 'Create an account',
  'signup.closed': 'Sign-up is closed on {name}. Ask its administrator for an account.',
  'signup.rules': 'Rules of {name}',
  'signup.noRules': 'This instance has not written any rules.',
  'signup.accept': 'I have read and accept these rules',
  'signup.username': 'User name',
  'signup.usernameHint': 'Lowercase letters, digits, dots and underscores; it is in your address and cannot change.',
  'signup.displayName': 'Display name',
  'signup.email': 'Email',
  'signup.password': 'Password',
  'signup.passwordHint': 'At least 6 characters.',
  'signup.submit': 'Create my account',
  'signup.working': 'Creating your account…',
  'signup.done': 'Your account is ready. Welcome!',
  'signup.haveAccount': 'Already have an account?',

  'embed.unavailable': 'This video is not available.',

  'footer.poweredBy': 'Powered by Peerlet · free software (AGPL-3.0-or-later)',
  'footer.language': 'Language',
  'footer.feed': 'Feed of new videos',

  'error.generic': 'Something went wrong: {detail}',
  'error.network': 'The server cannot be reached. Check your connection.',
  'error.notFound': 'This page does not exist.',
  'error.back': 'Back to the home page',
  'error.dismiss': 'Dismiss',
};

const fr = {
  'app.loading': 'Chargement…',
  'app.skip': 'Aller au contenu',
  'nav.home': 'Accueil',
  'nav.upload': 'Publier',
  'nav.myVideos': 'Mes vidéos',
  'nav.admin': 'Administration',
  'nav.about': 'À propos',
  'nav.login': 'Se connecter',
  'nav.signup': 'Créer un compte',
  'nav.logout': 'Se déconnecter',
  'nav.main': 'Principal',
  'nav.signedInAs': 'Connecté en tant que {name}',
  'search.label': 'Rechercher des vidéos',
  'search.placeholder': 'Rechercher',
  'search.button': 'Rechercher',
  'search.title': 'Recherche',
  'search.resultsFor': 'Résultats pour « {q} »',
  'search.none': 'Aucune vidéo ne correspond à « {q} ».',
  'search.empty': 'Tapez quelques mots pour chercher parmi les vidéos de cette instance.',

  'home.title': 'Ajouts récents',
  'home.empty': 'Aucune vidéo pour l’instant.',
  'home.emptyUpload': 'Publier la première',

  'privacy.1': 'Publique',
  'privacy.2': 'Non listée',
  'privacy.3': 'Privée',
  'privacy.4': 'Interne',
  'privacy.5': 'Protégée par mot de passe',
  'privacy.hint.1': 'Tout le monde peut la trouver et la regarder',
  'privacy.hint.2': 'Toute personne ayant le lien peut la regarder ; elle n’apparaît pas dans les listes',
  'privacy.hint.3': 'Vous seul pouvez la regarder',
  'privacy.hint.4': 'Seules les personnes connectées à cette instance peuvent la regarder',
  'privacy.hint.5': 'Toute personne ayant le mot de passe peut la regarder',
  'privacy.visibility': 'Qui peut la voir',

  'video.views': '{n} vues',
  'video.oneView': '1 vue',
  'video.by': 'par {name}',
  'video.published': 'Publiée {when}',
  'video.processing': 'Cette vidéo est encore en cours de traitement. Elle sera lisible ici une fois le transcodage terminé.',
  'video.failed': 'Le transcodage de cette vidéo a échoué.',
  'video.share': 'Lien de partage',
  'video.copy': 'Copier',
  'video.copied': 'Copié',
  'video.description': 'Description',
  'video.noDescription': 'Pas de description.',
  'video.embed': 'Code d’intégration',
  'video.feed': 'Flux de cette chaîne',
  'video.state.2': 'En traitement',
  'video.state.7': 'Échec du transcodage',

  'player.label': 'Lecteur vidéo : {title}',
  'player.quality': 'Qualité',
  'player.auto': 'Auto',
  'player.autoNow': 'Auto ({res})',
  'player.shortcuts': 'Touches : espace ou k lecture/pause, f plein écran, m muet, ← → avancer ou reculer de 5 s, ↑ ↓ volume.',
  'player.unsupported': 'Ce navigateur ne sait pas lire la vidéo HLS.',
  'player.error': 'La vidéo n’a pas pu être lue : {detail}',

  'login.title': 'Connexion',
  'login.username': 'Nom d’utilisateur ou e-mail',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.working': 'Connexion…',
  'login.needed': 'Connectez-vous pour voir cette page.',

  'upload.title': 'Publier une vidéo',
  'upload.drop': 'Déposez un fichier vidéo ici, ou choisissez-en un',
  'upload.choose': 'Choisir un fichier',
  'upload.file': 'Fichier vidéo',
  'upload.chosen': 'Choisi : {name} ({size})',
  'upload.name': 'Titre',
  'upload.channel': 'Chaîne',
  'upload.description': 'Description',
  'upload.submit': 'Publier',
  'upload.cancel': 'Annuler l’envoi',
  'upload.noFile': 'Choisissez d’abord un fichier vidéo.',
  'upload.noChannel': 'Vous n’avez aucune chaîne où publier.',
  'upload.sending': 'Envoi de {name}',
  'upload.progress': '{done} sur {total} ({pct} %)',
  'upload.retrying': 'La connexion a été coupée. Nouvel essai dans {s} s…',
  'upload.resumed': 'Reprise à {done}.',
  'upload.received': 'Envoi terminé. En attente du transcodage…',
  'upload.transcoding': 'Transcodage : {pct} %',
  'upload.transcodingWaiting': 'En attente de son tour de transcodage…',
  'upload.published': 'Votre vidéo est prête.',
  'upload.watch': 'La regarder',
  'upload.another': 'En publier une autre',
  'upload.failed': 'Le transcodage a échoué : {detail}',
  'upload.cancelled': 'Envoi annulé.',
  'upload.progressLabel': 'Progression de l’envoi',
  'upload.transcodeLabel': 'Progression du transcodage',

  'my.title': 'Mes vidéos',
  'my.empty': 'Vous n’avez encore publié aucune vidéo.',
  'my.edit': 'Modifier',
  'my.delete': 'Supprimer',
  'my.save': 'Enregistrer',
  'my.cancel': 'Annuler',
  'my.saved': 'Enregistré.',
  'my.confirmDelete': 'Supprimer « {name} » pour de bon ? C’est irréversible.',
  'my.confirmYes': 'Oui, la supprimer',
  'my.confirmNo': 'La garder',
  'my.deleted': '« {name} » a été supprimée.',
  'my.editing': 'Modifier « {name} »',
  'my.thumbnail': 'Miniature',
  'my.thumbnailHint': 'Une image PNG ou JPEG (4 Mo au plus), montrée dans les listes et les aperçus de liens.',
  'my.thumbnailTooBig': 'L’image dépasse 4 Mo.',

  'channel.videos': 'Vidéos',
  'channel.empty': 'Cette chaîne n’a encore aucune vidéo.',
  'channel.owner': 'Chaîne de {name}',

  'admin.title': 'Administration',
  'admin.instance': 'Instance',
  'admin.name': 'Nom',
  'admin.shortDescription': 'Description courte',
  'admin.description': 'Description',
  'admin.terms': 'Règles et conditions',
  'admin.signup': 'Tout le monde peut créer un compte',
  'admin.save': 'Enregistrer les réglages',
  'admin.saved': 'Réglages enregistrés.',
  'admin.users': 'Utilisateurs',
  'admin.username': 'Nom d’utilisateur',
  'admin.email': 'E-mail',
  'admin.role': 'Rôle',
  'admin.password': 'Mot de passe',
  'admin.createUser': 'Créer l’utilisateur',
  'admin.userCreated': 'Utilisateur {name} créé.',
  'admin.role.0': 'Administrateur',
  'admin.role.1': 'Modérateur',
  'admin.role.2': 'Utilisateur',
  'admin.jobs': 'Tâches de transcodage',
  'admin.jobsEmpty': 'Aucune tâche pour l’instant.',
  'admin.job.id': 'Tâche',
  'admin.job.video': 'Vidéo',
  'admin.job.state': 'État',
  'admin.job.progress': 'Progression',
  'admin.job.updated': 'Mise à jour',
  'admin.job.retry': 'Relancer',
  'admin.job.retried': 'La tâche {id} va être relancée.',
  'admin.job.state.waiting': 'En attente',
  'admin.job.state.running': 'En cours',
  'admin.job.state.done': 'Terminée',
  'admin.job.state.failed': 'Échouée',
  'admin.forbidden': 'Seuls les administrateurs peuvent voir cette page.',
  'admin.created': 'Créé',

  'about.title': 'À propos de {name}',
  'about.terms': 'Règles et conditions',

  'signup.title': 'Créer un compte',
  'signup.closed': 'Les inscriptions sont fermées sur {name}. Demandez un compte à son administrateur.',
  'signup.rules': 'Règles de {name}',
  'signup.noRules': 'Cette instance n’a pas encore écrit de règles.',
  'signup.accept': 'J’ai lu ces règles et je les accepte',
  'signup.username': 'Nom d’utilisateur',
  'signup.usernameHint': 'Lettres minuscules, chiffres, points et tirets bas ; il fait partie de votre adresse et ne peut pas changer.',
  'signup.displayName': 'Nom affiché',
  'signup.email': 'E-mail',
  'signup.password': 'Mot de passe',
  'signup.passwordHint': 'Au moins 6 caractères.',
  'signup.submit': 'Créer mon compte',
  'signup.working': 'Création de votre compte…',
  'signup.done': 'Votre compte est prêt. Bienvenue !',
  'signup.haveAccount': 'Vous avez déjà un compte ?',

  'embed.unavailable': 'Cette vidéo n’est pas disponible.',

  'footer.poweredBy': 'Propulsé par Peerlet · logiciel libre (AGPL-3.0-or-later)',
  'footer.language': 'Langue',
  'footer.feed': 'Flux des nouvelles vidéos',

  'error.generic': 'Quelque chose s’est mal passé : {detail}',
  'error.network': 'Le serveur est injoignable. Vérifiez votre connexion.',
  'error.notFound': 'Cette page n’existe pas.',
  'error.back': 'Retour à l’accueil',
  'error.dismiss': 'Fermer',
};

const tables = { en, fr };
/** Every table, so a test can check that each language has every string. */
export const TABLES = tables;
/** The languages the UI speaks, each named in itself. */
export const LANGUAGES = [['en', 'English'], ['fr', 'Français']];
const STORE = 'peerlet.lang';

function pick() {
  try {
    const saved = localStorage.getItem(STORE);
    if (saved && tables[saved]) return saved;
  } catch {
    /* storage blocked (a sandboxed frame): follow the browser */
  }
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
  for (const l of wanted) {
    const base = String(l).toLowerCase().split('-')[0];
    if (tables[base]) return base;
  }
  return 'en';
}

/** The language in use: the one chosen in the footer, else the browser's first that we speak. */
export const lang = pick();
const table = tables[lang];

/** Remembers the choice and reloads, so every string and date is drawn again in that language. */
export function setLanguage(code) {
  if (!tables[code] || code === lang) return;
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
  let s = table[key] ?? tables.en[key] ?? key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  return s;
}
