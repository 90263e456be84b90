/* ふりがな and やさしい日本語 switches. The choice is a display preference
 * kept on this device only (localStorage; not personal data). Loaded in
 * <head> without defer so the page never flashes the other way. */
(function () {
  'use strict';
  var html = document.documentElement;
  var PREFS = ['ruby', 'easy'];
  function stored(k) {
    try { return window.localStorage.getItem('tsunagu-' + k) === '1'; } catch (e) { return false; }
  }
  function store(k, on) {
    try { window.localStorage.setItem('tsunagu-' + k, on ? '1' : '0'); } catch (e) { /* storage off: this page only */ }
  }
  PREFS.forEach(function (k) { if (stored(k)) html.classList.add(k + '-on'); });
  function start() {
    var box = document.querySelector('[data-reading-switches]');
    if (!box) return;
    var has = { ruby: !!document.querySelector('rt'), easy: !!document.querySelector('.easy-text') };
    var any = false;
    Array.prototype.forEach.call(box.querySelectorAll('[data-pref]'), function (b) {
      var k = b.getAttribute('data-pref');
      if (!has[k]) { b.hidden = true; return; }
      any = true;
      b.setAttribute('aria-pressed', String(html.classList.contains(k + '-on')));
      b.addEventListener('click', function () {
        var on = !html.classList.contains(k + '-on');
        html.classList.toggle(k + '-on', on);
        b.setAttribute('aria-pressed', String(on));
        store(k, on);
      });
    });
    box.hidden = !any;
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
