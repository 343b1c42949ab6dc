import { createServer, type Server, type Socket } from 'net';

/** A message as an SMTP server received it, its subject and text decoded. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/**
 * A real SMTP server on a free local port (plain SMTP with AUTH PLAIN/LOGIN accepting any
 * credentials, no TLS), for tests that send e-mail through NocoBase's e-mail channel and read what
 * arrived. Node built-ins only: it speaks the protocol a mail client (nodemailer) speaks.
 */
export class TestSmtpServer {
  readonly messages: ReceivedMail[] = [];
  private server?: Server;
  private sockets = new Set<Socket>();
  port = 0;

  async start() {
    this.server = createServer((socket) => this.session(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  /** the messages sent to `address` so far */
  to(address: string) {
    return this.messages.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()));
  }

  async stop() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private session(socket: Socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let mode: 'command' | 'data' | 'authLogin' | 'authPassword' = 'command';
    let envelope: { from: string; to: string[] } = { from: '', to: [] };
    let data: string[] = [];
    reply('220 minqing-test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (mode === 'data') {
          if (line === '.') {
            const raw = data.join('\r\n');
            this.messages.push({ ...envelope, ...decode(raw), raw });
            envelope = { from: '', to: [] };
            data = [];
            mode = 'command';
            reply('250 OK: queued');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        if (mode === 'authLogin') {
          mode = 'authPassword';
          reply('334 UGFzc3dvcmQ6');
          continue;
        }
        if (mode === 'authPassword') {
          mode = 'command';
          reply('235 Authentication successful');
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          socket.write('250-minqing-test\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
        } else if (verb === 'HELO') reply('250 minqing-test');
        else if (verb === 'AUTH') {
          if (/^AUTH LOGIN/i.test(line)) {
            mode = /^AUTH LOGIN \S+/i.test(line) ? 'authPassword' : 'authLogin';
            reply(mode === 'authLogin' ? '334 VXNlcm5hbWU6' : '334 UGFzc3dvcmQ6');
          } else reply('235 Authentication successful');
        } else if (verb === 'MAIL') {
          envelope.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          reply('250 OK');
        } else if (verb === 'RCPT') {
          envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 OK');
        } else if (verb === 'DATA') {
          mode = 'data';
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'RSET') {
          envelope = { from: '', to: [] };
          reply('250 OK');
        } else if (verb === 'NOOP') reply('250 OK');
        else if (verb === 'QUIT') {
          reply('221 Bye');
          socket.end();
        } else reply('502 Command not implemented');
      }
    });
  }
}

/** Subject (RFC 2047 words) and text body (quoted-printable or base64, one part or the first text/plain). */
function decode(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r\n\r\n/);
  let body = rest.join('\r\n\r\n');
  const headers = head.replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? '';
  const subject = header('Subject').replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=\s*/gi, (_, charset: string, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : quotedPrintable(text.replace(/_/g, ' ')),
  );
  let encoding = header('Content-Transfer-Encoding').toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(header('Content-Type'))?.[1];
  if (boundary) {
    const part = body.split(`--${boundary}`).find((p) => /content-type:\s*text\/plain/i.test(p)) ?? '';
    const [partHead, ...partBody] = part.replace(/^\r\n/, '').split(/\r\n\r\n/);
    encoding = /content-transfer-encoding:\s*(\S+)/i.exec(partHead)?.[1]?.toLowerCase() ?? '';
    body = partBody.join('\r\n\r\n');
  }
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? quotedPrintable(body)
        : body;
  return { subject: subject.trim(), text: text.replace(/\r\n/g, '\n').trim() };
}

function quotedPrintable(text: string) {
  // runs of =XX are the bytes of one or more UTF-8 characters
  return text
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/gi, (run) => Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8'));
}
