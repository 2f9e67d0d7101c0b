import { useState } from 'react';
import { useCan } from '../api/permissions';
import { useChannels } from '../api/settings-access';
import { useTenant, useTenantFormat } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import { CopyField, useFocusOnMount } from './settings-access-bits';
import { ChannelForm, type Connected } from './settings-channel-form';
import { ChannelItem } from './settings-channel-item';
import { ErrorText, Loading } from './notice';

/** The channels customers write on: everyone reads them, owners connect, change and disconnect them. */
export function ChannelsSettings() {
  const { t } = useI18n();
  const w = t.settings.access.channels;
  const manage = useCan()('channels.manage');
  const channels = useChannels();
  const fmt = useTenantFormat(useTenant().data);
  const [connected, setConnected] = useState<Connected>();

  return (
    <>
      <section className="card" aria-labelledby="settings-section">
        <h2 id="settings-section">{t.settings.sections.channels}</h2>
        <p className="hint">{w.intro}</p>
        {!manage && <p className="hint owner-only">{w.ownerOnly}</p>}
      </section>
      {connected && <JustConnected connected={connected} onDone={() => setConnected(undefined)} />}
      <section className="card" aria-labelledby="channels-heading">
        <h2 id="channels-heading">{w.listTitle}</h2>
        {channels.isPending ? <Loading /> : <ErrorText error={channels.error} />}
        {channels.data?.length === 0 && <p>{w.empty}</p>}
        <ul className="access-list channels">
          {channels.data?.map((c) => <ChannelItem key={c.id} channel={c} fmt={fmt} manage={manage} />)}
        </ul>
      </section>
      {manage && !connected && (
        <section className="card" aria-labelledby="connect-heading">
          <h2 id="connect-heading">{w.connect}</h2>
          <ChannelForm onDone={(c) => setConnected(c)} />
        </section>
      )}
    </>
  );
}

/** Right after connecting: what to paste into the provider's console, the made-up secrets shown this once. */
function JustConnected({ connected, onDone }: { connected: Connected; onDone(): void }) {
  const { t } = useI18n();
  const w = t.settings.access.channels;
  const { channel, generated } = connected;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="card once just-connected" aria-labelledby="connected-heading">
      <h2 id="connected-heading" tabIndex={-1} ref={heading}>{w.connectedTitle(channel.name)}</h2>
      <p>{w.steps[channel.type]}</p>
      <CopyField id="connected-webhook" label={w.webhookUrl} value={channel.webhookUrl} />
      {generated.map(([key, value]) => <CopyField key={key} id={`connected-${key}`} label={w.fields[key as keyof typeof w.fields]} value={value} />)}
      {generated.length > 0 && <p className="warning">{w.copyNow}</p>}
      <div className="actions"><button type="button" onClick={onDone}>{w.done}</button></div>
    </section>
  );
}
