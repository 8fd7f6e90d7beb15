import { Jimp } from 'jimp'
import { photoType } from '../../shared/cadre'
import { failure } from '../../shared/result'

/** The 干部任免审批表's photo box is 4:5; the stored photo is never larger than this. */
export const PHOTO_ASPECT = 4 / 5
export const PHOTO_MAX = { width: 800, height: 1000 }
const JPEG_QUALITY = 90

/**
 * A picked photo as every form uses it: JPEG or PNG by its bytes (not its name), EXIF rotation
 * applied and then dropped with the rest of the metadata (a phone's GPS position does not go into a
 * county's files), cropped about its centre to 4:5, shrunk to at most 800×1000, transparency laid on
 * white (WPS draws transparent PNG pixels black), and written as one JPEG.
 */
export async function normalizePhoto(bytes: Buffer): Promise<Buffer> {
  const type = photoType(bytes)
  if (!type.ok) throw failure('validation', type.reason, { photo: type.reason })
  let image: Awaited<ReturnType<typeof Jimp.fromBuffer>>
  try {
    image = await Jimp.fromBuffer(bytes)
  } catch {
    throw failure('validation', '照片文件已损坏或不完整，无法读取，请重新选择', { photo: '照片无法读取' })
  }
  const { width, height } = image.bitmap
  const w = Math.min(width, Math.round(height * PHOTO_ASPECT))
  const h = Math.min(height, Math.round(width / PHOTO_ASPECT))
  // A photo already in shape (one this program wrote, read back from an lrmx) is kept byte for byte:
  // every JPEG re-encoding loses a little more.
  if (type.mime === 'image/jpeg' && w === width && h === height && width <= PHOTO_MAX.width && !hasMetadata(bytes)) return bytes
  image.crop({ x: Math.floor((width - w) / 2), y: Math.floor((height - h) / 2), w, h })
  if (w > PHOTO_MAX.width) image.resize({ w: PHOTO_MAX.width, h: PHOTO_MAX.height })
  const data = image.bitmap.data
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3]
    if (a === 255) continue
    for (let c = 0; c < 3; c++) data[i + c] = Math.round((data[i + c] * a + 255 * (255 - a)) / 255)
    data[i + 3] = 255
  }
  return image.getBuffer('image/jpeg', { quality: JPEG_QUALITY })
}

/** Whether a JPEG carries segments other than JFIF's APP0 before its image data (EXIF, XMP, ICC, comments). */
function hasMetadata(jpeg: Buffer): boolean {
  let i = 2
  while (i + 4 <= jpeg.length && jpeg[i] === 0xff) {
    const marker = jpeg[i + 1]
    if (marker === 0xda) return false
    if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) return true
    i += 2 + jpeg.readUInt16BE(i + 2)
  }
  return false
}
