/* plan.js — the household plan (plan.html): several worries at once.
 *
 * The selection lives in the address, plan.html?topics=kaigo,shishutsu&main=kaigo
 * (main = the ◎ topic), so a plan can be shared, bookmarked and linked from
 * search. Without JavaScript the checkboxes still show each ticked topic's
 * desks (CSS :has); this adds the desks that cover several topics, where to
 * start, the ◎ topic first and the printed date. Nothing is stored. */
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

  function start() {
    var plan = document.querySelector('[data-plan]');
    if (!plan) return;
    var all = function (sel) { return Array.prototype.slice.call(plan.querySelectorAll(sel)); };
    var boxes = all('input[name=topics]');
    var mains = all('input[name=main]');
    var sections = all('[data-plan-topic]');
    var list = plan.querySelector('[data-plan-agencies]');
    var agencies = all('.plan-agency');
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

    function update(write) {
      var mainBox = mains.filter(function (r) { return r.checked; })[0];
      var main = mainBox ? mainBox.value : '';
      // ◎ on an unticked topic ticks it; unticking a topic drops its ◎.
      boxes.forEach(function (b) {
        if (b.value === main && write === 'main') b.checked = true;
        if (b.value === main && !b.checked) { mainBox.checked = false; main = ''; }
      });
      var ticked = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });

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
        s.li.hidden = s.n < 2;
        if (s.n >= 2) several += 1;
        s.li.querySelector('[data-plan-count]').textContent = '選んだ困りごとのうち ' + s.n + ' つに対応';
        Array.prototype.forEach.call(s.li.querySelectorAll('[data-topic]'), function (m) {
          m.hidden = ticked.indexOf(m.getAttribute('data-topic')) < 0;
        });
      });
      multi.hidden = ticked.length < 2 || several === 0;

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
      status.textContent = ticked.length ? ticked.length + ' つの困りごとを選んでいます。' : '困りごとを選んでください。';
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
