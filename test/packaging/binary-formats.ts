// Just enough of the PNG, ICNS and ICO formats to check the committed icons: sizes and
// the entries each platform looks for.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 6 = RGBA (truecolour with alpha), 3 = palette, 2 = RGB. */
  colorType: number;
}

export function readPngHeader(data: Buffer): PngHeader {
  if (data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  if (data.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without an IHDR chunk first');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), bitDepth: data[24]!, colorType: data[25]! };
}

export function isPng(data: Buffer): boolean {
  return data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE);
}

export interface IcnsEntry {
  type: string;
  data: Buffer;
}

/** The entries of an Apple icon file: 'icns', total length, then (type, length, data)*. */
export function readIcns(data: Buffer): IcnsEntry[] {
  if (data.toString('latin1', 0, 4) !== 'icns') throw new Error('no icns magic');
  const total = data.readUInt32BE(4);
  if (total !== data.length) throw new Error(`icns length field ${total} ≠ file size ${data.length}`);
  const entries: IcnsEntry[] = [];
  for (let offset = 8; offset < total;) {
    const type = data.toString('latin1', offset, offset + 4);
    const length = data.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > total) throw new Error(`bad icns entry ${type} at ${offset}`);
    entries.push({ type, data: data.subarray(offset + 8, offset + length) });
    offset += length;
  }
  return entries;
}

export interface IcoEntry {
  /** Pixels; the format stores 256 as 0. */
  width: number;
  height: number;
  bitsPerPixel: number;
  data: Buffer;
}

/** The images of a Windows icon file: ICONDIR (reserved 0, type 1, count), then 16-byte entries. */
export function readIco(data: Buffer): IcoEntry[] {
  if (data.length < 6 || data.readUInt16LE(0) !== 0 || data.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  const count = data.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 16;
    const size = data.readUInt32LE(at + 8);
    const offset = data.readUInt32LE(at + 12);
    if (offset + size > data.length) throw new Error(`ICO entry ${i} runs past the end of the file`);
    entries.push({
      width: data[at]! || 256,
      height: data[at + 1]! || 256,
      bitsPerPixel: data.readUInt16LE(at + 6),
      data: data.subarray(offset, offset + size),
    });
  }
  return entries;
}
