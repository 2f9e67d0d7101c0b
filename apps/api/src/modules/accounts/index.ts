export { accountsService, type AccountsService } from './service';
export { accountsRoutes } from './routes';
