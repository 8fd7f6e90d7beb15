import { Jimp } from 'jimp'
import { describe, expect, it } from 'vitest'
import { pngOf, samplePhoto } from './exports/testing/photos'
import { normalizePhoto } from './photos'

/** Inserts an APP1 Exif segment (a tiny TIFF with one Orientation entry) right after a JPEG's SOI. */
function withExif(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.alloc(26)
  tiff.write('II*\0', 0, 'latin1')
  tiff.writeUInt32LE(8, 4)
  tiff.writeUInt16LE(1, 8)
  tiff.writeUInt16LE(0x0112, 10)
  tiff.writeUInt16LE(3, 12)
  tiff.writeUInt32LE(1, 14)
  tiff.writeUInt16LE(orientation, 18)
  tiff.writeUInt32LE(0, 22)
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const head = Buffer.from([0xff, 0xe1, 0, 0])
  head.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), head, body, jpeg.subarray(2)])
}

const read = (b: Buffer) => Jimp.fromBuffer(b)

describe('a picked photo', () => {
  it('is cropped about its centre to 4:5 and shrunk to at most 800×1000, as a JPEG', async () => {
    const wide = await read(await normalizePhoto(samplePhoto(1, 1200, 600)))
    expect([wide.bitmap.width, wide.bitmap.height]).toEqual([480, 600])
    const tall = await read(await normalizePhoto(samplePhoto(2, 1000, 1500)))
    expect([tall.bitmap.width, tall.bitmap.height]).toEqual([800, 1000])
    const small = await normalizePhoto(samplePhoto(3, 80, 100))
    expect([...small.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
    expect((await read(small)).bitmap.width).toBe(80)
  })

  it('loses its EXIF after the rotation it asks for is applied', async () => {
    const landscape = await (await read(samplePhoto(4, 200, 100))).getBuffer('image/jpeg')
    const tagged = withExif(landscape, 6)
    expect(tagged.includes(Buffer.from('Exif'))).toBe(true)
    const out = await normalizePhoto(tagged)
    expect(out.includes(Buffer.from('Exif'))).toBe(false)
    // Orientation 6 turns the 200×100 picture upright (100×200), which is then cut to 4:5.
    const img = await read(out)
    expect([img.bitmap.width, img.bitmap.height]).toEqual([100, 125])
  })

  it('lays transparent pixels on white, not black', async () => {
    const rgba = Buffer.alloc(40 * 50 * 4)
    for (let i = 0; i < rgba.length; i += 4) rgba.set(i < rgba.length / 2 ? [200, 30, 30, 255] : [0, 0, 0, 0], i)
    const png = await new Jimp({ data: rgba, width: 40, height: 50 }).getBuffer('image/png')
    const img = await read(await normalizePhoto(png))
    const bottom = img.bitmap.data.subarray((45 * 40 + 20) * 4, (45 * 40 + 20) * 4 + 3)
    expect(Math.min(...bottom)).toBeGreaterThan(245)
    const top = img.bitmap.data.subarray((5 * 40 + 20) * 4, (5 * 40 + 20) * 4 + 3)
    expect(top[0]).toBeGreaterThan(180)
    expect(top[1]).toBeLessThan(60)
  })

  it('is refused in Chinese when it is not a JPEG or PNG by its bytes, or is broken', async () => {
    await expect(normalizePhoto(Buffer.from('GIF89a......'))).rejects.toMatchObject({ message: expect.stringContaining('JPEG 或 PNG') })
    await expect(normalizePhoto(Buffer.from('BM\0\0\0\0'))).rejects.toMatchObject({ message: expect.stringContaining('JPEG 或 PNG') })
    await expect(normalizePhoto(pngOf({ width: 10, height: 10, rgb: Buffer.alloc(300) }).subarray(0, 40))).rejects.toMatchObject({
      message: expect.stringContaining('无法读取')
    })
  })
})
