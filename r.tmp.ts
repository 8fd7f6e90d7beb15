import Database from 'better-sqlite3'
import path from 'node:path'
import { serve, tempDir } from './drill/server'
void (async () => {
  const file = path.join(tempDir(), 'x.db')
  const s = await serve(file)
  let stderr = ''; s.child.stderr!.on('data', (c) => (stderr += c))
  const v: any = await s.call('villages.create', { name: '龙山村', kind: '村' })
  const db = new Database(file); db.prepare(`INSERT INTO persons (name, village_id, created_at, updated_at) VALUES ('王建国', ?, 'x', 'x')`).run(v.value.id); db.close()
  console.log(await s.call('villages.remove', { id: v.value.id }).catch((e) => String(e)))
  await new Promise((r) => setTimeout(r, 500))
  console.log('alive', s.alive(), stderr.slice(0, 1500))
  await s.stop()
})()
