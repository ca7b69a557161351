// jsdom lacks ResizeObserver, which Fluent's MessageBar uses for reflow; a no-op stand-in suffices here
// (layout itself is tested in real Chromium by the e2e suite).
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;
