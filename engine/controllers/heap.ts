/** A binary min-heap of timers (due time in simulated ms, then insertion order). */
export interface Timer<T> {
  at: number;
  seq: number;
  value: T;
}

export class TimerHeap<T> {
  private readonly items: Timer<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  push(at: number, value: T): void {
    this.items.push({ at, seq: this.seq++, value });
    this.up(this.items.length - 1);
  }

  peek(): Timer<T> | undefined {
    return this.items[0];
  }

  pop(): Timer<T> | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (top && last && this.items.length > 0) {
      this.items[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(a: Timer<T>, b: Timer<T>): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const it = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(it[i]!, it[p]!)) break;
      [it[i], it[p]] = [it[p]!, it[i]!];
      i = p;
    }
  }

  private down(i: number): void {
    const it = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < it.length && this.less(it[l]!, it[m]!)) m = l;
      if (r < it.length && this.less(it[r]!, it[m]!)) m = r;
      if (m === i) return;
      [it[i], it[m]] = [it[m]!, it[i]!];
      i = m;
    }
  }
}
