/* plan.js — the household plan (plan.html): several worries at once.
 *
 * The selection lives in the address, plan.html?topics=kaigo,shishutsu&main=kaigo
 * (main = the ◎ topic), so a plan can be shared, bookmarked and linked from
 * search. Without JavaScript the checkboxes still show each ticked topic's
 * desks (CSS :has); this adds the desks that cover several topics, where to
 * start, the ◎ topic first and the printed date. Nothing is stored.
 *
 * A large directory (data-plan-load on the page) keeps each topic's desks
 * in plan/<topic>.js, added as a <script> when the topic is ticked: a script
 * loads from file:// where a fetch of JSON would not. Without JavaScript its
 * ticked topics link to the topic pages instead. */
(function () {
  'use strict';

  /** Topic ids and the ◎ topic from a query string; accepts
   * topics=a,b and topics=a&topics=b (what the form itself sends). */
  function parse(search) {
    var p = new URLSearchParams(search);
    var ids = [];
    p.getAll('topics').forEach(function (v) {
      v.split(',').forEach(function (x) {
        x = x.trim();
        if (x && ids.indexOf(x) < 0) ids.push(x);
      });
    });
    return { topics: ids, main: p.get('main') || '' };
  }

  function query(topics, main) {
    if (!topics.length) return '';
    return '?topics=' + topics.map(encodeURIComponent).join(',') +
      (main ? '&main=' + encodeURIComponent(main) : '');
  }

  function words(el, name) {
    return (el.getAttribute(name) || '').split(' ').filter(Boolean);
  }

  /** Desks shown in 「いくつもの困りごとにまとめて対応する窓口」 at most: a
   * large directory can have thousands covering two topics. */
  var MULTI_MAX = 100;

  function start() {
    var plan = document.querySelector('[data-plan]');
    if (!plan) return;
    var all = function (sel) { return Array.prototype.slice.call(plan.querySelectorAll(sel)); };
    var boxes = all('input[name=topics]');
    var mains = all('input[name=main]');
    var sections = all('[data-plan-topic]');
    var list = plan.querySelector('[data-plan-agencies]');
    var loadBase = plan.getAttribute('data-plan-load');
    var loaded = {};
    var listed = {};
    var hoursBox = document.querySelector('[data-plan-hours]');
    var multiMore = plan.querySelector('[data-plan-multi-more]');
    var multi = plan.querySelector('[data-plan-multi]');
    var best = plan.querySelector('[data-plan-best]');
    var status = plan.querySelector('[data-plan-status]');
    var share = plan.querySelector('[data-plan-share]');
    var shareLink = plan.querySelector('[data-plan-share-link]');
    var summary = plan.querySelector('[data-plan-summary]');
    var date = plan.querySelector('[data-plan-date]');
    var sheets = all('[data-plan-sheet]');
    var root = plan.getAttribute('data-root') || '';
    var label = {};
    boxes.forEach(function (b) { label[b.value] = plan.querySelector('label[for="' + b.id + '"]').textContent; });

    var st = parse(location.search);
    boxes.forEach(function (b) { b.checked = st.topics.indexOf(b.value) >= 0; });
    mains.forEach(function (r) { r.checked = r.value === st.main && st.topics.indexOf(r.value) >= 0; });

    /** Moves a loaded topic's desks into its section, its not yet listed
     * desks into the multi-topic list and its open-now data into the page. */
    function ingest(t) {
      var html = (window.tsunaguPlanTopics || {})[t];
      var body = plan.querySelector('[data-plan-body="' + t + '"]');
      if (typeof html !== 'string' || !body) return false;
      var box = document.createElement('div');
      box.innerHTML = html;
      var entries = box.querySelector('[data-plan-entries]');
      body.textContent = '';
      while (entries && entries.firstChild) body.appendChild(entries.firstChild);
      // A desk handling several topics is in each topic's script: list it once.
      Array.prototype.forEach.call(box.querySelectorAll('.plan-agency'), function (li) {
        var id = li.getAttribute('data-agency');
        if (listed[id]) return;
        listed[id] = true;
        list.appendChild(li);
      });
      Array.prototype.forEach.call(box.querySelectorAll('script[type="application/json"]'), function (s) {
        if (hoursBox && !document.getElementById(s.id)) hoursBox.appendChild(s);
      });
      if (window.TsunaguOpenNow) {
        window.TsunaguOpenNow.render(body, Date.now());
        window.TsunaguOpenNow.render(list, Date.now());
      }
      return true;
    }

    /** Starts loading the ticked topics not loaded yet; returns how many
     * are still on their way. */
    function load(ticked) {
      if (loadBase === null) return 0;
      var pending = 0;
      ticked.forEach(function (t) {
        if (!loaded[t]) {
          loaded[t] = 'loading';
          var note = plan.querySelector('[data-plan-body="' + t + '"] [data-plan-note]');
          if (note) note.insertBefore(document.createTextNode('読み込んでいます… '), note.firstChild);
          var s = document.createElement('script');
          s.src = loadBase + encodeURIComponent(t) + '.js';
          s.onload = function () {
            loaded[t] = ingest(t) ? 'done' : 'failed';
            update(false);
          };
          // The section keeps its link to the topic's pages.
          s.onerror = function () { loaded[t] = 'failed'; update(false); };
          document.head.appendChild(s);
        }
        if (loaded[t] === 'loading') pending += 1;
      });
      return pending;
    }

    function update(write) {
      var mainBox = mains.filter(function (r) { return r.checked; })[0];
      var main = mainBox ? mainBox.value : '';
      // ◎ on an unticked topic ticks it; unticking a topic drops its ◎.
      boxes.forEach(function (b) {
        if (b.value === main && write === 'main') b.checked = true;
        if (b.value === main && !b.checked) { mainBox.checked = false; main = ''; }
      });
      var ticked = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      var pending = load(ticked);
      var agencies = all('.plan-agency');

      // Topic sections: the ◎ one first, then in list order.
      sections.sort(function (a, b) {
        var ma = a.getAttribute('data-plan-topic') === main ? 0 : 1;
        var mb = b.getAttribute('data-plan-topic') === main ? 0 : 1;
        return ma - mb || boxes.map(function (x) { return x.value; }).indexOf(a.getAttribute('data-plan-topic')) -
          boxes.map(function (x) { return x.value; }).indexOf(b.getAttribute('data-plan-topic'));
      });
      sections.forEach(function (s) {
        s.parentNode.appendChild(s);
        s.querySelector('[data-plan-main-mark]').hidden = s.getAttribute('data-plan-topic') !== main;
      });

      // Desks by how many of the ticked topics they cover; then ★ in one of
      // them, then the ◎ topic, then the list's own order.
      var scored = agencies.map(function (li, i) {
        var topics = words(li, 'data-topics');
        var covered = ticked.filter(function (t) { return topics.indexOf(t) >= 0; });
        var stars = words(li, 'data-star').filter(function (t) { return ticked.indexOf(t) >= 0; });
        return { li: li, i: i, n: covered.length, stars: stars.length, main: covered.indexOf(main) >= 0 ? 1 : 0 };
      });
      scored.sort(function (a, b) {
        return b.n - a.n || b.stars - a.stars || b.main - a.main || a.i - b.i;
      });
      var several = 0;
      scored.forEach(function (s) {
        list.appendChild(s.li);
        s.li.hidden = s.n < 2 || several >= MULTI_MAX;
        if (s.n >= 2) several += 1;
        s.li.querySelector('[data-plan-count]').textContent = '選んだ困りごとのうち ' + s.n + ' つに対応';
        Array.prototype.forEach.call(s.li.querySelectorAll('[data-topic]'), function (m) {
          m.hidden = ticked.indexOf(m.getAttribute('data-topic')) < 0;
        });
      });
      multi.hidden = ticked.length < 2 || several === 0;
      if (multiMore) {
        multiMore.hidden = several <= MULTI_MAX;
        multiMore.textContent = several > MULTI_MAX
          ? 'ほかに ' + (several - MULTI_MAX) + ' か所あります。対応する困りごとの多い順に ' + MULTI_MAX + ' か所を表示しています。'
          : '';
      }

      var top = scored[0] && scored[0].n > 0 ? scored[0] : null;
      best.textContent = '';
      best.hidden = !top;
      if (top) {
        var a = top.li.querySelector('h3 a');
        best.appendChild(document.createTextNode('選んだ困りごとにいちばん多く対応する窓口：'));
        var link = document.createElement('a');
        link.href = a.getAttribute('href');
        link.textContent = a.textContent;
        best.appendChild(link);
        best.appendChild(document.createTextNode('（' + ticked.length + ' つのうち ' + top.n + ' つ）'));
      }

      var q = query(ticked, main);
      status.textContent = (ticked.length ? ticked.length + ' つの困りごとを選んでいます。' : '困りごとを選んでください。') +
        (pending ? '窓口を読み込んでいます…' : '');
      summary.textContent = ticked.length ? '選んだ困りごと：' + ticked.map(function (t) {
        return (t === main ? '◎' : '○') + label[t];
      }).join('、') : '';
      share.hidden = !ticked.length;
      shareLink.href = root + 'plan.html' + q;
      shareLink.textContent = ticked.map(function (t) { return label[t]; }).join('・') + ' の相談先';
      // The referral sheet gets topic and agency ids only, never personal data.
      var refer = [];
      if (top) refer.push(top.li.getAttribute('data-agency'));
      ticked.forEach(function (t) {
        var s = plan.querySelector('[data-plan-topic="' + t + '"] [data-star]');
        var id = s && s.getAttribute('data-agency');
        if (id && refer.indexOf(id) < 0) refer.push(id);
      });
      sheets.forEach(function (a) {
        var base = a.getAttribute('href').split('?')[0];
        a.href = base + (q ? q + (refer.length ? '&agencies=' + refer.join(',') : '') : '');
      });
      if (write && location.search !== q) {
        try {
          history.replaceState(null, '', q || location.pathname);
        } catch (e) { /* some file:// set-ups refuse; the share link still works */ }
      }
    }

    var d = new Date();
    date.textContent = '印刷日：' + d.getFullYear() + '年' + (d.getMonth() + 1) + '月' + d.getDate() + '日';
    plan.addEventListener('change', function (e) { update(e.target.name === 'main' ? 'main' : 'topic'); });
    update(false);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
