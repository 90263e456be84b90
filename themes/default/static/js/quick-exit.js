/* Quick exit (DV pages): leaves for the neutral page the site configures.
 * location.replace swaps this page out of the tab's history, so Back does
 * not return here. It cannot remove pages visited before this one, nor the
 * browser's history list, cache or open tabs: docs/content.md says so. */
(function () {
  'use strict';
  function leave(href) {
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be off */ }
    window.location.replace(href);
  }
  var link = document.querySelector('[data-quick-exit]');
  if (!link) return;
  link.addEventListener('click', function (e) {
    e.preventDefault();
    leave(link.href);
  });
  /* Escape pressed twice quickly also leaves: faster than finding the button. */
  var last = 0;
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var now = Date.now();
    if (now - last < 800) leave(link.href);
    last = now;
  });
})();
