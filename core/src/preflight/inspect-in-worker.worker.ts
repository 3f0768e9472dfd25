/**
 * The worker thread behind inspect-in-worker.ts. It answers tasks one at a time, each
 * arriving with its bytes transferred, and stays up for the next one so modules are
 * loaded and compiled once; the pool ends it when it is idle, late or out of memory.
 * Adding a task means one more case here and a function in inspect-in-worker.ts.
 */
import { parentPort } from 'node:worker_threads';
import { inspectFile } from '../domain/preflight/inspect-file.ts';
import type { WorkerReply, WorkerRequest, WorkerTask } from './inspect-in-worker-pool.ts';

async function perform(task: WorkerTask): Promise<unknown> {
  switch (task.task) {
    case 'inspect':
      return inspectFile(task.bytes, { name: task.name, limits: task.limits });
    case 'thumbnail': {
      // Loaded on first use: the renderers (pdf.js, resvg, sharp) are large and inspection never needs them.
      const { renderThumbnail } = await import('./thumbnails/render-thumbnail.ts');
      return renderThumbnail(task.bytes, task.kind, task.size);
    }
  }
}

parentPort!.on('message', async ({ id, task }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, value: await perform(task) };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const transfer = reply.ok && reply.value instanceof Uint8Array ? [reply.value.buffer as ArrayBuffer] : [];
  parentPort!.postMessage(reply, transfer);
});
