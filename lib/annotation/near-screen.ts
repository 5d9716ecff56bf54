/**
 * Which parts of a long article are on screen or near it: the paragraph groups (or the
 * paragraphs, where there are no groups) within a quarter of the text frame's height of what
 * the frame shows (it scrolls on its own, `.text-frame` in app/exercise.css; a frame that did
 * not would show, and register, everything). The painter registers only their
 * highlights, because the browser rebuilds every registered highlight on each change of any
 * of them (decision 6); far from the screen nothing is drawn anyway.
 *
 * Told to the caller as each part comes near or goes; while the page prints, every part counts
 * as near. Framework-free, beside the annotator and the painter.
 */
export class NearScreen {
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver;
  private printing = false;
  private readonly abort = new AbortController();

  constructor(
    container: HTMLElement,
    private readonly parts: readonly Element[],
    private readonly onChange: (part: Element, near: boolean) => void,
  ) {
    this.observer = new IntersectionObserver((entries) => this.update(entries), {
      root: container,
      // Far enough ahead for reading and scrolling; each part more costs every change a little
      // (measured at 4x: label pen median about 22.6 ms with a quarter, 24.7 with a whole screen).
      rootMargin: '25% 0px',
    });
    for (const part of parts) this.observer.observe(part);
    const win = container.ownerDocument.defaultView;
    if (!win) return;
    const { signal } = this.abort;
    win.addEventListener('beforeprint', () => this.setPrinting(true), { signal });
    win.addEventListener('afterprint', () => this.setPrinting(false), { signal });
  }

  /** Whether a part counts as near the screen now. */
  has(part: Element): boolean {
    return this.printing || this.near.has(part);
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
    this.observer.disconnect();
  }
}
