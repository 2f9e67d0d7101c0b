/** The channel module's queued work: a conversation's turn, and the sends to one handle. */
export const TURN_JOB = 'conversation.turns';
export const SEND_JOB = 'channel.sends';

/** `line` is the handle's queue as the outbox stores it (`sendLine`): job data never holds a handle in clear. */
export interface SendJob { tenantId: string; channelId: string; line: string }
/** At most one waiting send job per handle (the one that runs sends everything queued). */
export const sendKey = (job: SendJob) => `${job.channelId}:${job.line}`;
