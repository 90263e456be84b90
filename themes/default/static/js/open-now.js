/*
 * open-now.js — the 「開いています / 本日の受付は終了しました / 次の受付」 badge.
 *
 * Reads the hours JSON that tsunagu embeds (see docs/hours.md) and computes
 * the status in Japan time (UTC+9, no daylight saving) whatever the
 * viewer's time zone. No dependencies, no build step; works from file://.
 *
 * Markup: <span data-open-now="hours-id" hidden></span> with
 * <script type="application/json" id="hours-id">{…}</script>, or the JSON
 * itself in the attribute. Without JavaScript the badge stays hidden and
 * the timetable alone is shown.
 */
(function (root) {
  'use strict';

  var DAY_MS = 86400000;
  var JST_MS = 9 * 3600000;
  var MIN_PER_DAY = 1440;
  var DAYS = ['日', '月', '火', '水', '木', '金', '土'];

  function toMinutes(hhmm) {
    var p = String(hhmm).split(':');
    return Number(p[0]) * 60 + Number(p[1]);
  }

  function clock(min) {
    var m = ((min % MIN_PER_DAY) + MIN_PER_DAY) % MIN_PER_DAY;
    var mm = m % 60;
    return Math.floor(m / 60) + ':' + (mm < 10 ? '0' : '') + mm;
  }

  // Day number counted in Japan dates, so day boundaries fall at JST midnight.
  function dateOf(day) {
    return new Date(day * DAY_MS);
  }

  function isoDate(day) {
    return dateOf(day).toISOString().slice(0, 10);
  }

  function kindOf(data, day) {
    var key = isoDate(day);
    if ((data.closures || []).indexOf(key) >= 0) return 'closure';
    if ((data.holidays || []).indexOf(key) >= 0) return 'holiday';
    return 'regular';
  }

  /** Opening ranges [openMin, closeMin] that start on `day`, holidays and closures applied. */
  function rangesOn(data, day) {
    var kind = kindOf(data, day);
    if (kind === 'closure' && data.observeClosures) return [];
    var holiday = (data.holidays || []).indexOf(isoDate(day)) >= 0;
    var d = dateOf(day);
    var dow = d.getUTCDay();
    var nth = Math.floor((d.getUTCDate() - 1) / 7) + 1;
    var out = [];
    (data.rules || []).forEach(function (rule) {
      if (rule.weeks && rule.weeks.length && rule.weeks.indexOf(nth) < 0) return;
      var applies = holiday ? rule.hol : rule.days.indexOf(dow) >= 0;
      if (!applies) return;
      rule.ranges.forEach(function (r) {
        out.push([toMinutes(r[0]), toMinutes(r[1])]);
      });
    });
    return out.sort(function (a, b) { return a[0] - b[0]; });
  }

  function intervals(data, day) {
    return rangesOn(data, day).map(function (r) {
      return [day * MIN_PER_DAY + r[0], day * MIN_PER_DAY + r[1]];
    });
  }

  function find(list, pred) {
    for (var i = 0; i < list.length; i++) if (pred(list[i])) return list[i];
    return null;
  }

  // Back-to-back ranges (24時間, overnight) count as one opening, up to a week.
  function extend(data, end) {
    for (var guard = 0; guard < 16; guard++) {
      var next = find(intervals(data, Math.floor(end / MIN_PER_DAY)), function (iv) {
        return iv[0] <= end && end < iv[1];
      });
      if (!next) break;
      end = next[1];
    }
    return end;
  }

  /**
   * Status at `nowMs` (epoch milliseconds). Minutes are counted from the
   * epoch in Japan time.
   * { open, until, next, state: 'open'|'later'|'ended'|'holiday'|'closure'|'dayoff', now }
   */
  function status(data, nowMs) {
    var now = Math.floor((nowMs + JST_MS) / 60000);
    var today = Math.floor(now / MIN_PER_DAY);
    var current = find(intervals(data, today - 1).concat(intervals(data, today)), function (iv) {
      return iv[0] <= now && now < iv[1];
    });
    if (current) return { open: true, state: 'open', until: extend(data, current[1]), next: null, now: now };
    var next = null;
    for (var day = today; day < today + 400 && next === null; day++) {
      var iv = find(intervals(data, day), function (x) { return x[0] > now; });
      if (iv) next = iv[0];
    }
    var todays = rangesOn(data, today);
    var state;
    if (todays.length) {
      state = next !== null && Math.floor(next / MIN_PER_DAY) === today ? 'later' : 'ended';
    } else {
      var kind = kindOf(data, today);
      state = kind === 'regular' || (kind === 'closure' && !data.observeClosures) ? 'dayoff' : kind;
    }
    return { open: false, state: state, until: null, next: next, now: now };
  }

  function when(next, now) {
    var today = Math.floor(now / MIN_PER_DAY);
    var day = Math.floor(next / MIN_PER_DAY);
    var d = dateOf(day);
    if (day === today) return '本日 ' + clock(next);
    if (day - today < 7) return DAYS[d.getUTCDay()] + '曜 ' + clock(next);
    return (d.getUTCMonth() + 1) + '月' + d.getUTCDate() + '日（' + DAYS[d.getUTCDay()] + '）' + clock(next);
  }

  var HEADS = {
    later: '現在は受付時間外です',
    ended: '本日の受付は終了しました',
    holiday: '本日は祝日のため休みです',
    closure: '本日は休業日です',
    dayoff: '本日は休みです'
  };

  /** The badge text for a status. */
  function describe(st) {
    if (st.open) {
      if (st.until - st.now > MIN_PER_DAY) return '開いています';
      var nextDay = Math.floor(st.until / MIN_PER_DAY) > Math.floor(st.now / MIN_PER_DAY);
      return '開いています（' + (nextDay && st.until % MIN_PER_DAY ? '翌' : '') + clock(st.until) + 'まで）';
    }
    var head = HEADS[st.state];
    return st.next === null ? head : head + '。次の受付: ' + when(st.next, st.now);
  }

  function isOpen(data, nowMs) {
    return status(data, nowMs).open;
  }

  function readData(el, doc) {
    var ref = el.getAttribute('data-open-now') || '';
    var text = ref.charAt(0) === '{' ? ref : (doc.getElementById(ref) || {}).textContent;
    try {
      return text ? JSON.parse(text) : null;
    } catch (e) {
      return null;
    }
  }

  /** Fills every [data-open-now] element under `scope`. */
  function render(scope, nowMs) {
    var doc = scope.ownerDocument || scope;
    var els = scope.querySelectorAll('[data-open-now]');
    for (var i = 0; i < els.length; i++) {
      var data = readData(els[i], doc);
      if (!data || data.v !== 1) continue;
      var st = status(data, nowMs);
      els[i].textContent = describe(st);
      els[i].setAttribute('data-open-state', st.open ? 'open' : 'closed');
      els[i].hidden = false;
    }
  }

  var api = { status: status, describe: describe, isOpen: isOpen, rangesOn: rangesOn, render: render };
  root.TsunaguOpenNow = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;

  if (typeof document !== 'undefined') {
    var start = function () {
      render(document, Date.now());
      // Keep the badge right on a page left open across opening or closing time.
      setInterval(function () { render(document, Date.now()); }, 60000);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
})(typeof globalThis !== 'undefined' ? globalThis : this);
