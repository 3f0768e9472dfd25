/** The 2BP instances (Berkey–Wang, Martello–Vigo) and their best known solutions; format in data/2bp/README.md. */
import { readFile } from 'node:fs/promises';

export interface BinInstance {
  cls: number;
  n: number;
  /** 1–10 within (class, n), as in best_known.csv. */
  instance: number;
  bin: { width: number; height: number };
  items: { width: number; height: number }[];
  bestKnown: number;
}

const DATA = new URL('./data/2bp/', import.meta.url);

export async function loadBinInstances(): Promise<BinInstance[]> {
  const best = new Map<string, number>();
  const csv = await readFile(new URL('best_known.csv', DATA), 'utf8');
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [cls, n, instance, , bestKnown] = line.split(',');
    if (bestKnown) best.set(`${cls}/${n}/${instance}`, Number(bestKnown));
  }
  const instances: BinInstance[] = [];
  for (let cls = 1; cls <= 10; cls++) {
    const text = await readFile(new URL(`Class_${String(cls).padStart(2, '0')}.2bp`, DATA), 'utf8');
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    const ints = (line: string | undefined) => (line ?? '').trim().split(/\s+/).slice(0, 2).map(Number);
    let at = 0;
    while (at < lines.length) {
      const [fileClass] = ints(lines[at++]);
      const [n] = ints(lines[at++]);
      const [relative] = ints(lines[at++]);
      const [H, W] = ints(lines[at++]);
      if (fileClass !== cls || !n || !relative || !H || !W) throw new Error(`Class_${cls}: unreadable instance header near line ${at}`);
      const items = lines.slice(at, at + n).map((line) => {
        const [h, w] = ints(line);
        return { width: w!, height: h! };
      });
      at += n;
      const instance = ((relative - 1) % 10) + 1;
      const bestKnown = best.get(`${cls}/${n}/${instance}`);
      if (bestKnown === undefined) throw new Error(`best_known.csv has no class ${cls} n ${n} instance ${instance}`);
      instances.push({ cls, n, instance, bin: { width: W, height: H }, items, bestKnown });
    }
  }
  if (instances.length !== 500) throw new Error(`expected 500 instances, read ${instances.length}`);
  return instances;
}
