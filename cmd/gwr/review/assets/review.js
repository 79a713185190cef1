// gwr review: the page's behaviour. The text is highlighted when the page is
// written; this script only switches documents, toggles filter classes on
// the body, scrolls to facts and fills the detail panel. It never rebuilds
// the text.
(function () {
  'use strict';
  var body = document.body;
  var detail = document.getElementById('detail');
  var list = detail.querySelector('dl');
  var shown = document.getElementById('shown');
  var find = document.getElementById('find');
  var rows = Array.prototype.slice.call(document.querySelectorAll('table.facts tbody tr'));
  var hidden = new Set();
  var current = null;

  // The fields of the detail panel: label, data attribute of the highlight.
  var fields = [
    ['doc_id', 'doc'], ['fact_id', 'fact'], ['mention', 'mention'], ['span', 'span'],
    ['indicator', 'indicator'], ['value', 'value'], ['unit', 'unit'], ['unit_text', 'unitText'],
    ['classifier', 'classifier'], ['bound', 'bound'], ['measure', 'measure'], ['kind', 'kind'],
    ['year', 'year'], ['cue', 'cue'], ['hedge', 'hedge'], ['rule', 'rule'], ['note', 'odd']
  ];

  function activate(section) {
    if (!section || section.classList.contains('active')) return;
    document.querySelectorAll('section.doc.active').forEach(function (s) { s.classList.remove('active'); });
    section.classList.add('active');
    document.querySelectorAll('#docs button').forEach(function (b) {
      b.classList.toggle('active', b.dataset.doc === section.id);
    });
  }

  function showDetail(mark) {
    var frag = document.createDocumentFragment();
    fields.forEach(function (f) {
      var v = mark.dataset[f[1]];
      if (v === undefined || v === '') return;
      var dt = document.createElement('dt');
      dt.textContent = f[0];
      var dd = document.createElement('dd');
      dd.textContent = v;
      frag.appendChild(dt);
      frag.appendChild(dd);
    });
    list.replaceChildren(frag);
    detail.hidden = false;
  }

  function flash(el) {
    if (el.animate) {
      el.animate([{ boxShadow: '0 0 0 8px #facc15' }, { boxShadow: '0 0 0 3px #facc15' }], { duration: 900, easing: 'ease-out' });
    }
  }

  // select makes mark and its row the current fact; scrollText brings the
  // mark into view, scrollRow the row.
  function select(mark, row, scrollText, scrollRow) {
    if (current) {
      current[0].classList.remove('current');
      if (current[1]) current[1].classList.remove('current');
    }
    current = [mark, row];
    mark.classList.add('current');
    if (row) row.classList.add('current');
    activate(mark.closest('section.doc'));
    if (scrollText) {
      mark.scrollIntoView({ block: 'center', inline: 'nearest' });
      flash(mark);
    }
    if (scrollRow && row && row.offsetParent !== null) row.scrollIntoView({ block: 'nearest' });
    showDetail(mark);
  }

  function rowOf(mark) { return document.getElementById('r' + mark.id.slice(1)); }

  // recount counts the table rows neither filtered out nor hidden by the
  // indicator search; it reads classes only, never layout.
  function recount() {
    var n = 0;
    rows.forEach(function (r) {
      if (r.hidden) return;
      for (var i = 0; i < r.classList.length; i++) {
        if (hidden.has(r.classList[i])) return;
      }
      n++;
    });
    shown.textContent = String(n);
  }

  document.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    var nav = t.closest('#docs button');
    if (nav) { activate(document.getElementById(nav.dataset.doc)); return; }
    var mark = t.closest('main mark.fact');
    if (mark) {
      if (!hidden.size || !Array.prototype.some.call(mark.classList, function (c) { return hidden.has(c); })) {
        select(mark, rowOf(mark), false, true);
      }
      return;
    }
    var row = t.closest('table.facts tbody tr');
    if (row) {
      var m = document.getElementById(row.dataset.for);
      if (m) select(m, row, true, false);
      return;
    }
    if (t.closest('#detail .close')) detail.hidden = true;
  });

  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { detail.hidden = true; return; }
    var row = e.target instanceof Element && e.target.closest('table.facts tbody tr');
    if (row && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      row.click();
    }
  });

  document.getElementById('filters').addEventListener('change', function (e) {
    var box = e.target;
    if (!box.dataset || !box.dataset.token) return;
    var tok = box.dataset.token;
    if (box.checked) hidden.delete(tok); else hidden.add(tok);
    body.classList.toggle('hide-' + tok, !box.checked);
    recount();
  });
  document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); });

  // The indicator search filters table rows only, after a pause in typing.
  var timer = 0;
  find.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = find.value.trim();
      rows.forEach(function (r) {
        var ind = r.children[1].textContent;
        r.hidden = q !== '' && ind.indexOf(q) < 0;
      });
      recount();
    }, 150);
  });

  // A link to #f-<doc>-<fact_id> opens that fact.
  function openHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var mark = id && document.getElementById(id);
    if (mark && mark.matches('main mark.fact')) select(mark, rowOf(mark), true, true);
  }
  window.addEventListener('hashchange', openHash);
  openHash();
})();
