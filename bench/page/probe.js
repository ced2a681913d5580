// Installed in every benchmarked page before its own scripts run (playwright's addInitScript):
// records what the benchmark reads afterwards, from inside the page, so that no round trip to
// the driver blurs the timings.
(() => {
  const probe = { longTasks: [], paintedAfter: {}, wasmMemory: null };
  window.__bench = probe;

  // When the next frame is painted, near enough: a requestAnimationFrame callback runs as the
  // browser starts rendering a frame; forcing style and layout there does at once what the frame
  // would do next, so the time after it is when painting starts (recording the paint is quick
  // next to layout). A task queued from the callback would run after the frame, but only after
  // the tasks already queued, and right after its first list frame the app runs one that takes
  // seconds, which would be counted. Both the app and the baseline pages are timed this way.
  probe.nextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        document.documentElement.getBoundingClientRect();
        resolve(performance.now());
      }),
    );

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });

  // The app marks its milestones with performance.mark (through wasm-bindgen, which looks the
  // method up on the object each call): the first time each mark is set, note when the next
  // frame is painted. A PerformanceObserver would report the mark only after that frame.
  const mark = Performance.prototype.mark;
  Performance.prototype.mark = function (name, ...rest) {
    const entry = mark.call(this, name, ...rest);
    if (!(name in probe.paintedAfter)) {
      probe.paintedAfter[name] = null;
      probe.nextPaint().then((time) => {
        probe.paintedAfter[name] = time;
      });
    }
    return entry;
  };

  // trunk's loader announces the started app with the wasm module's exports, memory included.
  addEventListener('TrunkApplicationStarted', (event) => {
    probe.wasmMemory = event.detail?.wasm?.memory ?? null;
  });
})();
