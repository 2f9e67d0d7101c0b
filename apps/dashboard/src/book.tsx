import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Route, Switch } from 'wouter';
import { BookingI18nProvider } from './booking/i18n';
import { BookingPage } from './pages/booking';
import { ManagePage } from './pages/booking-manage';
import { Frame, Problem } from './pages/booking-frame';
import { useBookingI18n } from './booking/i18n';
import './styles.css';
import './booking.css';

/**
 * The public booking page, its own Vite entry (book.html): none of the staff dashboard's code
 * loads here. `/book/manage/:token` is a booking's manage link; `/book/:slug` books
 * (`?service=<id>&staff=<id>` fix a service or a person).
 */
const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false } },
});

function NoPage() {
  const { t } = useBookingI18n();
  return <Frame><Problem text={t.errors.NOT_FOUND} /></Frame>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BookingI18nProvider>
        <Switch>
          <Route path="/book/manage/:token">{(params) => <ManagePage token={params.token} />}</Route>
          <Route path="/book/:slug">{(params) => <BookingPage slug={params.slug} />}</Route>
          <Route><NoPage /></Route>
        </Switch>
      </BookingI18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
