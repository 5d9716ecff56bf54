/**
 * Which parts of a long article are on screen or near it: the paragraph groups (or the
 * paragraphs, where there are no groups) within a quarter of a screen's height of what is
 * shown, in the text frame when it scrolls on its own, else in the window. The painter registers only their
 * highlights, because the browser rebuilds every registered highlight on each change of any
 * of them (decision 6); far from the screen nothing is drawn anyway.
 *
 * Told to the caller as each part comes near or goes; `all` (while printing) counts every part
 * as near. Framework-free, beside the annotator and the painter.
 */
export class NearScreen {
  private readonly near = new Set<Element>();
  private observer: IntersectionObserver | null = null;
  private ownScroll = false;
  private printing = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly container: HTMLElement,
    private readonly parts: readonly Element[],
    private readonly onChange: (part: Element, near: boolean) => void,
  ) {
    this.observe();
    const win = container.ownerDocument.defaultView;
    if (!win) return;
    const { signal } = this.abort;
    // A phone's text frame scrolls with the page, a wide screen's on its own: follow a change.
    win.addEventListener('resize', () => this.observe(), { signal });
    win.addEventListener('beforeprint', () => this.setPrinting(true), { signal });
    win.addEventListener('afterprint', () => this.setPrinting(false), { signal });
  }

  /** Whether a part counts as near the screen now. */
  has(part: Element): boolean {
    return this.printing || this.near.has(part);
  }

  private scrollsOnItsOwn(): boolean {
    const { overflowY } = getComputedStyle(this.container);
    return overflowY === 'auto' || overflowY === 'scroll';
  }

  private observe(): void {
    const own = this.scrollsOnItsOwn();
    if (this.observer && own === this.ownScroll) return;
    this.ownScroll = own;
    this.observer?.disconnect();
    this.observer = new IntersectionObserver((entries) => this.update(entries), {
      root: own ? this.container : null,
      // Far enough ahead for reading and scrolling; each part more costs every change a little
      // (measured at 4x: label pen median about 22.6 ms with a quarter, 24.7 with a whole screen).
      rootMargin: '25% 0px',
    });
    for (const part of this.parts) this.observer.observe(part);
  }

  private update(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const was = this.has(entry.target);
      if (entry.isIntersecting) this.near.add(entry.target);
      else this.near.delete(entry.target);
      if (this.has(entry.target) !== was) this.onChange(entry.target, !was);
    }
  }

  private setPrinting(printing: boolean): void {
    if (printing === this.printing) return;
    const before = this.parts.map((p) => this.has(p));
    this.printing = printing;
    this.parts.forEach((p, i) => {
      if (this.has(p) !== before[i]) this.onChange(p, !before[i]);
    });
  }

  destroy(): void {
    this.abort.abort();
    this.observer?.disconnect();
    this.observer = null;
  }
}
