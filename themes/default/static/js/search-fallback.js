/* Shows the server-rendered fallback blocks of the search page next to the
 * results drawn by search.js, without touching search.js: it watches the
 * results section. When a search finds nothing, the lines to call when
 * nothing fits appear; when one of the first results reaches a crisis topic
 * (its page, or a desk listed under it), that topic's crisis lines appear
 * above the results. */
(function () {
  'use strict';
  var section = document.getElementById('search-results');
  var list = document.getElementById('search-results-list');
  if (!section || !list || !window.MutationObserver) return;
  var fallback = document.querySelector('[data-search-fallback]');
  var crisis = Array.prototype.slice.call(document.querySelectorAll('[data-search-crisis]'));
  var heading = section.querySelector('h2');
  /* How many of the first results may bring a crisis topic's lines up. */
  var TOP = 2;
  /* Crisis lines go first, right under the results heading. */
  crisis.forEach(function (block) {
    section.insertBefore(block, heading ? heading.nextSibling : section.firstChild);
  });
  if (fallback) section.appendChild(fallback);

  function absolute(href) {
    var a = document.createElement('a');
    a.href = href;
    return a.href;
  }

  /* Setting an attribute, even to its value, is a mutation: only change
   * what differs, or the observer would wake itself forever. */
  function show(el, on) {
    if (el.hidden === on) el.hidden = !on;
  }

  function update() {
    var items = list.querySelectorAll('li');
    var empty = section.querySelector('.search-empty');
    var nothing = !!empty && !empty.hidden && items.length === 0;
    if (fallback) show(fallback, nothing);
    var hrefs = {};
    var labels = {};
    /* Only the best results count: 「お金がない」 also lists こころ further
     * down, and crisis lines pushed above the answer would hide it on a
     * phone. A worry that is about a crisis topic ranks it first. */
    Array.prototype.slice.call(items, 0, TOP).forEach(function (li) {
      var href = li.getAttribute('data-href');
      if (href) hrefs[absolute(href)] = true;
      var topic = li.querySelector('.search-result-topic');
      if (topic) labels[topic.textContent.replace(/^相談項目：/, '')] = true;
    });
    crisis.forEach(function (block) {
      var reached = hrefs[absolute(block.getAttribute('data-crisis-href'))] ||
        labels[block.getAttribute('data-crisis-label')];
      show(block, !!reached);
    });
  }

  new MutationObserver(update).observe(section, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  update();
})();
