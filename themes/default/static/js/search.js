/*
 * tsunagu search UI: progressive enhancement of <form data-search>.
 * Needs search-core.js loaded first. Loads the index manifest lazily (first focus, or
 * at once when the page URL has ?q=), then per query only the term shards and display
 * rows it needs, all with <script> tags, so it also works from file://.
 * Markup contract: docs/search.md.
 */
(function () {
  'use strict';

  var KIND_LABEL = { topic: '相談項目', agency: '機関', matter: '相談内容', program: '事業', roster: '名簿' };
  /* Ten rows fill a phone screen twice and draw in a few milliseconds; more
   * come on request, twenty at a time (the search runs again for them, so their
   * rows, and for a common word more of its lists, are fetched only then). */
  var FIRST_SHOWN = 10;
  var MORE_STEP = 20;
  var DEBOUNCE_MS = 150;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function clear(node) {
    node.textContent = ''; // one removal of all children, not one per child
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.async = true;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('tsunagu search: could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function enhance(form) {
    var core = window.TsunaguSearchCore;
    var input = form.querySelector('input[name="q"]');
    var section = document.getElementById(form.getAttribute('data-results') || 'search-results');
    if (!input || !section) return; // no results region on this page: plain GET to search.html
    var list = section.querySelector('ol');
    var status = section.querySelector('[role="status"]');
    if (!list) {
      list = el('ol');
      section.appendChild(list);
    }
    if (!status) {
      status = el('p', 'search-status');
      status.setAttribute('role', 'status');
      section.insertBefore(status, list);
    }
    var openFilter = section.querySelector('[data-search-open-filter]');
    var openOnly = section.querySelector('[data-search-open-only]');
    /* The section stays in the page from the start, idle (only its empty
     * live region shown): screen readers miss announcements made in a
     * region that appears in the same moment. */
    function setIdle(idle) {
      section.hidden = false;
      if (idle) section.setAttribute('data-idle', '');
      else section.removeAttribute('data-idle');
    }
    setIdle(true);
    var empty = el('div', 'search-empty');
    empty.hidden = true;
    section.appendChild(empty);
    var combined = el('div', 'search-combined');
    combined.hidden = true;
    section.insertBefore(combined, list);
    var more = el('button', 'search-more');
    more.type = 'button';
    more.hidden = true;
    section.insertBefore(more, list.nextSibling);
    /* How many rows the current query shows; a new query starts again at FIRST_SHOWN. */
    var limit = FIRST_SHOWN;
    var limitFor = null;
    /* Set by a click on `more` until its rows are drawn: where focus goes then. */
    var asked = null;

    var base = form.getAttribute('data-base') || '';
    var topicsHref = form.getAttribute('data-topics-href') || base + 'index.html#topics';
    var listId = list.id || (list.id = 'search-results-list');

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', '検索結果');
    list.classList.add('search-results-list');
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('aria-atomic', 'true');

    var searcher = null;
    var loading = null;
    var failed = false;
    var timer = 0;
    var active = -1;
    var options = [];

    function fail(message, err) {
      failed = true;
      console.error(err || message);
      setIdle(false);
      status.classList.add('search-error');
      status.textContent = message;
      empty.hidden = true;
      clear(list);
      input.setAttribute('aria-expanded', 'false');
      var onMore = document.activeElement === more;
      more.hidden = true;
      if (onMore) input.focus({ preventScroll: true });
    }

    function load() {
      if (loading) return loading;
      if (!core) {
        fail('検索の準備ができませんでした（search-core.js がありません）。相談項目の一覧から探してください。');
        loading = Promise.reject(new Error('tsunagu search: search-core.js missing'));
        loading.catch(function () {});
        return loading;
      }
      loading = core.open(form.getAttribute('data-search-src') || 'search/').then(function (index) {
        searcher = index;
        showOpenFilter();
      }).catch(function (err) {
        var message = err && err.name === 'TokenizerVersionError'
          ? '検索データの版がこのページと合いません。サイトを作り直す必要があります。相談項目の一覧から探してください。'
          : '検索データを読み込めませんでした。相談項目の一覧から探してください。';
        fail(message, err);
        throw err;
      });
      loading.catch(function () {});
      return loading;
    }

    function setActive(i) {
      if (active >= 0 && options[active]) {
        options[active].setAttribute('aria-selected', 'false');
        options[active].classList.remove('is-active');
      }
      active = i;
      if (i >= 0 && options[i]) {
        options[i].setAttribute('aria-selected', 'true');
        options[i].classList.add('is-active');
        input.setAttribute('aria-activedescendant', options[i].id);
        if (options[i].scrollIntoView) options[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function detail(parent, className, label, value) {
      if (!value) return;
      var span = el('span', 'search-result-detail ' + className);
      if (label) span.appendChild(el('span', 'search-result-label', label));
      span.appendChild(document.createTextNode(value));
      parent.appendChild(span);
    }

    function renderHit(hit, i) {
      var d = hit.doc;
      var li = el('li', 'search-result search-result--' + d.kind +
        (d.kind === 'topic' && hit.tier >= 3 ? ' search-result--card' : ''));
      li.id = listId + '-opt-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.setAttribute('data-href', base + d.url);
      li.setAttribute('data-id', d.id);

      var head = el('span', 'search-result-head');
      head.appendChild(el('span', 'search-result-kind', KIND_LABEL[d.kind] || ''));
      head.appendChild(el('span', 'search-result-title', d.title));
      if (d.star) {
        var star = el('span', 'search-result-star', '★');
        star.appendChild(el('span', 'search-visually-hidden', '（迷ったときの相談先）'));
        head.appendChild(star);
      }
      li.appendChild(head);

      var meta = el('span', 'search-result-meta');
      detail(meta, 'search-result-agency', '', d.agency);
      detail(meta, 'search-result-topic', '相談項目：', d.topic);
      detail(meta, 'search-result-phone', '電話：', d.phone);
      detail(meta, 'search-result-hours', '受付：', d.hours);
      detail(meta, 'search-result-contact', '担当：', d.contact);
      detail(meta, 'search-result-extension', '内線：', d.extension);
      if (meta.firstChild) li.appendChild(meta);

      li.addEventListener('click', function () { window.location.assign(li.getAttribute('data-href')); });
      return li;
    }

    function updateUrl(query) {
      try {
        var url = new URL(window.location.href);
        if (query) url.searchParams.set('q', query);
        else url.searchParams.delete('q');
        window.history.replaceState(window.history.state, '', url.href);
      } catch (e) {
        // Some file:// setups refuse history edits; the search itself still works.
      }
    }

    /* Never a dead end: when nothing matches, the ★ desks (the ones to call when
     * unsure) with their numbers, and the topic list. The block is built once and
     * only its first line changes per query: a large site has hundreds of ★ desks,
     * and rebuilding (and laying out) their list on every search cost the most of
     * an empty search's time (benches/search/latency.mjs, 10,000 agencies). */
    var emptyLead = null;
    var emptyDesks = null;
    function showEmpty(query, desks) {
      if (!emptyLead) {
        emptyLead = el('p');
        empty.appendChild(emptyLead);
        empty.appendChild(el('p', '', 'どこに相談したらよいかわからないときは、まず次の窓口に電話してください。窓口どうしでつなぎます。'));
        var link = el('a', 'search-empty-link', '相談項目の一覧から探す');
        link.href = topicsHref;
        var p2 = el('p');
        p2.appendChild(link);
        empty.appendChild(p2);
      }
      emptyLead.textContent = '「' + query + '」に当てはまるものは見つかりませんでした。';
      if (desks.length && emptyDesks === null) emptyDesks = deskList(desks);
      if (emptyDesks && !emptyDesks.parentNode) empty.insertBefore(emptyDesks, emptyLead.nextSibling.nextSibling);
      empty.hidden = false;
    }

    function deskList(desks) {
      var ul = el('ul', 'search-empty-desks');
      desks.forEach(function (d) {
        var item = el('li');
        var a = el('a', '', d.title + ' ★');
        a.href = base + d.url;
        item.appendChild(a);
        if (d.phone) {
          /* Not an option of the result list, so the number can be a link
           * a phone dials (tel: keeps digits, + and #). */
          item.appendChild(document.createTextNode(' 電話：'));
          var tel = el('a', 'tel', d.phone);
          tel.href = 'tel:' + d.phone.replace(/[^0-9+#]/g, '').replace('#', '%23');
          item.appendChild(tel);
        }
        if (d.hours) item.appendChild(document.createTextNode(' 受付：' + d.hours));
        ul.appendChild(item);
      });
      return ul;
    }

    /* A worry naming two topics or more (「介護と借金」): one household plan for
     * all of them (plan.html?topics=a,b; only topic ids in the address), and
     * each topic page. */
    function showCombined(hits) {
      clear(combined);
      /* Cards that each hold only part of the query: 「介護」 alone matches 介護 and
       * 健康 (介護予防) fully, which is one worry, not two. */
      var topics = hits.filter(function (h) {
        return h.doc && h.doc.kind === 'topic' && h.tier >= 3 && h.coverage < 0.99;
      });
      combined.hidden = topics.length < 2;
      if (combined.hidden) return;
      combined.appendChild(el('p', 'search-combined-lead',
        topics.map(function (h) { return '「' + h.doc.title + '」'; }).join('と') +
        'が重なっているときは、まとめて相談先を見られます。'));
      var ids = topics.map(function (h) {
        return h.doc.url.replace(/^.*\//, '').replace(/\.html$/, '');
      });
      var plan = el('a', 'search-combined-plan', 'まとめて相談先を見る（相談プラン）');
      plan.href = base + 'plan.html?topics=' + ids.map(encodeURIComponent).join(',');
      var lead = el('p');
      lead.appendChild(plan);
      combined.appendChild(lead);
      var p = el('p');
      topics.forEach(function (h, i) {
        if (i) p.appendChild(document.createTextNode('／'));
        var a = el('a', 'search-combined-link', h.doc.title + 'の相談先');
        a.href = base + h.doc.url;
        p.appendChild(a);
      });
      combined.appendChild(p);
    }

    /* The 「今開いている窓口だけ」 filter needs the opening hours of the
     * results and open-now.js; without either the control stays hidden. The
     * hours load when the box is first ticked, not before the first results. */
    var hours = null;
    function showOpenFilter() {
      if (!form.getAttribute('data-hours-src') || !openFilter || !openOnly || !window.TsunaguOpenNow) return;
      openFilter.hidden = false;
      openOnly.addEventListener('change', run);
    }
    function loadHours() {
      if (!hours) {
        hours = loadScript(form.getAttribute('data-hours-src')).then(function () {
          if (!window.TSUNAGU_SEARCH_HOURS) throw new Error('tsunagu search: no opening hours');
        });
        hours.catch(function () {});
      }
      return hours;
    }

    function isOpenNow(hit) {
      var key = hit.doc && hit.doc.open;
      var data = key && window.TSUNAGU_SEARCH_HOURS && window.TSUNAGU_SEARCH_HOURS[key];
      return !!data && window.TsunaguOpenNow.isOpen(data, Date.now());
    }

    var seq = 0;
    function run() {
      clearTimeout(timer);
      if (failed) return;
      var query = input.value.trim();
      if (!searcher) {
        if (query) load().then(run, function () {});
        return;
      }
      updateUrl(query);
      if (query !== limitFor) {
        limit = FIRST_SHOWN;
        limitFor = query;
        asked = null;
        more.hidden = true; // it would ask for more of the last query's rows
      }
      var mine = ++seq;
      if (!core.words(query).length) {
        show(query, []);
        return;
      }
      var filtered = !!(openOnly && openOnly.checked && !openFilter.hidden);
      /* Filtering needs every hit's row and the hours; otherwise only the rows shown. */
      var ready = filtered ? loadHours() : Promise.resolve();
      ready.then(function () {
        return searcher.search(query, filtered ? Infinity : limit);
      }).then(function (hits) {
        if (mine !== seq) return; // a newer query is on its way
        if (filtered) hits = hits.filter(isOpenNow);
        if (hits.length) return show(query, hits, filtered);
        return searcher.starred().then(function (desks) {
          if (mine === seq) show(query, hits, filtered, desks);
        });
      }).catch(function (err) {
        if (mine === seq) fail('検索データを読み込めませんでした。相談項目の一覧から探してください。', err);
      });
    }

    function show(query, hits, filtered, desks) {
      /* For benchmarks and tests: the page shows this query's results (drawn in
       * this same task, so no frame sees the attribute without them). */
      section.setAttribute('data-query', query);
      var wanted = asked;
      asked = null;
      setActive(-1);
      options = [];
      clear(list);
      empty.hidden = true;
      combined.hidden = true;
      more.hidden = true;
      if (!core.words(query).length) {
        setIdle(!query);
        status.textContent = query ? '検索する言葉を入力してください。' : '';
        input.setAttribute('aria-expanded', 'false');
        afterMore(wanted);
        return;
      }
      setIdle(false);
      if (!hits.length) {
        status.textContent = '「' + query + '」の検索結果は0件です。' +
          (filtered ? '今開いている窓口だけを表示しています。' : '');
        input.setAttribute('aria-expanded', 'false');
        showEmpty(query, desks || []);
        afterMore(wanted);
        return;
      }
      showCombined(hits);
      var shown = hits.slice(0, limit);
      var frag = document.createDocumentFragment();
      shown.forEach(function (hit, i) {
        var li = renderHit(hit, i);
        options.push(li);
        frag.appendChild(li);
      });
      list.appendChild(frag);
      /* A query holding a common word reads its list only as far as the first rows
       * need, so it knows the count only as "at least" (search-core.js `search`). */
      var count = hits.total === undefined ? hits.length : hits.total;
      status.textContent = '「' + query + '」の検索結果は' + count + '件' + (hits.exact === false ? '以上' : '') + 'です。' +
        (filtered ? '今開いている窓口だけを表示しています。' : '') +
        (count > shown.length ? '上位' + shown.length + '件を表示しています。' : '');
      input.setAttribute('aria-expanded', 'true');
      /* A count known only as "at least" may hide more rows: offer them too
       * when the page is full. */
      if (count > shown.length || (hits.exact === false && shown.length >= limit)) {
        more.textContent = 'さらに' +
          (hits.exact === false ? MORE_STEP : Math.min(MORE_STEP, count - shown.length)) + '件を表示';
        more.hidden = false;
      }
      afterMore(wanted);
    }

    /* After the rows a click on `more` asked for: the button keeps focus while it
     * stays. When it goes, a keyboard user is put back in the box with the first
     * new row active (announced, scrolled into view); a tap leaves the page where
     * it is, so no on-screen keyboard opens over the new rows. */
    function afterMore(wanted) {
      if (!wanted || !wanted.focused) return;
      if (!more.hidden) {
        more.focus();
        return;
      }
      if (!wanted.keyboard) return;
      input.focus({ preventScroll: true });
      if (options.length > wanted.from) setActive(wanted.from);
    }

    more.addEventListener('click', function (e) {
      if (section.getAttribute('data-query') !== limitFor) return; // a newer query is on its way
      asked = { from: options.length, keyboard: e.detail === 0, focused: document.activeElement === more };
      limit += MORE_STEP;
      run();
    });

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    }

    input.addEventListener('focus', function () { load(); });
    input.addEventListener('input', schedule);
    input.addEventListener('keydown', function (e) {
      if (e.isComposing || e.keyCode === 229) return; // IME conversion owns these keys
      if (e.key === 'ArrowDown') {
        if (options.length) {
          e.preventDefault();
          setActive(Math.min(active + 1, options.length - 1));
        }
      } else if (e.key === 'ArrowUp') {
        if (options.length) {
          e.preventDefault();
          setActive(active - 1);
        }
      } else if (e.key === 'Enter') {
        if (active >= 0 && options[active]) {
          e.preventDefault();
          window.location.assign(options[active].getAttribute('data-href'));
        }
      } else if (e.key === 'Escape') {
        if (active >= 0) {
          setActive(-1);
        } else if (input.value) {
          input.value = '';
          run();
        }
      }
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      run();
    });
    list.addEventListener('mousedown', function (e) {
      e.preventDefault(); // keep focus in the box so the keyboard position survives a tap
    });

    var q = null;
    try {
      q = new URLSearchParams(window.location.search).get('q');
    } catch (e) {
      q = null;
    }
    if (q) {
      input.value = q;
      load().then(run, function () {});
    }
  }

  function init() {
    var forms = document.querySelectorAll('form[data-search]');
    for (var i = 0; i < forms.length; i++) enhance(forms[i]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
