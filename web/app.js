// The Khabar dashboard (docs/dashboard.md): a map, a timeline, an actor network, a paged event
// list and an event panel over the JSON API of `khabar serve` (docs/api.md). Leaflet (L),
// leaflet.markercluster, topojson-client (topojson) and d3 are loaded before this module by
// index.html, from files beside the page. Data is put on the page with textContent only.

const QUADS = {
  1: { name: 'verbal cooperation', colour: '#5b9bd5' },
  2: { name: 'material cooperation', colour: '#1f4e8c' },
  3: { name: 'verbal conflict', colour: '#e8964a' },
  4: { name: 'material conflict', colour: '#c0392b' },
};

const CAMEO_ROOTS = {
  '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate',
  '04': 'Consult', '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation',
  '07': 'Provide aid', '08': 'Yield', '09': 'Investigate', '10': 'Demand', '11': 'Disapprove',
  '12': 'Reject', '13': 'Threaten', '14': 'Protest', '15': 'Exhibit force posture',
  '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault', '19': 'Fight',
  '20': 'Use unconventional mass violence',
};

const FIGURES = ['fatalities', 'injured', 'displaced', 'arrested', 'kidnapped'];
const LIST_PAGE_SIZE = 50;
const MAP_PAGE_SIZE = 500;  // the API's largest page
const NETWORK_LIMIT = 30;

const state = { filters: {}, page: 1, total: 0, selected: null, markers: new Map() };

// ---- small helpers ----

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function quadColour(quad) { return QUADS[quad] ? QUADS[quad].colour : '#888'; }

function eventId(event) { return event.event_id ?? event.id; }

function party(argument) {
  if (!argument) return '—';
  return argument.actor || argument.text || argument.code || '—';
}

function partyWithCode(argument) {
  if (!argument) return '—';
  const name = party(argument);
  return argument.code && argument.code !== name ? `${name} (${argument.code})` : name;
}

function plural(count, noun) { return `${count} ${noun}${count === 1 ? '' : 's'}`; }

function rootName(root) { return CAMEO_ROOTS[root] || `root ${root}`; }

function setStatus(text, isError = false) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

// GET api/<path> relative to the page, with the non-empty params; rejects with the server's
// {"error"} message on a 4xx/5xx.
async function getJson(path, params = {}) {
  const url = new URL(`api/${path}`, document.baseURI);
  for (const [key, value] of Object.entries(params)) {
    if (value !== '' && value !== undefined && value !== null) url.searchParams.set(key, value);
  }
  const response = await fetch(url);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
}

// ---- filters (kept in the URL's hash so a view can be shared) ----

function readFilters(form) {
  const filters = {};
  for (const [key, value] of new FormData(form)) {
    if (value.trim() !== '') filters[key] = value.trim();
  }
  return filters;
}

function writeFilters(form, filters) {
  for (const field of form.elements) {
    if (field.name) field.value = filters[field.name] ?? '';
  }
}

function filtersFromHash() {
  return Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
}

function setupFilters(onChange) {
  const form = document.getElementById('filters');
  const rootSelect = form.elements.root;
  for (const [root, name] of Object.entries(CAMEO_ROOTS)) {
    rootSelect.append(new Option(`${root} ${name}`, root));
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    onChange(readFilters(form));
  });
  form.addEventListener('reset', () => setTimeout(() => onChange({}), 0));
  setupActorSuggestions(form.elements.actor);
  writeFilters(form, state.filters);
}

function setupActorSuggestions(input) {
  const options = document.getElementById('actor-options');
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      const { actors } = await getJson('actors', { q, limit: 12 }).catch(() => ({ actors: [] }));
      options.replaceChildren(...actors.map((a) => new Option(`${a.code || ''} · ${a.events} events`, a.name)));
    }, 200);
  });
}

function applyFilters(filters) {
  state.filters = filters;
  state.page = 1;
  const hash = new URLSearchParams(filters).toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
  writeFilters(document.getElementById('filters'), filters);
  return reloadAll();
}

// ---- map ----

let map = null;
let clusters = null;

function setupMap() {
  map = L.map('map', { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth');
  map.setView([25, 15], 3);
  clusters = L.markerClusterGroup({
    showCoverageOnHover: false, maxClusterRadius: 40, iconCreateFunction: clusterIcon,
  });
  map.addLayer(clusters);
  drawLegend();
  return loadCountries();
}

async function loadCountries() {
  const response = await fetch('vendor/countries-50m.json');
  const world = await response.json();
  const countries = topojson.feature(world, world.objects.countries);
  L.geoJSON(countries, {
    interactive: false,
    style: { color: '#b7bec6', weight: 0.6, fillColor: '#f7f7f4', fillOpacity: 1 },
  }).addTo(map);
}

// A cluster is a ring of its events' quad classes (a conic gradient) around its count.
function clusterIcon(cluster) {
  const counts = [0, 0, 0, 0, 0];
  for (const marker of cluster.getAllChildMarkers()) counts[marker.options.quad || 0] += 1;
  const total = cluster.getChildCount();
  let at = 0;
  const stops = [];
  for (const quad of [1, 2, 3, 4, 0]) {
    if (!counts[quad]) continue;
    const end = at + (100 * counts[quad]) / total;
    stops.push(`${quadColour(quad)} ${at}% ${end}%`);
    at = end;
  }
  const size = total < 10 ? 30 : total < 100 ? 36 : 44;
  const html = `<div class="cluster" style="width:${size}px;height:${size}px;background:conic-gradient(${stops.join(',')})"><span>${total}</span></div>`;
  return L.divIcon({ html, className: '', iconSize: [size, size] });
}

function drawLegend() {
  const legend = document.getElementById('legend');
  for (const [quad, { name, colour }] of Object.entries(QUADS)) {
    const item = el('li');
    const swatch = el('span', 'swatch');
    swatch.style.background = colour;
    item.append(swatch, el('span', null, name));
    legend.append(item);
  }
}

function hasPoint(event) {
  const where = event.location;
  return where && where.lat != null && where.lon != null && !(where.lat === 0 && where.lon === 0);
}

function eventMarker(event) {
  const where = event.location;
  const marker = L.circleMarker([where.lat, where.lon], {
    radius: 7, weight: 1.5, color: '#fff', fillColor: quadColour(event.quad_class),
    fillOpacity: 0.95, quad: event.quad_class, eventId: eventId(event),
  });
  marker.bindTooltip(`${event.date || 'undated'} · ${party(event.source)} → ${party(event.target)} (${event.cameo})`);
  marker.on('click', () => showEvent(eventId(event)));
  return marker;
}

async function loadMap() {
  const body = await getJson('events', { ...apiFilters(), page: 1, page_size: MAP_PAGE_SIZE });
  const placed = body.events.filter(hasPoint);
  clusters.clearLayers();
  state.markers.clear();
  const markers = placed.map((event) => {
    const marker = eventMarker(event);
    state.markers.set(eventId(event), marker);
    return marker;
  });
  clusters.addLayers(markers);
  const shown = body.events.length < body.total ? ` of the first ${body.events.length}` : '';
  document.getElementById('map-count').textContent =
    `${placed.length} events with a place${shown} (${body.total} match)`;
  if (markers.length) map.fitBounds(clusters.getBounds(), { padding: [30, 30], maxZoom: 7 });
}

// ---- timeline ----

async function loadTimeline() {
  const body = await getJson('stats/daily', apiFilters());
  drawTimeline(body.days || []);
  document.getElementById('timeline-note').textContent =
    body.undated_or_coarse ? `${body.undated_or_coarse} undated or month/year-only events not shown` : '';
}

// Days over more than kMaxDailySpan are summed per month, so that bars stay visible.
const MAX_DAILY_SPAN_DAYS = 120;

function binDays(days) {
  const dated = days.filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day.date));
  if (dated.length < 2) return { unit: 'day', bins: dated };
  const span = (Date.parse(dated[dated.length - 1].date) - Date.parse(dated[0].date)) / 864e5;
  if (span <= MAX_DAILY_SPAN_DAYS) return { unit: 'day', bins: dated };
  const months = new Map();
  for (const day of dated) {
    const month = day.date.slice(0, 7);
    const bin = months.get(month) || { date: `${month}-01`, key: month, count: 0, by_quad: {} };
    bin.count += day.count;
    for (const [quad, count] of Object.entries(day.by_quad || {})) bin.by_quad[quad] = (bin.by_quad[quad] || 0) + count;
    months.set(month, bin);
  }
  return { unit: 'month', bins: [...months.values()] };
}

function stackBins(bins) {
  return bins.map((bin) => {
    let y = 0;
    const parts = [1, 2, 3, 4].map((quad) => {
      const count = (bin.by_quad && bin.by_quad[quad]) || 0;
      const part = { quad, y0: y, y1: y + count, count };
      y += count;
      return part;
    });
    return { date: d3.utcParse('%Y-%m-%d')(bin.date), key: bin.key || bin.date, count: bin.count, parts };
  });
}

function drawTimeline(days) {
  const svg = d3.select('#timeline');
  svg.selectAll('*').remove();
  const { width, height } = svg.node().getBoundingClientRect();
  const margin = { top: 6, right: 10, bottom: 22, left: 30 };
  const { unit, bins } = binDays(days);
  const data = stackBins(bins);
  document.getElementById('timeline-title').textContent = `Events per ${unit}`;
  if (!data.length) {
    svg.append('text').attr('class', 'empty').attr('x', width / 2).attr('y', height / 2)
      .attr('text-anchor', 'middle').text('No dated events match.');
    return;
  }
  const interval = unit === 'day' ? d3.utcDay : d3.utcMonth;
  const [first, last] = d3.extent(data, (d) => d.date);
  const x = d3.scaleUtc()
    .domain([interval.offset(first, -1), interval.offset(last, 2)])
    .range([margin.left, width - margin.right]);
  const y = d3.scaleLinear()
    .domain([0, d3.max(data, (d) => d.count) || 1]).nice()
    .range([height - margin.bottom, margin.top]);
  const barWidth = Math.max(3, Math.min(24, (x(interval.offset(first, 1)) - x(first)) * 0.8));

  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))).tickSizeOuter(0));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(4, 'd').tickSizeOuter(0));

  const bar = svg.append('g').selectAll('g').data(data).join('g')
    .attr('transform', (d) => `translate(${x(d.date) - barWidth / 2},0)`);
  bar.selectAll('rect').data((d) => d.parts.filter((p) => p.count).map((p) => ({ ...p, bin: d })))
    .join('rect')
    .attr('class', 'day')
    .attr('width', barWidth)
    .attr('y', (p) => y(p.y1))
    .attr('height', (p) => Math.max(1, y(p.y0) - y(p.y1)))
    .attr('fill', (p) => quadColour(p.quad))
    .on('click', (_, p) => applyFilters({ ...state.filters, from: p.bin.key, to: p.bin.key }))
    .append('title')
    .text((p) => `${p.bin.key}: ${p.bin.count} events, ${p.count} ${QUADS[p.quad].name} (click to show only this ${unit})`);
}

// ---- network ----

let simulation = null;

async function loadNetwork() {
  const body = await getJson('network', { ...apiFilters(), limit: NETWORK_LIMIT });
  drawNetwork(body.nodes || [], body.edges || []);
}

function dominantQuad(byQuad) {
  let best = 0;
  let bestCount = -1;
  for (const [quad, count] of Object.entries(byQuad || {})) {
    if (count > bestCount) { best = Number(quad); bestCount = count; }
  }
  return best;
}

function drawNetwork(nodes, edges) {
  if (simulation) simulation.stop();
  const svg = d3.select('#network');
  svg.selectAll('*').remove();
  const { width, height } = svg.node().getBoundingClientRect();
  if (!nodes.length) {
    svg.append('text').attr('class', 'empty').attr('x', width / 2).attr('y', height / 2)
      .attr('text-anchor', 'middle').text('No actor pairs match.');
    return;
  }
  const known = new Set(nodes.map((n) => n.id));
  const links = edges.filter((e) => known.has(e.source) && known.has(e.target) && e.source !== e.target)
    .map((e) => ({ ...e }));
  const maxEvents = d3.max(nodes, (n) => n.events) || 1;
  const maxWeight = d3.max(links, (l) => l.weight) || 1;
  const radius = d3.scaleSqrt().domain([1, maxEvents]).range([4, 14]);
  const strokeWidth = d3.scaleLinear().domain([1, maxWeight]).range([1, 7]);

  defineArrows(svg);
  const link = svg.append('g').selectAll('path').data(links).join('path')
    .attr('class', 'link')
    .attr('stroke', (l) => quadColour(dominantQuad(l.by_quad)))
    .attr('stroke-width', (l) => strokeWidth(l.weight))
    .attr('marker-end', (l) => `url(#arrow-${dominantQuad(l.by_quad)})`);
  link.append('title').text((l) => `${l.weight} events`);

  const node = svg.append('g').selectAll('g').data(nodes).join('g').attr('class', 'node');
  node.append('circle').attr('r', (n) => radius(n.events));
  const label = nodeLabels(nodes);
  node.append('text').attr('x', (n) => radius(n.events) + 3).attr('y', 3).text(label);
  node.append('title').text((n) => `${n.name || n.id} (${n.id}): ${n.events} events (click to filter)`);
  node.on('click', (_, n) => applyFilters({ ...state.filters, actor: actorFilterOf(n) }));
  node.call(dragBehaviour());

  simulation = d3.forceSimulation(nodes)
    .force('link', d3.forceLink(links).id((n) => n.id).distance(Math.min(width, height) / 3.5))
    .force('charge', d3.forceManyBody().strength(-400))
    .force('collide', d3.forceCollide((n) => radius(n.events) + 10))
    .force('x', d3.forceX(width / 2).strength(0.05))
    .force('y', d3.forceY(height / 2).strength(0.08))
    .on('tick', () => {
      for (const n of nodes) {
        n.x = Math.max(12, Math.min(width - 70, n.x));  // room for the label on the right
        n.y = Math.max(12, Math.min(height - 12, n.y));
      }
      link.attr('d', (l) => linkPath(l, radius(l.target.events) + 2));
      node.attr('transform', (n) => `translate(${n.x},${n.y})`);
    });
}

// A straight line from the source's centre to the edge of the target's circle, where the arrow
// head ends.
function linkPath(link, targetRadius) {
  const { x: x1, y: y1 } = link.source;
  const { x: x2, y: y2 } = link.target;
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const end = Math.max(0, length - targetRadius) / length;
  return `M${x1},${y1}L${x1 + (x2 - x1) * end},${y1 + (y2 - y1) * end}`;
}

// A node's name, with its code when another node has the same name (Egypt: EGY, EGYGOV…),
// cut to 24 characters.
function nodeLabels(nodes) {
  const uses = d3.rollup(nodes, (group) => group.length, (n) => n.name || n.id);
  return (n) => {
    const name = n.name || n.id;
    const short = name.length > 24 ? `${name.slice(0, 23)}…` : name;
    return uses.get(name) > 1 && n.name ? `${short} (${n.id})` : short;
  };
}

// A node is an actor code (its id) with its most frequent name: the actor filter takes the code
// when it is one (3, 6, 9… capitals match that code prefix), else the name.
function actorFilterOf(node) {
  return /^([A-Z]{3})+$/.test(node.id) ? node.id : node.name || node.id;
}

function defineArrows(svg) {
  const defs = svg.append('defs');
  for (const quad of [0, 1, 2, 3, 4]) {
    defs.append('marker').attr('id', `arrow-${quad}`).attr('viewBox', '0 -4 8 8')
      .attr('refX', 8).attr('markerWidth', 9).attr('markerHeight', 9)
      .attr('markerUnits', 'userSpaceOnUse').attr('orient', 'auto')
      .append('path').attr('d', 'M0,-4L8,0L0,4').attr('fill', quadColour(quad));
  }
}

function dragBehaviour() {
  return d3.drag()
    .on('start', (e, n) => { if (!e.active) simulation.alphaTarget(0.3).restart(); n.fx = n.x; n.fy = n.y; })
    .on('drag', (e, n) => { n.fx = e.x; n.fy = e.y; })
    .on('end', (e, n) => { if (!e.active) simulation.alphaTarget(0); n.fx = null; n.fy = null; });
}

// ---- event list ----

async function loadList() {
  const body = await getJson('events', { ...apiFilters(), page: state.page, page_size: LIST_PAGE_SIZE });
  state.total = body.total;
  const rows = body.events.map(listRow);
  document.querySelector('#event-list tbody').replaceChildren(...rows);
  const first = body.total ? (state.page - 1) * LIST_PAGE_SIZE + 1 : 0;
  const last = (state.page - 1) * LIST_PAGE_SIZE + body.events.length;
  document.getElementById('page-label').textContent = `${first}–${last} of ${body.total}`;
  document.getElementById('list-count').textContent = `${body.total} match`;
  document.getElementById('prev-page').disabled = state.page <= 1;
  document.getElementById('next-page').disabled = last >= body.total;
}

function listRow(event) {
  const row = el('tr');
  row.dataset.eventId = eventId(event);
  row.classList.toggle('selected', eventId(event) === state.selected);
  const cameo = el('td', null, event.cameo);
  cameo.prepend(quadDot(event.quad_class));
  cameo.title = `${event.cameo} ${rootName(event.root)} (${QUADS[event.quad_class]?.name || 'no quad class'})`;
  const place = event.location ? event.location.name : '';
  const reports = `${event.report_count ?? 1}/${event.corroboration ?? 1}`;
  const cells = [el('td', null, event.date || '—'), el('td', null, party(event.source)), cameo,
    el('td', null, party(event.target)), el('td', null, place), el('td', null, reports)];
  cells[1].title = partyWithCode(event.source);
  cells[3].title = partyWithCode(event.target);
  cells[4].title = place;
  row.append(...cells);
  row.addEventListener('click', () => showEvent(eventId(event)));
  return row;
}

function quadDot(quad) {
  const dot = el('span', 'quad-dot');
  dot.style.background = quadColour(quad);
  return dot;
}

function setupPager() {
  document.getElementById('prev-page').addEventListener('click', () => { state.page -= 1; loadList().catch(showError); });
  document.getElementById('next-page').addEventListener('click', () => { state.page += 1; loadList().catch(showError); });
}

// ---- event panel ----

async function showEvent(id) {
  state.selected = id;
  for (const row of document.querySelectorAll('#event-list tbody tr')) {
    row.classList.toggle('selected', row.dataset.eventId === String(id));
  }
  try {
    const body = await getJson(`events/${encodeURIComponent(id)}`);
    renderEvent(body.event, body.reports || []);
  } catch (error) {
    showError(error);
  }
}

function renderEvent(event, reports) {
  const panel = document.getElementById('event-panel');
  const title = el('p', 'event-title');
  title.append(el('b', null, party(event.source)), ` ${rootName(event.root).toLowerCase()} (${event.cameo}) `,
    el('b', null, party(event.target)));
  panel.replaceChildren(el('h2', null, 'Event'), title, eventFacts(event, reports.length),
    roleKey(), ...reports.map(renderReport));
  panel.dataset.eventId = eventId(event);
  panel.scrollTop = 0;
}

function eventFacts(event, reportCount) {
  const facts = el('dl', 'facts');
  const add = (label, value) => {
    if (value === null || value === undefined || value === '') return;
    facts.append(el('dt', null, label), el('dd', null, value));
  };
  add('Date', event.date ? `${event.date}${event.date_precision && event.date_precision !== 'day' ? ` (${event.date_precision})` : ''}` : 'undated');
  add('Source', partyWithCode(event.source));
  add('Target', partyWithCode(event.target));
  add('Quad class', `${event.quad_class} ${QUADS[event.quad_class]?.name || ''}`);
  add('Goldstein', event.goldstein);
  add('Place', placeText(event.location));
  add('Certainty', event.attributed_to ? `${event.certainty}, according to ${event.attributed_to}` : event.certainty);
  add('Figures', figuresText(event));
  add('Reports', `${plural(event.report_count ?? reportCount, 'report')} from ${plural(event.corroboration ?? 1, 'outlet')}`);
  add('Event id', eventId(event));
  return facts;
}

function placeText(location) {
  if (!location) return null;
  const country = location.country ? `, ${location.country}` : '';
  const point = location.lat != null ? ` (${Number(location.lat).toFixed(2)}, ${Number(location.lon).toFixed(2)})` : '';
  return `${location.name}${country}${point}`;
}

function figuresText(figures) {
  if (!figures) return null;
  const parts = FIGURES.filter((key) => figures[key] != null).map((key) => `${figures[key]} ${key}`);
  return parts.length ? parts.join(', ') : null;
}

function roleKey() {
  const key = el('div', 'roles');
  key.append(el('span', 'seg source', 'source'), el('span', 'seg verb', 'verb'), el('span', 'seg target', 'target'));
  return key;
}

function renderReport(report) {
  const card = el('article', 'report');
  card.dataset.reportId = report.report_id;
  card.append(reportHead(report));
  if (report.title) card.append(el('p', 'report-title', report.title));
  card.append(sentence(report));
  const coding = el('p', 'coding');
  const bits = [['CAMEO', report.cameo], ['source', report.source_code], ['target', report.target_code],
    ['certainty', report.certainty], ['according to', report.attributed_to], ['figures', figuresText(report.figures)]];
  for (const [label, value] of bits) {
    if (value === null || value === undefined || value === '') continue;
    coding.append(`${label} `, el('b', null, value), '  ');
  }
  card.append(coding);
  if (report.merge_reason || report.merge_score != null) {
    const score = report.merge_score != null ? `merged at ${Number(report.merge_score).toFixed(2)}` : 'merged';
    card.append(el('p', 'merge', report.merge_reason ? `${score}: ${report.merge_reason}` : score));
  }
  return card;
}

function reportHead(report) {
  const head = el('div', 'report-head');
  const outlet = report.outlet || report.doc_id || 'article';
  if (report.url && /^https?:\/\//i.test(report.url)) {
    const link = el('a', null, outlet);
    link.href = report.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    head.append(link);
  } else {
    head.append(el('b', null, outlet));
  }
  if (report.published) head.append(el('span', null, report.published));
  if (report.doc_id) head.append(el('span', null, `doc ${report.doc_id}`));
  return head;
}

// The sentence as segments, each role in its own colour; the plain sentence when there are none.
function sentence(report) {
  const block = el('p', 'sentence');
  const segments = report.segments && report.segments.length ? report.segments : [{ text: report.sentence || '', role: null }];
  for (const segment of segments) {
    block.append(segment.role ? el('mark', `seg ${segment.role}`, segment.text) : segment.text);
  }
  return block;
}

// ---- loading ----

// The API's names for the form's filters: quad and the rest are the same; from/to too.
function apiFilters() { return { ...state.filters }; }

function showError(error) { setStatus(`Error: ${error.message}`, true); }

async function reloadAll() {
  setStatus('Loading…');
  const results = await Promise.allSettled([loadMap(), loadTimeline(), loadNetwork(), loadList()]);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) showError(failed.reason);
  else setStatus(`${state.total} events`);
  document.body.dataset.loaded = 'true';
}

async function main() {
  state.filters = filtersFromHash();
  setupFilters(applyFilters);
  setupPager();
  try {
    await setupMap();
  } catch (error) {
    showError(error);
  }
  await reloadAll();
}

main();
