/** One message of a lead's conversations, oldest first. */
export interface MessageFact { author: 'customer' | 'assistant' | 'staff'; at: number }
export interface Activity {
  customerMessages: number;
  /** The customer wrote again after we had answered them. */
  cameBack: boolean;
  medianReplySeconds: number | null;
}

/** How the customer takes part: messages written, whether they came back after a reply, how fast they answer us. */
export function activityOf(messages: MessageFact[]): Activity {
  let customerMessages = 0;
  let cameBack = false;
  let wroteBefore = false;
  let answeredSinceTheyWrote = false;
  let lastOurs: number | null = null;
  const replyTimes: number[] = [];
  for (const m of messages) {
    if (m.author === 'customer') {
      customerMessages++;
      if (wroteBefore && answeredSinceTheyWrote) cameBack = true;
      if (lastOurs !== null) replyTimes.push(Math.max(0, (m.at - lastOurs) / 1000));
      wroteBefore = true;
      answeredSinceTheyWrote = false;
      lastOurs = null;
    } else {
      if (wroteBefore) answeredSinceTheyWrote = true;
      lastOurs ??= m.at;
    }
  }
  return { customerMessages, cameBack, medianReplySeconds: median(replyTimes) };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
