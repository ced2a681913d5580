// Installed before the page loads, after probe.js: notes when the page's main heading is first
// in the document and when the frame showing it has been painted. Parser-inserted elements are
// seen too, so a static page and the app are timed alike.
(() => {
  const probe = window.__bench;
  const observer = new MutationObserver(() => {
    const heading = document.querySelector('main h1');
    if (!heading) return;
    observer.disconnect();
    probe.headingInserted = performance.now();
    probe.nextPaint().then((time) => {
      probe.headingPainted = time;
      probe.headingVisible = heading.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();
