import { describe, expect, it } from 'vitest';
import { looksLikeTicketCode, normaliseTicketCode } from './ticket-code.ts';

describe('ticket codes as people type them', () => {
  it('puts capitals and dashes back', () => {
    expect(normaliseTicketCode('srs 7k4mq 9pqxd')).toBe('SRS-7K4MQ-9PQXD');
    expect(normaliseTicketCode(' SRS-7K4MQ-9PQXD ')).toBe('SRS-7K4MQ-9PQXD');
    expect(normaliseTicketCode('srs7k4mq9pqxd')).toBe('SRS-7K4MQ-9PQXD');
  });
  it('leaves other words alone, so a search for a place is still a search for a place', () => {
    expect(looksLikeTicketCode('srs 7k4mq 9pqxd')).toBe(true);
    expect(looksLikeTicketCode('Sumur desa')).toBe(false);
    expect(looksLikeTicketCode('SRS-7K4MQ')).toBe(false);
  });
});
