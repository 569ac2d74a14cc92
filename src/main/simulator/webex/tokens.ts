/**
 * Which bearer tokens the simulated Webex accepts: the initial one, tokens issued later (acceptToken),
 * revoked ones and ones expired by the expireToken fault (which faults.clear()/reset() make valid
 * again; revocation is permanent). No HTTP here.
 */
export class TokenRegistry {
  private readonly valid = new Set<string>();
  private readonly expired = new Set<string>();

  constructor(initial: string) {
    this.valid.add(initial);
  }

  isValid(token: string): boolean {
    return this.valid.has(token);
  }

  accept(token: string): void {
    this.expired.delete(token);
    this.valid.add(token);
  }

  revoke(token: string): void {
    this.valid.delete(token);
    this.expired.delete(token);
  }

  expireAll(): void {
    for (const token of this.valid) this.expired.add(token);
    this.valid.clear();
  }

  restoreExpired(): void {
    for (const token of this.expired) this.valid.add(token);
    this.expired.clear();
  }
}

/** The token of an `Authorization: Bearer <token>` header, if it has that shape. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
