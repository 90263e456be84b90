/* lookup.js — 「お住まいの地域の窓口」: a town (kanji or kana) or a postal
 * code → the offices serving it, per topic. The data is a script
 * (static/lookup-data.js sets window.TSUNAGU_LOOKUP) so that this works from
 * file:// without a server. What is typed is not sent, stored or put in the
 * address.
 *
 * Any element [data-lookup] is a picker; [data-lookup-slot="topic-id"]
 * elements receive that topic's offices for the chosen town (the plan page
 * has one per topic); [data-lookup-results] receives every topic. */
(function () {
  'use strict';
  var D = window.TSUNAGU_LOOKUP;
  var MAX_CHOICES = 30;

  function norm(s) {
    s = (s || '').normalize('NFKC').replace(/[\s\u3000]+/g, '');
    return s.replace(/[\u30a1-\u30f6]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0x60);
    });
  }

  /** Digits of a postal code being typed (3 to 7), or null. */
  function postal(q) {
    var t = q.replace(/^〒/, '').replace(/[-‐−ー]/g, '');
    return /^\d{3,7}$/.test(t) ? t : null;
  }

  /** Distinct (town, area) choices for what was typed, best first. */
  function find(raw) {
    var q = norm(raw);
    if (!q) return [];
    var p = postal(q);
    var seen = {};
    var out = [];
    D.towns.forEach(function (t) {
      var name = t[0], reading = t[1], code = t[2];
      var rank;
      if (p) rank = code && code.indexOf(p) === 0 ? (code === p ? 0 : 1) : -1;
      else if (name === q || reading === q) rank = 0;
      else if (name.length >= 2 && q.indexOf(name) >= 0) rank = 1; // 岡山市北区いずみ町
      else if (name.indexOf(q) === 0 || (reading && reading.indexOf(q) === 0)) rank = 2;
      else if (name.indexOf(q) >= 0) rank = 3;
      else rank = -1;
      if (rank < 0) return;
      var key = name + '\u0000' + t[3];
      if (seen[key] !== undefined) {
        var c = out[seen[key]];
        c.rank = Math.min(c.rank, rank);
        if (code && c.codes.indexOf(code) < 0) c.codes.push(code);
        return;
      }
      seen[key] = out.length;
      out.push({ name: name, reading: reading, area: t[3], codes: code ? [code] : [], rank: rank });
    });
    if (!out.length && !p) {
      D.areas.forEach(function (a, i) {
        if (!a.whole && (a.name.indexOf(q) >= 0 || a.reading.indexOf(q) === 0)) {
          out.push({ name: a.name, reading: a.reading, area: i, codes: [], rank: 2, isArea: true });
        }
      });
    }
    out.sort(function (a, b) { return a.rank - b.rank || a.reading.localeCompare(b.reading, 'ja'); });
    // One clear best match is the answer; otherwise the person chooses.
    if (out.length > 1 && out[0].rank < out[1].rank && out[0].rank <= 1) return out.slice(0, 1);
    return out;
  }

  /** The area, the wider areas it lies in, and the whole city. */
  function chain(a) {
    var out = [];
    for (var i = a; i !== null && i !== undefined && out.indexOf(i) < 0; i = D.areas[i].parent) out.push(i);
    D.areas.forEach(function (x, j) { if (x.whole && out.indexOf(j) < 0) out.push(j); });
    return out;
  }

  function within(area, outer) {
    for (var i = D.areas[area].parent; i !== null && i !== undefined; i = D.areas[i].parent) {
      if (i === outer) return true;
    }
    return false;
  }

  /** For one topic: offices serving the area, offices of a narrower area
   * inside it (the town list does not say which), and offices whose area
   * the list does not give. */
  function officesFor(topicId, area) {
    var topic = D.topics.filter(function (t) { return t.id === topicId; })[0];
    var res = { topic: topic, serve: [], maybe: [], unknown: [] };
    if (!topic) return res;
    var ch = chain(area);
    topic.offices.forEach(function (o) {
      if (o.areas.some(function (a) { return ch.indexOf(a) >= 0; })) res.serve.push(o);
      else if (o.areas.some(function (a) { return within(a, area); })) res.maybe.push(o);
      else if (!o.areas.length) res.unknown.push(o);
    });
    return res;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function officeItem(o, root, quiet) {
    var li = el('li', 'office');
    var name = el('p', 'office-name');
    var a = el('a', null, o.office || o.agency);
    a.href = root + o.url;
    name.appendChild(a);
    if (o.office) name.appendChild(document.createTextNode('（' + o.agency + '）'));
    if (o.status) { name.appendChild(document.createTextNode(' ')); name.appendChild(el('span', 'status-badge', o.status)); }
    li.appendChild(name);
    if (quiet) {
      if (o.hours) li.appendChild(el('p', 'office-hours', '受付時間：' + o.hours));
      return li;
    }
    var p = el('p', 'office-phone');
    if (o.phones.length) {
      o.phones.forEach(function (ph, i) {
        if (i) p.appendChild(document.createTextNode('、'));
        var t = el('a', 'phone', ph.number);
        t.href = 'tel:' + ph.tel.replace(/^tel:/, '');
        p.appendChild(t);
        if (ph.label) p.appendChild(document.createTextNode('（' + ph.label + '）'));
      });
    } else {
      p.textContent = o.status ? '電話：まだありません' : '電話番号はこの一覧にまだ載っていません';
      p.className += ' no-phone';
    }
    li.appendChild(p);
    if (o.hours) li.appendChild(el('p', 'office-hours', '受付時間：' + o.hours));
    return li;
  }

  /** The offices; when none has a number, that is said once, not per office. */
  function list(items, root) {
    var frag = document.createDocumentFragment();
    var quiet = !items.some(function (o) { return o.phones.length; });
    if (quiet) frag.appendChild(el('p', 'no-phone', 'どの窓口も、電話番号はこの一覧にまだ載っていません。'));
    var ul = el('ul', 'office-list office-list-compact');
    items.forEach(function (o) { ul.appendChild(officeItem(o, root, quiet)); });
    frag.appendChild(ul);
    return frag;
  }

  /** The offices of one topic for the chosen area, as a block. */
  function topicBlock(topicId, area, root, heading, onlyLocal) {
    var r = officesFor(topicId, area);
    if (onlyLocal) {
      var whole = r.serve.filter(function (o) { return !local(o); }).length;
      r.serve = r.serve.filter(local);
      r.unknown = r.unknown.filter(local);
    }
    var box = el('div', 'lookup-topic');
    if (!r.topic) return box;
    if (heading) {
      var h = el('h3');
      var a = el('a', null, r.topic.label);
      a.href = root + r.topic.url;
      h.appendChild(a);
      box.appendChild(h);
    }
    if (r.serve.length) box.appendChild(list(r.serve, root));
    if (r.maybe.length) {
      var kinds = [];
      r.maybe.forEach(function (o) {
        o.areas.forEach(function (a) { var k = D.areas[a].kind; if (kinds.indexOf(k) < 0) kinds.push(k); });
      });
      box.appendChild(el('p', 'lookup-note', 'この町がどの' + kinds.join('・') + 'かは、この一覧ではわかりません。' + D.areas[area].name + 'にある窓口：'));
      box.appendChild(list(r.maybe, root));
    }
    if (r.unknown.length) {
      box.appendChild(el('p', 'lookup-note', '担当地域がこの一覧に載っていない窓口：'));
      box.appendChild(list(r.unknown, root));
    }
    // A group none of whose offices serves this area: named, not dropped.
    var shown = r.serve.concat(r.maybe, r.unknown).map(function (o) { return o.url; });
    var missing = [];
    r.topic.offices.forEach(function (o) {
      if (o.office && shown.indexOf(o.url) < 0 && missing.indexOf(o) < 0 &&
          !missing.some(function (m) { return m.url === o.url; })) missing.push(o);
    });
    missing.forEach(function (o) {
      var p = el('p', 'lookup-note');
      var a = el('a', null, o.agency);
      a.href = root + o.url;
      p.appendChild(a);
      p.appendChild(document.createTextNode('：' + D.areas[area].name + 'の窓口は、この一覧にまだ載っていません。'));
      box.appendChild(p);
    });
    if (!r.serve.length && !r.maybe.length && !r.unknown.length && !missing.length) {
      box.appendChild(el('p', 'lookup-note', 'この地域の窓口は、この一覧にまだ載っていません。'));
    }
    if (onlyLocal && whole) {
      var more = el('p', 'lookup-more');
      var a = el('a', null, 'ほかに市内全域の窓口が' + whole + 'か所あります（「' + r.topic.label + '」のページ）');
      a.href = root + r.topic.url;
      more.appendChild(a);
      box.appendChild(more);
    }
    return box;
  }

  function areaText(c) {
    var names = chain(c.area).filter(function (i) { return !D.areas[i].whole; })
      .map(function (i) { return D.areas[i].name; });
    return names.length ? names.join('・') : D.areas[c.area].name;
  }

  function show(picker, c) {
    var root = picker.getAttribute('data-root') || '';
    var status = picker.querySelector('[data-lookup-status]');
    var choices = picker.querySelector('[data-lookup-choices]');
    choices.textContent = '';
    choices.hidden = true;
    var label = c.name + (c.isArea ? '' : '（' + areaText(c) + '）');
    status.textContent = label + 'の窓口を表示しています。';
    document.querySelectorAll('[data-lookup-chosen]').forEach(function (e) {
      e.textContent = label;
    });
    document.querySelectorAll('[data-lookup-slot]').forEach(function (slot) {
      slot.textContent = '';
      var h = el('p', 'lookup-slot-heading', 'お住まいの地域（' + label + '）の窓口');
      slot.appendChild(h);
      slot.appendChild(topicBlock(slot.getAttribute('data-lookup-slot'), c.area, root, false));
      slot.hidden = false;
    });
    // The referral sheet picks the district office for its rows.
    document.dispatchEvent(new CustomEvent('tsunagu:town', { detail: { area: c.area, label: label } }));
    document.querySelectorAll('[data-lookup-results]').forEach(function (out) {
      out.textContent = '';
      var h = el('h2', null, label + 'の窓口');
      h.tabIndex = -1;
      out.appendChild(h);
      // Desks that serve the whole city are the same for every town: the
      // topic pages list them. Here only what depends on where one lives.
      var same = [];
      D.topics.forEach(function (t) {
        if (!t.offices.length) return;
        if (t.offices.some(local)) out.appendChild(topicBlock(t.id, c.area, root, true, true));
        else same.push(t);
      });
      if (same.length) {
        out.appendChild(el('p', 'lookup-note', '次の困りごとは、市内のどこに住んでいても同じ窓口です：'));
        var ul = el('ul', 'link-list lookup-same');
        same.forEach(function (t) {
          var li = el('li');
          var a = el('a', null, t.label);
          a.href = root + t.url;
          li.appendChild(a);
          ul.appendChild(li);
        });
        out.appendChild(ul);
      }
      out.hidden = false;
    });
    // The full list by area is for reading without JavaScript; with an
    // answer on screen it would only repeat it.
    document.querySelectorAll('[data-lookup-static]').forEach(function (e) { e.hidden = true; });
  }

  /** An office that serves part of the city, not all of it. */
  function local(o) {
    return o.office || o.areas.some(function (a) { return !D.areas[a].whole; });
  }

  function run(picker) {
    var input = picker.querySelector('input');
    var status = picker.querySelector('[data-lookup-status]');
    var choices = picker.querySelector('[data-lookup-choices]');
    var found = find(input.value);
    choices.textContent = '';
    if (!input.value.trim()) {
      status.textContent = '';
      choices.hidden = true;
      return;
    }
    if (found.length === 1) { show(picker, found[0]); return; }
    if (!found.length) {
      status.textContent = '「' + input.value.trim() + '」に合う町名・郵便番号が見つかりません。町名の一部（例：' +
        (D.towns[0] ? D.towns[0][0] : '') + '）か、郵便番号7けたで入力してください。';
      choices.hidden = true;
      return;
    }
    status.textContent = found.length > MAX_CHOICES
      ? found.length + '件あります。もう少しくわしく入力してください（はじめの' + MAX_CHOICES + '件）。'
      : found.length + '件あります。お住まいの町を選んでください。';
    found.slice(0, MAX_CHOICES).forEach(function (c) {
      var li = el('li');
      var b = el('button', 'lookup-choice');
      b.type = 'button';
      b.textContent = c.name + (c.isArea ? '' : '（' + areaText(c) + (c.codes.length ? '・〒' + c.codes[0].slice(0, 3) + '-' + c.codes[0].slice(3) : '') + '）');
      b.addEventListener('click', function () { show(picker, c); });
      li.appendChild(b);
      choices.appendChild(li);
    });
    choices.hidden = false;
  }

  function start() {
    if (!D) return;
    document.querySelectorAll('[data-lookup]').forEach(function (picker) {
      var form = picker.querySelector('form');
      var input = picker.querySelector('input');
      var timer;
      picker.hidden = false;
      form.addEventListener('submit', function (ev) { ev.preventDefault(); run(picker); });
      input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () { run(picker); }, 250);
      });
    });
  }

  window.tsunaguLookup = { find: find, officesFor: officesFor, norm: norm };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
