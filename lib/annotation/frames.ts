/**
 * Runs `work` in a task of its own once the next frame has been rendered (a task queued from
 * that frame's requestAnimationFrame callback), or in a task when the environment has no
 * frames. Returns the function that cancels it.
 *
 * An event handler that has painted what the reader asked for uses it for everything else
 * (the framework's updates, announcements, moving the selection), so that the frame that shows
 * the paint has nothing else to lay out or paint, and the event itself ends at once.
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(work, 0);
    return () => clearTimeout(timer as ReturnType<typeof setTimeout>);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
  };
}
