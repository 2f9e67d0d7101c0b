import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import { ticketService } from './service';
import { ticketRoutes } from './routes';
import { TICKET_EVENT_TYPES, ticketReactions } from './events';
import type { TicketPorts } from './ports';

/** Support tickets: opened from conversations (by staff or on a complaint), resolved, rated by the customer. */
export function createTickets(db: Database, ports: TicketPorts) {
  const service = ticketService(db, ports);
  ports.events.subscribe('tickets', TICKET_EVENT_TYPES, ticketReactions(db, ports, service));
  return { service, routes: (app: ZodApp) => ticketRoutes(app, service) };
}
export type Tickets = ReturnType<typeof createTickets>;
export type { TicketService } from './service';
export type { TicketPorts, TicketNotifications, SatisfactionRequest } from './ports';
