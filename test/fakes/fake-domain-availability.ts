/**
 * FakeDomainAvailability: answers from a table instead of DNS. Names not
 * listed are 'available'; `unreachable()` makes every check 'unknown' (DNS
 * down). Records what was asked, so a test can prove nothing else was.
 */
import type { Availability, DomainAvailability } from '../../src/core/outreach.js';

export class FakeDomainAvailability implements DomainAvailability {
  readonly asked: string[] = [];
  private readonly answers = new Map<string, Availability>();
  private down = false;

  constructor(answers: Readonly<Record<string, Availability>> = {}) {
    for (const [domain, answer] of Object.entries(answers)) this.answers.set(domain, answer);
  }

  set(domain: string, answer: Availability): this {
    this.answers.set(domain, answer);
    return this;
  }

  unreachable(): this {
    this.down = true;
    return this;
  }

  check(domain: string): Promise<Availability> {
    this.asked.push(domain);
    return Promise.resolve(this.down ? 'unknown' : (this.answers.get(domain) ?? 'available'));
  }
}
