// jsdom lacks ResizeObserver, which Fluent's MessageBar uses for reflow; a no-op stand-in suffices here
// (layout itself is tested in real Chromium by the e2e suite).
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

// Views and the catalogue load lazily (import()), and the catalogue is validated on load: on a loaded CI
// machine that can pass the Testing Library's 1 s default for findBy/waitFor. A ceiling, not a time assert.
// (From @testing-library/dom: importing the React package here, before the test framework, would skip its
// automatic cleanup.)
import { configure } from "@testing-library/dom";
configure({ asyncUtilTimeout: 5000 });
