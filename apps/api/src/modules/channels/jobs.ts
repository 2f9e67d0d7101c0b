/** The channel module's queued work: a conversation's turn, and the sends to one handle. */
export const TURN_JOB = 'conversation.turns';
export const SEND_JOB = 'channel.sends';

export interface SendJob { tenantId: string; channelId: string; handle: string }
/** At most one waiting send job per handle (the one that runs sends everything queued). */
export const sendKey = (job: SendJob) => `${job.channelId}:${job.handle}`;
