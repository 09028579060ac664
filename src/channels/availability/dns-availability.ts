/**
 * DomainAvailability over DNS (node:dns). A registered .vn name is delegated,
 * so NS (or SOA) records mean "taken"; NXDOMAIN means nobody uses the name —
 * "probably available" (a name can be registered without being delegated, so
 * the bot says "probably" and links to WHOIS). Timeouts and server failures
 * are "unknown". The parent zone (id.vn / biz.vn) must resolve first: a
 * resolver that answers NXDOMAIN for everything (offline, captive, filtered)
 * gives "unknown", never a false "available". Nothing is resolved on import.
 */
import { Resolver } from 'node:dns/promises';
import type { Availability, DomainAvailability } from '../../core/outreach.js';

/** The two lookups used; node's Resolver fits, tests pass a fake. */
export type DnsLookups = {
  resolveNs(name: string): Promise<string[]>;
  resolveSoa(name: string): Promise<unknown>;
};

export type DnsAvailabilityOptions = {
  /** Per-query timeout. Default 2500 ms. */
  readonly timeoutMs?: number;
  /** DNS servers, e.g. ['1.1.1.1', '8.8.8.8']; default: the system's. */
  readonly servers?: readonly string[];
  readonly dns?: DnsLookups;
  /** How long a working parent-zone lookup is trusted. Default 10 minutes. */
  readonly parentTtlMs?: number;
  readonly now?: () => number;
};

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** NXDOMAIN: the name does not exist. NODATA: it exists, without that record type. */
async function ask(lookup: () => Promise<unknown>): Promise<'found' | 'nxdomain' | 'nodata' | 'unknown'> {
  try {
    const answer = await lookup();
    return Array.isArray(answer) && answer.length === 0 ? 'nodata' : 'found';
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOTFOUND') return 'nxdomain';
    if (code === 'ENODATA') return 'nodata';
    return 'unknown';
  }
}

export function createDnsAvailability(options: DnsAvailabilityOptions = {}): DomainAvailability {
  let dns = options.dns;
  const lookups = (): DnsLookups => {
    if (dns === undefined) {
      const resolver = new Resolver({ timeout: options.timeoutMs ?? 2500, tries: 2 });
      if (options.servers !== undefined && options.servers.length > 0) resolver.setServers([...options.servers]);
      dns = resolver;
    }
    return dns;
  };
  const now = options.now ?? Date.now;
  const parentTtlMs = options.parentTtlMs ?? 10 * 60_000;
  const parentSeen = new Map<string, number>();

  async function parentResolves(parent: string): Promise<boolean> {
    const seen = parentSeen.get(parent);
    if (seen !== undefined && now() - seen < parentTtlMs) return true;
    const answer = await ask(() => lookups().resolveNs(parent));
    if (answer === 'found') parentSeen.set(parent, now());
    return answer === 'found';
  }

  return {
    async check(domain): Promise<Availability> {
      const name = domain.toLowerCase().replace(/\.$/, '');
      const match = /^[a-z0-9-]{1,63}\.((?:id|biz)\.vn)$/.exec(name);
      if (!match || !(await parentResolves(match[1] ?? ''))) return 'unknown';
      const ns = await ask(() => lookups().resolveNs(name));
      if (ns === 'found') return 'taken';
      if (ns === 'nxdomain') return 'available';
      const soa = await ask(() => lookups().resolveSoa(name));
      if (soa === 'found') return 'taken';
      if (soa === 'nxdomain') return 'available';
      // NODATA for both: the name exists in DNS (some other record), so someone holds it.
      return ns === 'nodata' && soa === 'nodata' ? 'taken' : 'unknown';
    },
  };
}
