import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useSearch } from 'wouter';
import { ApiError } from '../api/client';
import { useBook, useFreeTimes, useProfile, type Booked, type Profile } from '../booking/api';
import { dateAsUtcNoon, dayWindow, slotsByDay } from '../booking/days';
import { customerOf, emptyDetails, problemsFromApi, type Details, type DetailsProblems } from '../booking/details';
import { flowReducer, initialState, presetFrom, servicesFor, stepsFor } from '../booking/flow';
import { browserZone, useBookingI18n, useClocks, type Clocks } from '../booking/i18n';
import { localDateOf } from '../time/zoned';
import { ConfirmStep, Done, WhenLines } from './booking-confirm';
import { DetailsForm } from './booking-details';
import { Frame, Loading, Problem, retryable, ZoneNote } from './booking-frame';
import { ServiceList, StaffList } from './booking-steps';
import { DayList, TimeList } from './booking-when';

/** `/book/:slug`: the business's profile first, then the steps; "book something else" starts them again. */
export function BookingPage({ slug }: { slug: string }) {
  const { lang } = useBookingI18n();
  const profile = useProfile(slug, lang);
  const clocks = useClocks(profile.data?.business);
  const [round, setRound] = useState(0);
  if (profile.isError && !profile.data) {
    return <Frame><Problem error={profile.error} retry={retryable(profile.error) ? () => void profile.refetch() : undefined} /></Frame>;
  }
  if (!profile.data || !clocks) return <Frame><Loading /></Frame>;
  return <Flow key={round} profile={profile.data} slug={slug} clocks={clocks} onAgain={() => setRound((r) => r + 1)} />;
}

/** A random Idempotency-Key (crypto.randomUUID needs a secure context; a self-hosted page may be plain http). */
function newAttempt(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function Flow({ profile, slug, clocks, onAgain }: { profile: Profile; slug: string; clocks: Clocks; onAgain(): void }) {
  const { t, lang, describe } = useBookingI18n();
  const search = useSearch();
  const preset = useMemo(() => presetFrom(search, profile.services), [search, profile.services]);
  const [state, dispatch] = useReducer(flowReducer(profile.services, preset), { preset, services: profile.services }, initialState);
  const [page, setPage] = useState(0);
  const [details, setDetails] = useState<Details>(emptyDetails);
  const [problems, setProblems] = useState<DetailsProblems>({});
  const [notice, setNotice] = useState<string>();
  const [booked, setBooked] = useState<Booked>();
  const book = useBook(slug);

  const service = profile.services.find((s) => s.id === state.serviceId);
  const steps = stepsFor(service, preset);
  const zone = browserZone();
  const today = localDateOf(Date.now(), clocks.visitorZone);
  const days = dayWindow(today, page);
  const times = useFreeTimes({ slug }, ['day', 'time'].includes(state.step) && service
    ? { serviceId: service.id, resourceId: state.resourceId, from: days.from, to: days.to, timeZone: zone } : undefined);
  const byDay = useMemo(() => (times.data ? slotsByDay(times.data.slots) : undefined), [times.data]);
  const daySlots = (state.date && byDay?.get(state.date)) || [];
  const [lastSlot, setLastSlot] = useState<(typeof daySlots)[number]>();

  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [state.step, booked]);

  if (booked) return <Frame title={profile.business.name}><Done booked={booked} clocks={clocks} onAgain={onAgain} /></Frame>;

  const confirm = () => {
    if (!service || !lastSlot || !state.attempt) return;
    setNotice(undefined);
    book.mutate({ attempt: state.attempt, body: {
      serviceId: service.id, start: lastSlot.start, customer: customerOf(details), language: lang,
      ...(state.resourceId ? { resourceId: state.resourceId } : {}), ...(zone ? { timeZone: zone } : {}),
      ...(profile.consent.required ? { consentAccepted: details.consent } : {}), ...(details.notes.trim() ? { notes: details.notes.trim() } : {}),
    } }, {
      onSuccess: setBooked,
      onError: (err) => {
        if (!(err instanceof ApiError)) return;
        const fields = problemsFromApi(err.fields, details);
        if (err.code === 'VALIDATION_FAILED' && Object.keys(fields).length) {
          setProblems(fields);
          dispatch({ type: 'back' });
        } else if (err.code === 'SCHED_SLOT_TAKEN' || err.code === 'SCHED_SLOT_UNAVAILABLE') {
          setNotice(describe(err));
          dispatch({ type: 'retime' });
        }
      },
    });
  };
  const resourceName = service?.resources.find((r) => r.id === state.resourceId)?.name;
  const offered = servicesFor(profile.services, preset);

  return (
    <Frame title={profile.business.name}>
      <section className="card step" aria-labelledby="step-title">
        <p className="step-count">{t.stepOf(steps.indexOf(state.step) + 1, steps.length)}</p>
        <h2 id="step-title" ref={heading} tabIndex={-1}>{t.steps[state.step]}</h2>
        {service && state.step !== 'service' && state.step !== 'confirm' && (
          <p className="chosen">
            {[service.name, state.step !== 'staff' ? resourceName ?? (steps.includes('staff') ? t.staff.anyone : undefined) : undefined]
              .filter(Boolean).join(' · ')}
            {state.step === 'time' && state.date && <> · {longDate(state.date, clocks.locale)}</>}
            {state.step === 'details' && lastSlot && <> · <WhenLines clocks={clocks} start={lastSlot.start} /></>}
          </p>
        )}
        {notice && state.step === 'time' && <Problem text={notice} />}
        {state.step === 'service' && <ServiceList services={offered} selected={state.serviceId} clocks={clocks} onPick={(id) => dispatch({ type: 'service', id })} />}
        {state.step === 'staff' && service && <StaffList service={service} selected={state.resourceId} onPick={(id) => dispatch({ type: 'staff', id })} />}
        {(state.step === 'day' || state.step === 'time') && <ZoneNote clocks={clocks} business={profile.business.name} at={Date.now()} />}
        {state.step === 'day' && (
          <DayList window={days} byDay={times.data ? byDay : undefined} selected={state.date}
            page={page} onPage={setPage} onPick={(date) => dispatch({ type: 'day', date })} locale={clocks.locale}
            error={times.error} retry={() => void times.refetch()} />
        )}
        {state.step === 'time' && (times.data ? (
          <TimeList slots={daySlots} selected={state.start} clocks={clocks} onPick={(slot) => {
            setLastSlot(slot);
            dispatch({ type: 'time', start: slot.start });
          }} />
        ) : times.error ? <Problem error={times.error} retry={() => void times.refetch()} /> : <Loading />)}
        {state.step === 'details' && (
          <DetailsForm details={details} onChange={setDetails} problems={problems} onProblems={setProblems} consent={profile.consent}
            onDone={() => {
              book.reset();
              dispatch({ type: 'details', attempt: newAttempt() });
            }} />
        )}
        {state.step === 'confirm' && service && lastSlot && (
          <ConfirmStep service={service} resourceName={resourceName} slot={lastSlot} details={details} clocks={clocks}
            busy={book.isPending} error={book.error} onConfirm={confirm} />
        )}
        {steps.indexOf(state.step) > 0 && (
          <div className="actions start">
            <button type="button" className="secondary" onClick={() => dispatch({ type: 'back' })}>{t.back}</button>
          </div>
        )}
      </section>
    </Frame>
  );
}


/** "miércoles, 9 de diciembre": one of the visitor's days, by name. */
function longDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(dateAsUtcNoon(date));
}
