import type { OrderConnector, Platform } from '@pressline/connectors';
import type { Database, QueueClient } from '@pressline/db';


/** What every use case may need, built once by the composition root (the CLI). */
export interface CoreDeps {
  db: Database;
  boss: QueueClient;
  connectors: Partial<Record<Platform, OrderConnector>>;
  clock: () => Date;
}
