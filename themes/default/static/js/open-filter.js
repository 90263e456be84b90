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

    /* 'open', 'closed', or 'unknown' when the hours are not stated or
     * cannot be read: those desks stay listed, since hiding them would
     * suggest they are closed. */
    function state(li) {
      var badge = li.querySelector('[data-open-now]');
      var el = badge && document.getElementById(badge.getAttribute('data-open-now'));
      if (!el) return 'unknown';
      try {
        return lib.isOpen(JSON.parse(el.textContent), Date.now()) ? 'open' : 'closed';
      } catch (e) {
        return 'unknown';
      }
    }

    function apply() {
      var open = 0;
      var unknown = 0;
      entries.forEach(function (li) {
        var st = state(li);
        li.hidden = toggle.checked && st === 'closed';
        if (st === 'open') open += 1;
        if (st === 'unknown') unknown += 1;
      });
      if (!toggle.checked) {
        status.textContent = '';
        return;
      }
      status.textContent = (open
        ? '今開いている窓口は ' + open + ' 件です。'
        : '今開いている窓口はありません。電話の受付時間をご確認ください。') +
        (unknown ? '受付時間の記載がない窓口 ' + unknown + ' 件も表示しています。' : '');
    }
    toggle.addEventListener('change', apply);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
