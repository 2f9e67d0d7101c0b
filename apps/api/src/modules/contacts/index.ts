export { contactsService, type ContactsService } from './service';
export { contactRoutes } from './routes';
export type { Contact, Identity } from './repository';
