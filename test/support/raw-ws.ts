/** A WebSocket client written on a bare TCP socket, to send frames no well-behaved library would. */
import { connect, type Socket } from 'node:net';

export interface RawConnection {
  socket: Socket;
  /** Everything the server sent after the handshake's response. */
  received(): Buffer;
  /** Resolves once the server has closed the TCP connection. */
  ended: Promise<void>;
}

/** Opens a TCP connection and completes the upgrade on `path`, with any extra headers. Rejects on a non-101. */
export function rawUpgrade(port: number, path: string, headers: Record<string, string> = {}): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    let endedResolve: () => void = () => undefined;
    const ended = new Promise<void>((r) => (endedResolve = r));
    socket.on('close', () => endedResolve());
    socket.on('error', () => endedResolve());
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (upgraded) return;
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      buffer = buffer.subarray(end + 4);
      if (!head.startsWith('HTTP/1.1 101')) {
        socket.destroy();
        return reject(new Error(head.split('\r\n')[0]));
      }
      upgraded = true;
      resolve({ socket, received: () => buffer, ended });
    });
    const lines = [
      `GET ${path} HTTP/1.1`,
      `Host: ${headers['Host'] ?? `127.0.0.1:${port}`}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers)
        .filter(([name]) => name !== 'Host')
        .map(([name, value]) => `${name}: ${value}`),
    ];
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

/** One frame: FIN set, `opcode`, masked unless `masked` is false; `declaredLength` may lie about the payload. */
export function frame(opcode: number, payload: Buffer, { masked = true, declaredLength = payload.length } = {}): Buffer {
  const header: number[] = [0x80 | opcode];
  const maskBit = masked ? 0x80 : 0;
  if (declaredLength < 126) header.push(maskBit | declaredLength);
  else if (declaredLength < 65536) header.push(maskBit | 126, declaredLength >> 8, declaredLength & 0xff);
  else {
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(declaredLength));
    header.push(maskBit | 127, ...length);
  }
  if (!masked) return Buffer.concat([Buffer.from(header), payload]);
  const mask = Buffer.from([0x11, 0x22, 0x33, 0x44]);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]));
  return Buffer.concat([Buffer.from(header), mask, body]);
}

/** The status code of the first close frame (opcode 8) the server sent, or null if there was none. */
export function closeCode(data: Buffer): number | null {
  if (data.length < 4 || (data[0] & 0x0f) !== 0x8) return null;
  return data.readUInt16BE(2);
}
