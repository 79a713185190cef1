// The panel page: rows come from the JSON in #panel-data (schema.PanelRow).
'use strict';
(function () {
  const rows = JSON.parse(document.getElementById('panel-data').textContent);
  const $ = id => document.getElementById(id);
  const el = (tag, attrs, ...kids) => {
    const svg = ['svg', 'rect', 'line', 'circle', 'polyline', 'text', 'g', 'title'].includes(tag);
    const e = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const k of kids) e.append(k);
    return e;
  };
  const status = r => r.met === true ? 'met' : r.met === false ? 'missed' : 'open';
  const fmt = v => v === null || v === undefined ? '' : (Math.abs(v) >= 1e6 ? v.toExponential(3) : String(+v.toFixed(4)));
  const target = r => r.target_mention !== null ? r.target_mention : '';
  const outcome = r => r.actual_mention !== null ? r.actual_mention : '';

  if (rows.length === 0) { $('empty').hidden = false; return; }

  const regions = new Map(); // region_code -> region name
  for (const r of rows) if (!regions.has(r.region_code)) regions.set(r.region_code, r.region || r.region_code);
  const count = code => rows.filter(r => r.region_code === code).length;
  const regionCodes = [...regions.keys()].sort((a, b) => count(b) - count(a) || a.localeCompare(b));
  for (const c of regionCodes) $('region').append(el('option', { value: c }, `${regions.get(c)} (${c})`));
  const years = [...new Set(rows.map(r => r.year))].sort((a, b) => b - a);
  for (const y of years) $('year').append(el('option', { value: y }, String(y)));

  // The y extent of one indicator's chart: targets' finite ends and outcomes.
  function extent(rs) {
    const vs = [];
    for (const r of rs) for (const k of ['target_low', 'target_high', 'actual_low', 'actual_high']) if (r[k] !== null) vs.push(r[k]);
    let lo = Math.min(...vs), hi = Math.max(...vs);
    if (lo === hi) { lo -= Math.abs(lo) * 0.1 + 1; hi += Math.abs(hi) * 0.1 + 1; }
    const pad = (hi - lo) * 0.15;
    return [lo - pad, hi + pad];
  }

  // One chart: a band per target (range: low to high; ge/gt: from the value
  // up; le/lt: from the value down; a decrease's bound speaks of its size,
  // so it is mirrored), a tick for eq/approx, outcomes as dots on a line.
  function chart(rs) {
    const W = 320, H = 170, L = 44, R = 24, T = 8, B = 22;
    const ys = [...new Set(rs.map(r => r.year))].sort((a, b) => a - b);
    const [lo, hi] = extent(rs);
    const x = y => L + (ys.length === 1 ? (W - L - R) / 2 : (ys.indexOf(y) * (W - L - R)) / (ys.length - 1));
    const yv = v => T + (H - T - B) * (1 - (v - lo) / (hi - lo));
    const clampY = v => Math.min(Math.max(v, lo), hi);
    const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img' });
    svg.append(el('line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }));
    svg.append(el('line', { class: 'axis', x1: L, x2: L, y1: T, y2: H - B }));
    for (const v of [lo, (lo + hi) / 2, hi]) svg.append(el('text', { x: 2, y: yv(v) + 3 }, fmt(v)));
    const half = Math.min(14, (W - L - R) / (2 * Math.max(ys.length, 1)));
    for (const y of ys) svg.append(el('text', { x: x(y) - 12, y: H - 6 }, String(y)));
    for (const r of rs) {
      if (r.target_low === null) continue;
      const dec = r.target_high < 0;
      let a = r.target_low, b = r.target_high, band = true;
      switch (r.target_bound) {
        case 'range': break;
        case 'ge': case 'gt': if (dec) { a = lo; b = r.target_high; } else { a = r.target_low; b = hi; } break;
        case 'le': case 'lt': if (dec) { a = r.target_low; b = hi; } else { a = lo; b = r.target_high; } break;
        default: band = false;
      }
      const title = el('title', {}, `${r.year} target ${target(r)}`);
      if (band) {
        const y1 = yv(clampY(Math.max(a, b))), y2 = yv(clampY(Math.min(a, b)));
        svg.append(el('rect', { class: 'band target', x: x(r.year) - half, width: 2 * half, y: y1, height: Math.max(y2 - y1, 2) }, title));
      } else {
        svg.append(el('line', { class: 'tick target', x1: x(r.year) - half, x2: x(r.year) + half, y1: yv(r.target_low), y2: yv(r.target_low) }, title));
      }
    }
    const pts = rs.filter(r => r.actual_low !== null).sort((a, b) => a.year - b.year);
    const val = r => (r.actual_low + r.actual_high) / 2;
    if (pts.length > 1) svg.append(el('polyline', { class: 'line', points: pts.map(r => `${x(r.year)},${yv(val(r))}`).join(' ') }));
    for (const r of pts) {
      svg.append(el('circle', { class: `outcome ${status(r)}`, cx: x(r.year), cy: yv(val(r)), r: 4 },
        el('title', {}, `${r.year} outcome ${outcome(r)}${r.target_low !== null ? ` (target ${target(r)}: ${status(r)})` : ''}`)));
    }
    return svg;
  }

  function regionView() {
    const code = $('region').value;
    const sec = $('region-view');
    sec.replaceChildren();
    const rs = rows.filter(r => r.region_code === code);
    const byCode = new Map(); // one chart per code and unit: values of two units share no axis
    for (const r of rs) {
      const key = `${r.indicator_code}, ${r.unit}`;
      if (!byCode.has(key)) byCode.set(key, []);
      byCode.get(key).push(r);
    }
    const grid = el('div', { class: 'charts' });
    for (const [ic, list] of [...byCode].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
      const r0 = list[0];
      grid.append(el('figure', { class: 'chart', 'data-indicator': r0.indicator_code },
        el('figcaption', {}, `${r0.indicator_name_zh} · ${r0.indicator_name_en} `, el('code', {}, ic)),
        chart(list)));
    }
    sec.append(el('h2', {}, `${regions.get(code)} (${code})`), grid);
  }

  function yearView() {
    const year = +$('year').value;
    const sec = $('year-view');
    sec.replaceChildren();
    const rs = rows.filter(r => r.year === year);
    const codes = [...new Set(rs.map(r => r.indicator_code))].sort();
    const regs = [...new Set(rs.map(r => r.region_code))].sort();
    const head = el('tr', {}, el('th', { class: 'region' }, 'region'), ...codes.map(c => el('th', { title: rs.find(r => r.indicator_code === c).indicator_name_en }, c)));
    const body = regs.map(rc => el('tr', {}, el('th', { class: 'region' }, `${regions.get(rc)} (${rc})`), ...codes.map(c => {
      const r = rs.find(r => r.region_code === rc && r.indicator_code === c);
      if (!r) return el('td', {});
      return el('td', { class: status(r), title: `target ${target(r)} · outcome ${outcome(r)}` },
        `${outcome(r) || '–'} / ${target(r) || '–'}`);
    })));
    sec.append(el('h2', {}, `${year}: outcome / target`), el('table', { class: 'grid' }, el('thead', {}, head), el('tbody', {}, ...body)));
  }

  function show() {
    const v = $('view').value;
    $('region-view').hidden = $('region-pick').hidden = v !== 'region';
    $('year-view').hidden = $('year-pick').hidden = v !== 'year';
    if (v === 'region') regionView(); else yearView();
  }
  for (const id of ['view', 'region', 'year']) $(id).addEventListener('change', show);
  show();
}());
