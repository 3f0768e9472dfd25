import { optOutCustomer, saveNotificationSettings, type NotificationSettingsInput } from '../../use-cases/notifications/notification-preferences.ts';
import { listTemplates, previewNotification, saveTemplate, type TemplateRow } from '../../use-cases/notifications/notification-templates.ts';
import { createWebhookSubscription, deleteWebhookSubscription, listWebhookSubscriptions } from '../../use-cases/webhooks/webhook-subscriptions.ts';
import type { GraphQLContext } from './context.ts';
import { requireUuid } from './ids.ts';


export const notificationsResolvers = {
  Query: {
    notificationTemplates: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.inShop((tx) => listTemplates(tx, ctx.principal.shopId)),
    notificationPreview: (_: unknown, args: { orderId: string; status: string; subject?: string | null; body?: string | null }, ctx: GraphQLContext) =>
      previewNotification(ctx.deps, { shopId: ctx.principal.shopId, orderId: requireUuid(args.orderId, 'orderId'), customerStatus: args.status, subject: args.subject ?? null, body: args.body ?? null }),
    webhookSubscriptions: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.inShop((tx) => listWebhookSubscriptions(tx, ctx.principal.shopId)),
  },
  Mutation: {
    saveNotificationTemplate: (_: unknown, { input }: { input: { status: string; subject: string; body: string; enabled?: boolean | null } }, ctx: GraphQLContext) =>
      saveTemplate(ctx.deps, { shopId: ctx.principal.shopId, customerStatus: input.status, subject: input.subject, body: input.body, enabled: input.enabled ?? null }),
    saveNotificationSettings: (_: unknown, { input }: { input: NotificationSettingsInput }, ctx: GraphQLContext) =>
      saveNotificationSettings(ctx.deps, { shopId: ctx.principal.shopId, ...input }),
    optOutCustomer: async (_: unknown, args: { email: string }, ctx: GraphQLContext) => {
      await optOutCustomer(ctx.deps, { shopId: ctx.principal.shopId, email: args.email });
      return true;
    },
    createWebhookSubscription: (_: unknown, args: { url: string; topics: string[] }, ctx: GraphQLContext) =>
      createWebhookSubscription(ctx.deps, { shopId: ctx.principal.shopId, url: args.url, topics: args.topics }),
    deleteWebhookSubscription: async (_: unknown, args: { id: string }, ctx: GraphQLContext) => {
      await deleteWebhookSubscription(ctx.deps, { shopId: ctx.principal.shopId, id: requireUuid(args.id, 'id') });
      return true;
    },
  },
  NotificationTemplate: {
    status: (row: TemplateRow) => row.customerStatus,
  },
};
