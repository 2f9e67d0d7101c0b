/** The channel module's queued work: a conversation's turn, and the sends to one handle. */
export const TURN_JOB = 'conversation.turn';
export const SEND_JOB = 'channel.send';

export interface SendJob { tenantId: string; channelId: string; handle: string }
/** One send job at a time per handle keeps a customer's messages in order. */
export const sendKey = (job: SendJob) => `${job.channelId}:${job.handle}`;
