// Where a finished session stands on its way to the server, as the session page tracks it and the
// summary says it.
import type { RecordedSession } from '../../api/types';
import type { OutboxEntry } from '../../player/outbox';

export type Delivery =
  | { kind: 'sending' }
  | { kind: 'sent'; recorded: RecordedSession | null }
  | { kind: 'waiting' }
  | { kind: 'refused'; entry: OutboxEntry };
