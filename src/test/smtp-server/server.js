// A real SMTP server for Peerlet's mail tests, started by org.peerlet.testing.SmtpServer: Nodemailer's
// smtp-server speaks SMTP (with AUTH when SMTP_USER is set), mailparser reads each mail, which is
// printed as one JSON line on stdout. The first line says the port it listens on (loopback only).
'use strict';
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const user = process.env.SMTP_USER || '';
const password = process.env.SMTP_PASSWORD || '';

const server = new SMTPServer({
  secure: false,
  disabledCommands: user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
  authOptional: !user,
  allowInsecureAuth: true,
  logger: false,
  onAuth(auth, session, done) {
    if (auth.username === user && auth.password === password) return done(null, { user });
    return done(new Error('Invalid username or password'));
  },
  onData(stream, session, done) {
    simpleParser(stream).then((mail) => {
      process.stdout.write(JSON.stringify({
        from: session.envelope.mailFrom && session.envelope.mailFrom.address,
        to: session.envelope.rcptTo.map((r) => r.address),
        user: session.user || null,
        subject: mail.subject || '',
        text: mail.text || '',
        contentType: mail.headers.get('content-type') && mail.headers.get('content-type').value,
      }) + '\n');
      done();
    }, done);
  },
});
server.on('error', (e) => process.stderr.write(`smtp-server: ${e.message}\n`));
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ listening: server.server.address().port }) + '\n');
});
// The test ends: stdin closes, the server goes with it.
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
