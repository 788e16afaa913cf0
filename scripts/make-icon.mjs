// Renders resources/icon.svg to resources/icon.png (512x512) for electron-builder.
// Run after changing the SVG: npx tsx scripts/make-icon.mjs (or node, with Node 22).
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

const resources = fileURLToPath(new URL('../resources/', import.meta.url))
const info = await sharp(`${resources}icon.svg`, { density: 144 })
  .resize(512, 512)
  .png({ compressionLevel: 9, palette: true, quality: 90, effort: 10 })
  .toFile(`${resources}icon.png`)
console.log(`resources/icon.png: ${info.width}x${info.height}, ${info.size} bytes`)
