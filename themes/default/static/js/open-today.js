/* 今日開いている窓口: hides the desks with no opening today (Japan time:
 * a day off, a holiday or a closure), using open-now.js's data and logic.
 * Desks whose hours are not stated or cannot be read stay listed. */
(function () {
  'use strict';
  var SHUT_ALL_DAY = { dayoff: true, holiday: true, closure: true };
  function start() {
    var list = document.querySelector('[data-open-today]');
    var status = document.querySelector('[data-open-today-status]');
    var lib = window.TsunaguOpenNow;
    if (!list || !lib) return;
    var shown = 0;
    Array.prototype.forEach.call(list.children, function (li) {
      var badge = li.querySelector('[data-open-now]');
      var el = badge && document.getElementById(badge.getAttribute('data-open-now'));
      var shut = false;
      if (el) {
        try {
          shut = !!SHUT_ALL_DAY[lib.status(JSON.parse(el.textContent), Date.now()).state];
        } catch (e) {
          shut = false;
        }
      }
      li.hidden = shut;
      if (!shut) shown += 1;
    });
    // One page of a long list says so, and points to the next pages.
    var paged = list.hasAttribute('data-open-today-paged');
    if (status) {
      status.textContent = shown
        ? (paged ? 'このページで' : '') + '今日受付のある窓口（受付時間の書かれていない窓口を含む）：' + shown + '件'
        : paged
          ? 'このページに今日受付のある窓口はありません。ほかのページか、下の24時間の電話をご利用ください。'
          : '今日受付のある窓口はありません。下の24時間の電話をご利用ください。';
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
