/* sheet.js — a referral sheet (つなぐシート, 相談シート) filled in the browser
 * and printed. Opened from the plan, the address carries topic and agency
 * ids only (sheets/x.html?topics=a,b&main=a&agencies=c,d): the worries
 * come ticked and the 紹介先 rows come filled from the directory embedded in
 * the page. What a person types is never sent, stored or put in the address:
 * no requests, no storage, no cookies, autocomplete off.
 *
 * A large directory is not embedded: the page names a folder
 * (data-sheet-load) holding each topic's desks as a script, and the
 * scripts of the topics in the address are added, which works from file://.
 * Only topic ids go into those requests. */
(function () {
  'use strict';
  var ID = /^[a-z0-9][a-z0-9-]*$/;

  function ids(p, name) {
    var out = [];
    p.getAll(name).forEach(function (v) {
      v.split(',').forEach(function (x) {
        x = x.trim();
        if (ID.test(x) && out.indexOf(x) < 0) out.push(x);
      });
    });
    return out;
  }

  function numbers(list) {
    return (list || []).map(function (p) { return p.number; }).join('、');
  }

  /** The values a row gets for one agency, limited to the ticked topics. */
  function values(agency, topics) {
    var matters = agency.matters.filter(function (m) { return topics.indexOf(m.topic.id) >= 0; });
    if (!matters.length) matters = agency.matters.slice(0, 1);
    var first = matters[0] || {};
    var ms = first.staff || {};
    var as = agency.staff || {};
    var pick = function (f) {
      for (var i = 0; i < matters.length; i++) {
        var v = f(matters[i]);
        if (v) return v;
      }
      return '';
    };
    return {
      agency: agency.name,
      matter: matters.map(function (m) { return m.description; }).join('／'),
      primary: pick(function (m) { return m.staff && m.staff.primary; }),
      secondary: pick(function (m) { return m.staff && m.staff.secondary; }),
      phone: numbers(first.phones && first.phones.length ? first.phones : agency.phones),
      direct: numbers(ms.direct_lines && ms.direct_lines.length ? ms.direct_lines : as.direct_lines),
      extension: ((ms.extensions && ms.extensions.length ? ms.extensions : as.extensions) || []).join('、'),
      fax: agency.fax || '',
      hours: (first.hours && first.hours.text) || (agency.hours && agency.hours.text) || ''
    };
  }

  /** A row filled with a group (各福祉事務所) gets the office serving the
   * chosen town; when the town list cannot tell which, the candidates. */
  function district(rows, byId, topics, town) {
    var L = window.tsunaguLookup;
    var out = document.querySelector('[data-sheet-town]');
    if (!L) return;
    var done = [];
    rows.forEach(function (row) {
      var a = byId[row.getAttribute('data-sheet-agency')];
      if (!a || !a.offices || !a.offices.length) return;
      var ts = a.matters.map(function (m) { return m.topic.id; })
        .filter(function (t) { return !topics.length || topics.indexOf(t) >= 0; });
      var serve = [], maybe = [];
      ts.forEach(function (t) {
        var r = L.officesFor(t, town.area);
        r.serve.forEach(function (o) { if (o.office && o.agency === a.name && serve.indexOf(o) < 0) serve.push(o); });
        r.maybe.forEach(function (o) { if (o.office && o.agency === a.name && maybe.indexOf(o) < 0) maybe.push(o); });
      });
      var pick = serve.length ? serve : maybe;
      if (!pick.length) return;
      var set = function (k, v) {
        var input = row.querySelector('[data-fill="' + k + '"]');
        if (input) input.value = v;
      };
      set('agency', pick.map(function (o) { return o.office; }).join(' または ') + '（' + a.name + '）');
      set('phone', numbers(pick.length === 1 ? pick[0].phones : []));
      done.push(pick.length === 1 ? pick[0].office : a.name + '（' + pick.length + 'か所のいずれか）');
    });
    if (out) {
      out.textContent = done.length
        ? town.label + 'の窓口を紹介先に入れました：' + done.join('、')
        : town.label + 'の地域の窓口に置きかえる紹介先はありません。';
    }
  }

  function start() {
    var sheet = document.querySelector('[data-sheet]');
    if (!sheet) return;
    var p = new URLSearchParams(location.search);
    var topics = ids(p, 'topics');
    var main = ids(p, 'main')[0] || '';
    var agencies = ids(p, 'agencies');

    Array.prototype.forEach.call(sheet.querySelectorAll('[data-sheet-topic]'), function (box) {
      var t = box.getAttribute('data-sheet-topic');
      box.checked = Boolean(t) && topics.indexOf(t) >= 0;
    });
    Array.prototype.forEach.call(sheet.querySelectorAll('[data-sheet-main]'), function (r) {
      r.checked = Boolean(main) && r.getAttribute('data-sheet-main') === main;
    });

    var print = document.querySelector('[data-sheet-print]');
    if (print) {
      print.hidden = false;
      print.addEventListener('click', function () { window.print(); });
    }

    var embedded = document.getElementById('sheet-directory');
    var loadBase = embedded && embedded.getAttribute('data-sheet-load');
    if (loadBase === null || !topics.length) {
      var directory = [];
      try {
        directory = JSON.parse(embedded.textContent);
      } catch (e) { directory = []; }
      fill(directory, topics, agencies);
      return;
    }
    var left = topics.length;
    var done = function () {
      left -= 1;
      if (left > 0) return;
      var loaded = window.tsunaguSheetTopics || {};
      var all = [];
      topics.forEach(function (t) { all = all.concat(loaded[t] || []); });
      fill(all, topics, agencies);
    };
    topics.forEach(function (t) {
      var s = document.createElement('script');
      s.src = loadBase + t + '.js';
      s.onload = done;
      s.onerror = done;
      document.head.appendChild(s);
    });
  }

  /** Fills the 紹介先 rows with the agencies in the address, found in
   * `directory`. */
  function fill(directory, topics, agencies) {
    var sheet = document.querySelector('[data-sheet]');
    var byId = {};
    directory.forEach(function (a) { byId[a.id] = a; });
    var rows = Array.prototype.slice.call(sheet.querySelectorAll('[data-sheet-referral]'));
    var filled = [];
    agencies.filter(function (id) { return byId[id]; }).slice(0, rows.length).forEach(function (id, i) {
      var v = values(byId[id], topics);
      Array.prototype.forEach.call(rows[i].querySelectorAll('[data-fill]'), function (input) {
        input.value = v[input.getAttribute('data-fill')] || '';
      });
      rows[i].setAttribute('data-sheet-agency', id);
      filled.push(v.agency);
    });
    document.addEventListener('tsunagu:town', function (ev) { district(rows, byId, topics, ev.detail); });
    var status = document.querySelector('[data-sheet-prefill]');
    if (status && (topics.length || filled.length)) {
      status.textContent = (topics.length ? '選んだ困りごと ' + topics.length + ' 件に ○ をつけました。' : '') +
        (filled.length ? '紹介先に ' + filled.join('、') + ' を入れました。' : '');
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
