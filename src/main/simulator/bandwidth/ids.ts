/** Catapult-looking ids (`c-…`, `conf-…`, `member-…`, `brg-…`, `rec-…`): a prefix and a counter. No state beyond the counter. */
export class IdSource {
  private next = 1;

  make(prefix: string): string {
    const n = this.next++;
    return `${prefix}-${n.toString(36).padStart(6, '0')}${Math.floor(Math.random() * 1e6).toString(36)}`;
  }
}
