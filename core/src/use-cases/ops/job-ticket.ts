import { and, eq, isNull } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';

/**
 * The paper that travels with the piece: job number, customer, items, due date and a QR
 * code that opens the job on the operator page, so a phone or tablet scan finds it.
 */
export async function renderJobTicket(deps: Pick<CoreDeps, 'db' | 'publicUrl'>, input: { shopId: string; jobId: string }): Promise<Buffer> {
  const data = await withShop(deps.db, input.shopId, async (tx) => {
    const [job] = await tx
      .select()
      .from(schema.jobs)
      .where(and(eq(schema.jobs.shopId, input.shopId), eq(schema.jobs.id, input.jobId), isNull(schema.jobs.deletedAt)));
    if (!job) return null;
    const [order] = await tx.select().from(schema.orders).where(and(eq(schema.orders.shopId, input.shopId), eq(schema.orders.id, job.orderId)));
    const items = await tx
      .select({ quantity: schema.jobItems.quantity, title: schema.orderLines.title, sku: schema.orderLines.sku })
      .from(schema.jobItems)
      .innerJoin(schema.orderLines, and(eq(schema.orderLines.shopId, schema.jobItems.shopId), eq(schema.orderLines.id, schema.jobItems.orderLineId)))
      .where(and(eq(schema.jobItems.shopId, input.shopId), eq(schema.jobItems.jobId, job.id)));
    return { job, order, items };
  });
  if (!data) throw new NotFoundError('Job');
  const { job, order, items } = data;
  const link = `${deps.publicUrl.replace(/\/+$/, '')}/ops/jobs/${job.id}`;
  const qr = await QRCode.toBuffer(link, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });

  const doc = new PDFDocument({ size: 'A5', margin: 36, info: { Title: `Job ticket J-${job.number}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(28).font('Helvetica-Bold').text(`J-${job.number}`);
  if (job.rush) doc.fontSize(16).fillColor('#b00020').text('RUSH').fillColor('black');
  doc.moveDown(0.5).fontSize(13).font('Helvetica').text(job.title);
  doc.moveDown(0.5).fontSize(11);
  if (order) doc.text(`Order ${order.name}${order.customerName ? ` · ${order.customerName}` : ''}`);
  doc.text(`Stage: ${job.stageKey}`);
  doc.text(`Due: ${job.dueAt ? job.dueAt.toISOString().slice(0, 10) : 'not set'}`);
  if (job.tags.length > 0) doc.text(`Tags: ${job.tags.join(', ')}`);
  doc.moveDown(0.5).font('Helvetica-Bold').text('Items').font('Helvetica');
  for (const item of items) doc.text(`${item.quantity} × ${item.title}${item.sku ? ` (${item.sku})` : ''}`);
  doc.image(qr, doc.page.width - 36 - 120, 36, { width: 120 });
  doc.fontSize(8).text(link, doc.page.width - 36 - 160, 160, { width: 160, align: 'right' });
  doc.end();
  return done;
}
