/** `SRS 7k4mq 9pqxd` → `SRS-7K4MQ-9PQXD`: what people copy or type from a note. */
export const normaliseTicketCode = (typed: string): string => {
  const compact = typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const m = /^SRS([0-9A-Z]{5})([0-9A-Z]{5})$/.exec(compact);
  return m ? `SRS-${m[1]}-${m[2]}` : typed.trim().toUpperCase();
};

/** Whether a search looks like a ticket code (with or without its dashes and capitals). */
export const looksLikeTicketCode = (typed: string): boolean =>
  /^SRS[0-9A-Z]{10}$/.test(typed.toUpperCase().replace(/[^0-9A-Z]/g, ''));
