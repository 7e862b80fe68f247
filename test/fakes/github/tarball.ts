import zlib from 'node:zlib';

export type TarEntry = { path: string; content: Buffer };

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, type: '0' | '5' | 'g', mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  block.write(base, 0, 100);
  block.write(octal(type === '5' ? 0o775 : 0o664, 8), 100);
  block.write(octal(0, 8), 108);
  block.write(octal(0, 8), 116);
  block.write(octal(size, 12), 124);
  block.write(octal(mtime, 12), 136);
  block.write('        ', 148); // checksum counts as spaces while it is computed
  block.write(type, 156);
  block.write('ustar\0' + '00', 257);
  block.write(prefix, 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + ' ', 148);
  return block;
}

function padded(content: Buffer): Buffer[] {
  const rest = content.length % BLOCK;
  return rest === 0 ? [content] : [content, Buffer.alloc(BLOCK - rest)];
}

/**
 * A gzipped ustar archive laid out like GitHub's: a pax global header with the commit id, then every
 * folder and file under "{owner}-{repo}-{sha7}/".
 */
export function buildTarGz(
  topFolder: string,
  commitSha: string,
  files: readonly TarEntry[],
  mtime = 1_700_000_000,
): Buffer {
  const parts: Buffer[] = [];
  const comment = `comment=${commitSha}\n`;
  const record = Buffer.from(`${comment.length + 3} ${comment}`);
  parts.push(header('pax_global_header', record.length, 'g', mtime), ...padded(record));
  const folders = new Set<string>([`${topFolder}/`]);
  for (const f of files) {
    const segments = f.path.split('/');
    for (let i = 1; i < segments.length; i++) folders.add(`${topFolder}/${segments.slice(0, i).join('/')}/`);
  }
  for (const folder of [...folders].sort()) parts.push(header(folder, 0, '5', mtime));
  for (const f of files)
    parts.push(header(`${topFolder}/${f.path}`, f.content.length, '0', mtime), ...padded(f.content));
  parts.push(Buffer.alloc(BLOCK * 2));
  return zlib.gzipSync(Buffer.concat(parts), { level: 1 });
}

export type Bomb = {
  /** One file of zeros this large once inflated (a few KB compressed per MB). */
  inflatedMb?: number;
  /** This many empty files. */
  entries?: number;
};

const MB = 1024 ** 2;

/**
 * An archive that is small to download and huge to unpack, made of gzip members (which gunzip reads one
 * after the other as one stream) and produced as it is sent, so that even a 4 GB bomb or 5 million
 * entries cost the fake a few KB: one file of zeros, or a great many empty files.
 */
export function* bombChunks(topFolder: string, bomb: Bomb, mtime = 1_700_000_000): Generator<Buffer> {
  yield zlib.gzipSync(header(`${topFolder}/`, 0, '5', mtime));
  if (bomb.inflatedMb) {
    const zeros = zlib.gzipSync(Buffer.alloc(MB), { level: 9 });
    yield zlib.gzipSync(header(`${topFolder}/data.bin`, bomb.inflatedMb * MB, '0', mtime));
    for (let i = 0; i < bomb.inflatedMb; i++) yield zeros;
  }
  if (bomb.entries) {
    // Blocks of 1,000 distinct names, repeated: the same path may come back, as tar allows.
    const block = Math.min(bomb.entries, 1000);
    const names = Array.from({ length: block }, (_, i) =>
      header(`${topFolder}/empty/${String(i).padStart(4, '0')}.txt`, 0, '0', mtime),
    );
    const member = zlib.gzipSync(Buffer.concat(names), { level: 9 });
    for (let done = 0; done < bomb.entries; done += block) yield member;
  }
  yield zlib.gzipSync(Buffer.alloc(BLOCK * 2));
}
