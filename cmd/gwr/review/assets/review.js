// gwr review: the page's behaviour. The text is highlighted when the page is
// written; this script switches documents, toggles filter classes, scrolls
// to facts, fills the detail panel, and keeps the reader's corrections:
// facts marked as not facts, fields corrected, facts added by selecting
// text. Corrections live in the browser's local storage under the page's
// key and are exported as JSON Lines in the format of golden/labels, which
// gwr eval --gold reads. It never rebuilds the text.
(function () {
  'use strict';
  var body = document.body;
  var detail = document.getElementById('detail');
  var list = detail.querySelector('dl');
  var sentence = detail.querySelector('.sentence');
  var editor = detail.querySelector('.editor');
  var shown = document.getElementById('shown');
  var total = document.getElementById('total');
  var find = document.getElementById('find');
  var docfind = document.getElementById('docfind');
  var addButton = document.getElementById('add-fact');
  var ncorr = document.getElementById('ncorr');
  var hidden = new Set();
  var current = null;
  var storeKey = body.dataset.key || 'gwr-review';

  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  // The fields of a label row, in the order of golden/labels.
  var labelFields = ['doc_id', 'start', 'end', 'mention', 'indicator', 'cue', 'measure', 'value_low', 'value_high',
    'bound', 'unit', 'unit_text', 'classifier', 'kind', 'year', 'hedge'];
  // The fields the editor corrects.
  var editable = ['kind', 'year', 'indicator', 'value_low', 'value_high', 'bound', 'measure', 'unit', 'unit_text'];
  // The rows of the detail panel: label, field.
  var shownFields = [['indicator', 'indicator'], ['value', 'value'], ['kind', 'kind'], ['year', 'year'],
    ['measure', 'measure'], ['bound', 'bound'], ['unit', 'unit'], ['unit_text', 'unit_text'], ['cue', 'cue'],
    ['hedge', 'hedge'], ['classifier', 'classifier'], ['mention', 'mention'], ['span', 'span'], ['rule', 'rule'],
    ['doc_id', 'doc_id'], ['fact_id', 'fact_id'], ['note', 'note']];
  var boundSigns = { ge: '≥', gt: '>', le: '≤', lt: '<', approx: '≈' };

  // ---- corrections ----------------------------------------------------
  // store: facts[mark id] = {wrong, fields: {field: value}, note};
  // added[section id] = [{id, start, end, mention, fields, note}];
  // checked[section id] = true; next = the last number given to an added fact.
  var store = { facts: {}, added: {}, checked: {}, next: 0 };
  try {
    var saved = JSON.parse(localStorage.getItem(storeKey) || 'null');
    if (saved && saved.facts) store = saved;
  } catch (e) { /* no storage (a file page in some browsers): corrections last until the page closes */ }
  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify(store)); } catch (e) { /* see above */ }
    var n = 0;
    Object.keys(store.facts).forEach(function (k) { var c = store.facts[k]; if (c.wrong || c.fields && Object.keys(c.fields).length) n++; });
    Object.keys(store.added).forEach(function (k) { n += store.added[k].length; });
    ncorr.textContent = String(n);
  }

  function num(s) { return s === '' || s === undefined ? null : Number(s); }

  // original returns the label row of a highlight as the extractor wrote it.
  function original(mark) {
    var d = mark.dataset;
    if (mark.classList.contains('added')) {
      var a = addedOf(mark);
      return Object.assign({ doc_id: d.doc, start: a.start, end: a.end, mention: a.mention, indicator: '', cue: '',
        measure: 'level', value_low: 0, value_high: 0, bound: 'eq', unit: 'other', unit_text: '', classifier: '',
        kind: 'target', year: null, hedge: '' }, a.fields);
    }
    return {
      doc_id: d.doc, start: Number(d.start), end: Number(d.end), mention: d.mention, indicator: d.indicator,
      cue: d.cue, measure: d.measure, value_low: num(d.low), value_high: num(d.high), bound: d.bound, unit: d.unit,
      unit_text: d.unitText, classifier: d.classifier, kind: d.kind, year: num(d.year), hedge: d.hedge
    };
  }
  // corrected returns the label row with the reader's corrections.
  function corrected(mark) {
    var c = store.facts[mark.id];
    return Object.assign(original(mark), c && c.fields);
  }
  function addedOf(mark) {
    var list = store.added[mark.closest('section.doc').id] || [];
    for (var i = 0; i < list.length; i++) if (list[i].id === mark.id) return list[i];
    return null;
  }
  function formatValue(f) {
    var u = f.unit_text || (f.unit === 'other' ? '' : ' ' + f.unit);
    if (f.bound === 'range' || f.value_high !== f.value_low) return f.value_low + '–' + f.value_high + u;
    return (boundSigns[f.bound] || '') + f.value_low + u;
  }
  function token(v) {
    if (v === '' || v === null || v === undefined) return '_';
    var out = '';
    for (var ch of String(v)) {
      out += /[A-Za-z0-9]/.test(ch) ? ch : '_' + ch.codePointAt(0).toString(16);
    }
    return out;
  }

  function rowOf(mark) { return document.querySelector('tr[data-for="' + mark.id + '"]'); }

  // apply shows a highlight's corrections on it and its row: the classes
  // (so that the filters see corrected values), the cells and the label.
  function apply(mark) {
    var row = rowOf(mark);
    var c = store.facts[mark.id] || {};
    var f = corrected(mark);
    var o = original(mark);
    var changed = {};
    if (!mark.classList.contains('added')) {
      editable.forEach(function (k) { if (String(f[k]) !== String(o[k])) changed[k] = true; });
    }
    var edited = Object.keys(changed).length > 0;
    [mark, row].forEach(function (el) {
      if (!el) return;
      el.classList.toggle('wrong', !!c.wrong);
      el.classList.toggle('edited', edited);
      [['k-', f.kind], ['m-', f.measure], ['u-', f.unit], ['y-', f.year]].forEach(function (p) {
        Array.prototype.slice.call(el.classList).forEach(function (cl) { if (cl.indexOf(p[0]) === 0) el.classList.remove(cl); });
        el.classList.add(p[0] + token(p[1]));
      });
    });
    if (edited) mark.dataset.fixedKind = f.kind; else delete mark.dataset.fixedKind;
    if (mark.classList.contains('added')) mark.dataset.kind = f.kind;
    if (row) {
      var cells = row.children;
      cells[1].firstChild.textContent = f.kind;
      cells[2].textContent = f.indicator;
      cells[3].textContent = formatValue(f);
      if (!mark.classList.contains('added') && !edited) cells[3].textContent = mark.dataset.value;
      cells[4].textContent = f.measure;
      cells[5].textContent = f.year === null ? '' : String(f.year);
      cells[1].classList.toggle('fixed', !!changed.kind);
      cells[2].classList.toggle('fixed', !!changed.indicator);
      cells[3].classList.toggle('fixed', !!(changed.value_low || changed.value_high || changed.bound || changed.unit || changed.unit_text));
      cells[4].classList.toggle('fixed', !!changed.measure);
      cells[5].classList.toggle('fixed', !!changed.year);
    }
    applyFind(mark, row);
  }

  // ---- documents, selection, detail panel -----------------------------
  function activate(section) {
    if (!section || section.classList.contains('active')) return;
    $$('section.doc.active').forEach(function (s) { s.classList.remove('active'); });
    section.classList.add('active');
    $$('#docs button').forEach(function (b) { b.classList.toggle('active', b.dataset.doc === section.id); });
    if (current && current[0].closest('section.doc') !== section) detail.hidden = true;
    updateAdd();
  }

  function showDetail(mark) {
    var f = corrected(mark);
    var o = original(mark);
    var c = store.facts[mark.id] || {};
    var row = rowOf(mark);
    var values = Object.assign({}, f, {
      value: formatValue(f), span: '[' + f.start + ', ' + f.end + ')', rule: mark.dataset.rule || '',
      fact_id: mark.dataset.fact || '', note: (c.note || (addedOf(mark) || {}).note || '') + (mark.dataset.odd ? ' ' + mark.dataset.odd : '')
    });
    if (!mark.classList.contains('added') && !c.fields) values.value = mark.dataset.value;
    var frag = document.createDocumentFragment();
    shownFields.forEach(function (p) {
      var v = values[p[1]];
      if (v === undefined || v === null || v === '') return;
      var dt = document.createElement('dt');
      dt.textContent = p[0];
      var dd = document.createElement('dd');
      dd.textContent = String(v);
      if (editable.indexOf(p[1]) >= 0 && String(f[p[1]]) !== String(o[p[1]])) dd.className = 'fixed';
      frag.appendChild(dt);
      frag.appendChild(dd);
    });
    list.replaceChildren(frag);
    // The sentence, the mention in bold.
    var s = row && row.title || '';
    var i = s.indexOf(f.mention);
    sentence.replaceChildren();
    if (i >= 0 && f.mention) {
      var b = document.createElement('b');
      b.textContent = f.mention;
      sentence.append(s.slice(0, i), b, s.slice(i + f.mention.length));
    } else {
      sentence.textContent = s;
    }
    var added = mark.classList.contains('added');
    var wrong = detail.querySelector('.wrong');
    wrong.textContent = added ? '✗ delete this added fact' : c.wrong ? '✓ it is a fact after all' : '✗ not a fact';
    detail.querySelector('.revert').hidden = added || !(c.wrong || c.fields);
    editor.hidden = true;
    mark.closest('section.doc').querySelector('.slot').appendChild(detail);
    detail.hidden = false;
  }

  function flash(el) {
    if (el.animate) el.animate([{ outlineWidth: '8px' }, { outlineWidth: '3px' }], { duration: 900, easing: 'ease-out' });
  }

  function select(mark, row, scrollText, scrollRow) {
    if (current) {
      current[0].classList.remove('current');
      if (current[1]) current[1].classList.remove('current');
    }
    current = [mark, row];
    mark.classList.add('current');
    if (row) row.classList.add('current');
    activate(mark.closest('section.doc'));
    showDetail(mark);
    if (scrollText) {
      mark.scrollIntoView({ block: 'center', inline: 'nearest' });
      flash(mark);
    }
    if (scrollRow && row && row.offsetParent !== null) row.scrollIntoView({ block: 'nearest' });
  }

  function isFiltered(el) {
    if (el.classList.contains('x-find')) return true;
    for (var i = 0; i < el.classList.length; i++) if (hidden.has(el.classList[i])) return true;
    return false;
  }

  // recount counts the table rows no filter hides; it reads classes only.
  function recount() {
    var n = 0;
    var rows = $$('table.facts tbody tr');
    rows.forEach(function (r) { if (!isFiltered(r)) n++; });
    shown.textContent = String(n);
    total.textContent = String(rows.length);
  }

  // ---- the editor -----------------------------------------------------
  function openEditor() {
    var mark = current && current[0];
    if (!mark) return;
    var f = corrected(mark);
    editable.forEach(function (k) { editor.elements[k].value = f[k] === null || f[k] === undefined ? '' : String(f[k]); });
    var c = store.facts[mark.id] || addedOf(mark) || {};
    editor.elements.note.value = c.note || '';
    editor.hidden = false;
    editor.elements.kind.focus();
  }

  editor.addEventListener('submit', function (e) {
    e.preventDefault();
    var mark = current && current[0];
    if (!mark) return;
    var v = {};
    editable.forEach(function (k) { v[k] = editor.elements[k].value.trim(); });
    var f = {
      kind: v.kind, measure: v.measure, bound: v.bound, unit: v.unit, unit_text: v.unit_text, indicator: v.indicator,
      year: v.year === '' ? null : parseInt(v.year, 10),
      value_low: Number(v.value_low), value_high: v.value_high === '' ? Number(v.value_low) : Number(v.value_high)
    };
    var note = editor.elements.note.value.trim();
    var a = addedOf(mark);
    if (a) {
      a.fields = Object.assign(a.fields || {}, f);
      a.note = note;
    } else {
      var o = original(mark);
      var diff = {};
      Object.keys(f).forEach(function (k) { if (String(f[k]) !== String(o[k])) diff[k] = f[k]; });
      var c = store.facts[mark.id] || {};
      c.fields = diff;
      c.note = note;
      if (!Object.keys(diff).length) delete c.fields;
      if (c.wrong || c.fields || c.note) store.facts[mark.id] = c; else delete store.facts[mark.id];
    }
    save();
    apply(mark);
    recount();
    showDetail(mark);
  });
  editor.querySelector('.cancel').addEventListener('click', function () { editor.hidden = true; });

  detail.querySelector('.edit').addEventListener('click', openEditor);
  detail.querySelector('.wrong').addEventListener('click', function () {
    var mark = current && current[0];
    if (!mark) return;
    if (mark.classList.contains('added')) { removeAdded(mark); return; }
    var c = store.facts[mark.id] || {};
    c.wrong = !c.wrong;
    if (c.wrong || c.fields || c.note) store.facts[mark.id] = c; else delete store.facts[mark.id];
    save();
    apply(mark);
    showDetail(mark);
  });
  detail.querySelector('.revert').addEventListener('click', function () {
    var mark = current && current[0];
    if (!mark) return;
    delete store.facts[mark.id];
    save();
    apply(mark);
    recount();
    showDetail(mark);
  });

  // ---- adding facts ---------------------------------------------------
  function codePoints(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) n++;
    }
    return n;
  }

  // selectionSpan returns the code-point span of the selected text when
  // the selection lies inside one plain piece of an open document's text
  // (not across or inside a highlight), else null.
  function selectionSpan() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount !== 1 || sel.isCollapsed) return null;
    var r = sel.getRangeAt(0);
    var node = r.startContainer;
    if (node !== r.endContainer || node.nodeType !== 3) return null;
    var report = node.parentNode;
    if (!report.classList || !report.classList.contains('report')) return null;
    var section = report.closest('section.doc.active');
    if (!section || !section.dataset.text) return null;
    var before = 0;
    var walk = document.createTreeWalker(report, NodeFilter.SHOW_TEXT);
    for (var t = walk.nextNode(); t && t !== node; t = walk.nextNode()) before += codePoints(t.data);
    var start = before + codePoints(node.data.slice(0, r.startOffset));
    var mention = node.data.slice(r.startOffset, r.endOffset);
    if (!mention.trim()) return null;
    return { section: section, node: node, from: r.startOffset, to: r.endOffset, start: start, end: start + codePoints(mention), mention: mention };
  }

  function updateAdd() { addButton.disabled = !selectionSpan(); }
  document.addEventListener('selectionchange', updateAdd);

  // markSpan wraps the code points [start, end) of a section's text in a
  // new highlight, when they lie in one plain text node.
  function markSpan(section, a) {
    var report = section.querySelector('.report');
    var walk = document.createTreeWalker(report, NodeFilter.SHOW_TEXT);
    var pos = 0;
    for (var t = walk.nextNode(); t; t = walk.nextNode()) {
      var n = codePoints(t.data);
      if (a.start >= pos && a.end <= pos + n && t.parentNode === report) {
        var from = unitIndex(t.data, a.start - pos), to = unitIndex(t.data, a.end - pos);
        if (t.data.slice(from, to) !== a.mention) return null;
        var r = document.createRange();
        r.setStart(t, from);
        r.setEnd(t, to);
        var m = document.createElement('mark');
        m.id = a.id;
        m.className = 'fact added';
        m.dataset.doc = section.dataset.docId;
        m.dataset.kind = (a.fields && a.fields.kind) || 'target';
        r.surroundContents(m);
        return m;
      }
      pos += n;
      if (pos > a.end) return null;
    }
    return null;
  }
  function unitIndex(s, cp) {
    var i = 0;
    for (var k = 0; k < cp && i < s.length; k++) {
      var c = s.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    return i;
  }

  function addRow(section, mark) {
    var tr = document.createElement('tr');
    tr.id = 'r' + mark.id;
    tr.className = 'added';
    tr.dataset.for = mark.id;
    tr.tabIndex = 0;
    ['＋', '', '', '', '', '', ''].forEach(function (v, i) {
      var td = document.createElement('td');
      if (i === 1) { var b = document.createElement('span'); b.className = 'badge'; td.className = 'kind'; td.appendChild(b); } else td.textContent = v;
      tr.appendChild(td);
    });
    tr.lastChild.textContent = addedOf(mark).mention;
    // in text order
    var start = addedOf(mark).start;
    var rows = $$('tbody tr', section);
    var before = null;
    for (var i = 0; i < rows.length; i++) {
      var m = document.getElementById(rows[i].dataset.for);
      if (m && original(m).start > start) { before = rows[i]; break; }
    }
    section.querySelector('table.facts tbody').insertBefore(tr, before);
    return tr;
  }

  function showAdded(section, a) {
    var mark = markSpan(section, a);
    if (!mark) return null;
    addRow(section, mark);
    apply(mark);
    return mark;
  }

  function removeAdded(mark) {
    var section = mark.closest('section.doc');
    store.added[section.id] = (store.added[section.id] || []).filter(function (a) { return a.id !== mark.id; });
    if (!store.added[section.id].length) delete store.added[section.id];
    save();
    var row = rowOf(mark);
    if (row) row.remove();
    var parent = mark.parentNode;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parent.normalize();
    detail.hidden = true;
    current = null;
    recount();
  }

  addButton.addEventListener('click', function () {
    var s = selectionSpan();
    if (!s) return;
    var id = 'a-' + s.section.id + '-' + (++store.next);
    var m = /-?\d+(?:\.\d+)?/.exec(s.mention);
    var v = m ? Number(m[0]) : 0;
    var a = { id: id, start: s.start, end: s.end, mention: s.mention, fields: { value_low: v, value_high: v }, note: '' };
    (store.added[s.section.id] = store.added[s.section.id] || []).push(a);
    save();
    window.getSelection().removeAllRanges();
    var mark = showAdded(s.section, a);
    recount();
    select(mark, rowOf(mark), false, true);
    openEditor();
  });

  // ---- export ---------------------------------------------------------
  // exportLabels returns the label rows of every document the reader
  // corrected or marked as checked: its facts less those marked wrong,
  // corrected, plus the added ones, in text order.
  function exportLabels() {
    var lines = [];
    var docs = 0;
    $$('section.doc').forEach(function (section) {
      var marks = $$('main mark.fact', section);
      var touched = store.checked[section.id] || store.added[section.id] ||
        marks.some(function (m) { return store.facts[m.id]; });
      if (!touched) return;
      docs++;
      var rows = [];
      marks.forEach(function (m) {
        var c = store.facts[m.id] || {};
        if (c.wrong) return;
        var f = corrected(m);
        var row = {};
        labelFields.forEach(function (k) { row[k] = f[k]; });
        row.optional = false;
        var a = addedOf(m);
        var note = (a ? a.note : c.note) || '';
        row.note = a ? ('added in review' + (note ? ': ' + note : '')) : c.fields ? ('corrected in review' + (note ? ': ' + note : '')) : note;
        rows.push(row);
      });
      rows.sort(function (x, y) { return x.start - y.start || x.end - y.end; });
      rows.forEach(function (r) { lines.push(JSON.stringify(r)); });
    });
    return { text: lines.length ? lines.join('\n') + '\n' : '', docs: docs, rows: lines.length };
  }

  document.getElementById('export').addEventListener('click', function () {
    var out = exportLabels();
    var sections = $$('section.doc').filter(function (s) { return out.docs && (store.checked[s.id] || store.added[s.id] || $$('main mark.fact', s).some(function (m) { return store.facts[m.id]; })); });
    var name = sections.length === 1 ? sections[0].dataset.docId + '.jsonl' : 'labels.jsonl';
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([out.text], { type: 'application/x-ndjson' }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  });

  // ---- events ---------------------------------------------------------
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    var nav = t.closest('#docs button');
    if (nav) { activate(document.getElementById(nav.dataset.doc)); return; }
    var mark = t.closest('main mark.fact');
    if (mark) {
      if (!isFiltered(mark) && window.getSelection().isCollapsed) select(mark, rowOf(mark), false, true);
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

  $$('input.reviewed').forEach(function (box) {
    var section = box.closest('section.doc');
    box.checked = !!store.checked[section.id];
    box.addEventListener('change', function () {
      if (box.checked) store.checked[section.id] = true; else delete store.checked[section.id];
      save();
    });
  });

  // The indicator search dims highlights and hides rows whose (corrected)
  // indicator does not hold the query, after a pause in typing.
  var query = '';
  function applyFind(mark, row) {
    var out = query !== '' && corrected(mark).indicator.indexOf(query) < 0;
    mark.classList.toggle('x-find', out);
    if (row) row.classList.toggle('x-find', out);
  }
  var timer = 0;
  find.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      query = find.value.trim();
      $$('main mark.fact').forEach(function (m) { applyFind(m, rowOf(m)); });
      recount();
    }, 150);
  });

  // The document search keeps the documents whose id, metadata or text
  // holds the query, with the number of times the text does.
  var texts = new Map();
  docfind.addEventListener('input', function () {
    var q = docfind.value.trim();
    var any = false;
    $$('#docs button').forEach(function (b) {
      var section = document.getElementById(b.dataset.doc);
      if (!texts.has(section)) texts.set(section, section.querySelector('.report').textContent);
      var hits = 0;
      if (q) for (var i = texts.get(section).indexOf(q); i >= 0; i = texts.get(section).indexOf(q, i + q.length)) hits++;
      var ok = !q || hits > 0 || b.textContent.indexOf(q) >= 0;
      b.hidden = !ok;
      any = any || ok;
      b.querySelector('.hits').textContent = q && hits ? hits + ' in the text' : '';
    });
    document.querySelector('#docs .none').hidden = any;
  });

  // Restore the corrections of an earlier visit.
  Object.keys(store.added).forEach(function (sid) {
    var section = document.getElementById(sid);
    if (!section) return;
    store.added[sid].forEach(function (a) { showAdded(section, a); });
  });
  Object.keys(store.facts).forEach(function (id) {
    var mark = document.getElementById(id);
    if (mark) apply(mark);
  });
  save();
  recount();

  // A link to #f-<doc>-<fact_id> opens that fact.
  function openHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var mark = id && document.getElementById(id);
    if (mark && mark.matches('main mark.fact')) select(mark, rowOf(mark), true, true);
  }
  window.addEventListener('hashchange', openHash);
  openHash();
})();
