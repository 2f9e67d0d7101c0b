import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import { sequenceRunner } from './runner';
import { sequenceService } from './service';
import { sequenceRoutes } from './routes';
import { SEQUENCE_EVENTS, sequenceReactions } from './events';
import type { SequencePorts } from './ports';

export type { SequencePorts, NoticeOutcome } from './ports';
export type { SequenceService } from './service';

/** Follow-up sequences: contacts enrolled by an event or by staff, each step sent once, never in the quiet hours. */
export function createSequences(db: Database, ports: SequencePorts) {
  const runner = sequenceRunner(db, ports);
  const service = sequenceService(db, ports, runner);
  ports.events.subscribe('sequences', SEQUENCE_EVENTS, sequenceReactions(db, ports, runner, service.enrol));
  return {
    service,
    /** Sends the steps due by `now` (the worker's few-second sweep, or a test driving the app clock). */
    sweep: (tenantIds: string[], now: number) => runner.sweep(tenantIds, now),
    routes: (app: ZodApp) => sequenceRoutes(app, service),
  };
}
export type Sequences = ReturnType<typeof createSequences>;
