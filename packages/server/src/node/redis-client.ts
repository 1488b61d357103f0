import { connect, type Socket } from 'node:net';

/** A Redis reply as RESP2 gives it. */
export type RedisReply = string | number | null | RedisReply[];

export class RedisReplyError extends Error {
  override readonly name = 'RedisReplyError';
}

interface Pending {
  resolve: (reply: RedisReply) => void;
  reject: (error: Error) => void;
}

/**
 * The smallest Redis client the server needs (RESP2 over TCP, pipelined, one connection,
 * reconnecting on the next command after a drop). `redis://[:password@]host[:port][/db]`.
 *
 * @example
 * const redis = new RedisClient('redis://127.0.0.1:6379');
 * await redis.command('PING'); // 'PONG'
 */
export class RedisClient {
  readonly #url: URL;
  #socket: Socket | null = null;
  #ready: Promise<void> | null = null;
  #buffer = Buffer.alloc(0);
  readonly #pending: Pending[] = [];

  constructor(url: string) {
    this.#url = new URL(url);
    if (this.#url.protocol !== 'redis:') throw new TypeError('REDIS_URL must start with redis://');
  }

  command(...args: Array<string | number>): Promise<RedisReply> {
    return this.#connect().then(
      () =>
        new Promise<RedisReply>((resolve, reject) => {
          this.#pending.push({ resolve, reject });
          this.#socket!.write(encode(args));
        }),
    );
  }

  async close(): Promise<void> {
    const socket = this.#socket;
    this.#socket = null;
    this.#ready = null;
    if (socket) await new Promise<void>((resolve) => socket.end(resolve));
  }

  #connect(): Promise<void> {
    if (this.#ready) return this.#ready;
    this.#ready = new Promise<void>((resolve, reject) => {
      const socket = connect({ host: this.#url.hostname || '127.0.0.1', port: Number(this.#url.port || 6379) });
      socket.setNoDelay(true);
      socket.once('connect', () => resolve());
      socket.on('data', (chunk: Buffer) => this.#onData(chunk));
      const fail = (error: Error) => {
        if (this.#socket === socket) {
          this.#socket = null;
          this.#ready = null;
        }
        this.#buffer = Buffer.alloc(0);
        for (const pending of this.#pending.splice(0)) pending.reject(error);
        reject(error);
      };
      socket.once('error', fail);
      socket.once('close', () => fail(new Error('Redis connection closed')));
      this.#socket = socket;
    }).then(async () => {
      const password = decodeURIComponent(this.#url.password);
      if (password) await this.#raw(this.#url.username ? ['AUTH', decodeURIComponent(this.#url.username), password] : ['AUTH', password]);
      const db = this.#url.pathname.replace(/^\//, '');
      if (db) await this.#raw(['SELECT', db]);
    });
    return this.#ready;
  }

  #raw(args: Array<string | number>): Promise<RedisReply> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.#socket!.write(encode(args));
    });
  }

  #onData(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const parsed = parse(this.#buffer, 0);
      if (!parsed) return;
      this.#buffer = this.#buffer.subarray(parsed.end);
      const pending = this.#pending.shift();
      if (!pending) continue;
      if (parsed.value instanceof RedisReplyError) pending.reject(parsed.value);
      else pending.resolve(parsed.value);
    }
  }
}

function encode(args: Array<string | number>): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const arg of args) {
    const text = String(arg);
    parts.push(`$${Buffer.byteLength(text)}\r\n${text}\r\n`);
  }
  return Buffer.from(parts.join(''));
}

/** One reply from `offset`, or null when the buffer does not hold all of it yet. */
function parse(buffer: Buffer, offset: number): { value: RedisReply | RedisReplyError; end: number } | null {
  const lineEnd = buffer.indexOf('\r\n', offset);
  if (lineEnd < 0) return null;
  const type = String.fromCharCode(buffer[offset]!);
  const line = buffer.toString('utf8', offset + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new RedisReplyError(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, end: next };
      if (buffer.length < next + length + 2) return null;
      return { value: buffer.toString('utf8', next, next + length), end: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RedisReply[] = [];
      let at = next;
      for (let i = 0; i < count; i++) {
        const item = parse(buffer, at);
        if (!item) return null;
        if (item.value instanceof RedisReplyError) return { value: item.value, end: item.end };
        items.push(item.value);
        at = item.end;
      }
      return { value: items, end: at };
    }
    default:
      return { value: new RedisReplyError(`Unexpected Redis reply type ${JSON.stringify(type)}`), end: buffer.length };
  }
}
