import { useState } from 'react';
import { useChannelActions, type ChannelListed } from '../api/settings-access';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { CopyField, ConfirmButton } from './settings-access-bits';
import { ChannelForm } from './settings-channel-form';
import { ErrorText } from './notice';
import { refusedLately } from '../settings/channel-activity';

/** One connected channel: its state, the webhook address to give the provider, and (for owners) edit, pause and disconnect. */
export function ChannelItem({ channel, fmt, manage }: { channel: ChannelListed; fmt?: Formatters; manage: boolean }) {
  const { t } = useI18n();
  const w = t.settings.access.channels;
  const { update, disconnect } = useChannelActions();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const paused = channel.status === 'disabled';
  const secretNames = channel.secretsSet.map((k) => w.fields[k as keyof typeof w.fields] ?? k).join(', ');

  return (
    <li className="channel" data-type={channel.type}>
      <div className="access-item-head">
        <span className="item-name">{channel.name}</span>
        <span className="item-meta">{w.types[channel.type]}</span>
        <span className={paused ? 'state off' : 'state'}>{w.status[channel.status]}</span>
        {fmt && <span className="item-meta">{w.since(fmt.dateTime(channel.createdAt))}</span>}
      </div>
      {fmt && <ChannelActivity activity={channel.activity} fmt={fmt} />}
      <CopyField id={`webhook-${channel.id}`} label={w.webhookUrl} value={channel.webhookUrl} />
      {secretNames && <p className="hint">{w.secretsSet(secretNames)}</p>}
      {saved && <p className="saved" role="status">{w.saved}</p>}
      <ErrorText error={update.error ?? disconnect.error} />
      {manage && (editing ? (
        <ChannelForm editing={channel} onDone={() => { setEditing(false); setSaved(true); }} onCancel={() => setEditing(false)} />
      ) : (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => { setEditing(true); setSaved(false); update.reset(); }}>{w.edit}</button>
          <button type="button" className="secondary" disabled={update.isPending}
            onClick={() => update.mutate({ id: channel.id, status: paused ? 'active' : 'disabled' })}>{paused ? w.resume : w.pause}</button>
          <ConfirmButton label={w.disconnect} question={w.confirmDisconnect(channel.name)} yes={w.confirmYes} busy={disconnect.isPending}
            onConfirm={() => disconnect.mutate(channel.id)} />
        </div>
      ))}
    </li>
  );
}

/** Events in, sends out, failures: enough to tell a working channel from a misconfigured one. */
function ChannelActivity({ activity, fmt }: { activity: ChannelListed['activity']; fmt: Formatters }) {
  const { t } = useI18n();
  const w = t.settings.access.channels;
  const when = (at: string | null) => (at ? fmt.dateTime(at) : w.never);
  return (
    <div className="activity">
      <dl className="details">
        <div><dt>{w.lastIn}</dt><dd className="last-in">{when(activity.lastInboundAt)}</dd></div>
        <div><dt>{w.lastOut}</dt><dd className="last-out">{when(activity.lastOutboundAt)}</dd></div>
      </dl>
      {activity.failedSends7d > 0 && <p className="problem">{w.failed(activity.failedSends7d)}</p>}
      {activity.lastRejectedAt && refusedLately(activity) && <p className="problem rejected">{w.rejected(fmt.dateTime(activity.lastRejectedAt))}</p>}
    </div>
  );
}
