import type { TicketEventMessage } from '@atensi/domain';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A timeline entry in the reader's language: the server's own sentences (filed, assigned,
 * followed up, escalated…) from their code and parameters; an officer's words as written.
 * A code this web does not know yet falls back to the stored Indonesian.
 */
export const eventText = (e: { text: string; message: TicketEventMessage | null }, t: Translate): string =>
  e.message ? t(`serasi.event.${e.message.code}`, { ...e.message.params, defaultValue: e.text }) : e.text;
