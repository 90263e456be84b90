/* "今開いている窓口だけ表示" on topic pages: hides entries whose desk is
 * closed right now (Japan time), using the same data and logic as the
 * open-now badges (open-now.js). Without JavaScript the control stays
 * hidden and every entry is listed. */
(function () {
  'use strict';
  function start() {
    var box = document.querySelector('[data-open-filter]');
    var lib = window.TsunaguOpenNow;
    if (!box || !lib) return;
    var toggle = box.querySelector('[data-open-filter-toggle]');
    var status = box.querySelector('[data-open-filter-status]');
    var entries = Array.prototype.slice.call(document.querySelectorAll('.entry-list > li'));
    box.hidden = false;

    function openNow(li) {
      var badge = li.querySelector('[data-open-now]');
      if (!badge) return false;
      var el = document.getElementById(badge.getAttribute('data-open-now'));
      try {
        return !!(el && lib.isOpen(JSON.parse(el.textContent), Date.now()));
      } catch (e) {
        return false;
      }
    }

    function apply() {
      var shown = 0;
      entries.forEach(function (li) {
        var show = !toggle.checked || openNow(li);
        li.hidden = !show;
        if (show) shown += 1;
      });
      status.textContent = toggle.checked
        ? (shown ? '今開いている窓口は ' + shown + ' 件です。' : '今開いている窓口はありません。電話の受付時間をご確認ください。')
        : '';
    }
    toggle.addEventListener('change', apply);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
