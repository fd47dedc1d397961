/// The page's only script: pan and zoom on the map (wheel, drag, the buttons, the keyboard),
/// labels, dots and markers kept at screen size, the scale bar kept true, and a details panel
/// for the unit or incident clicked. Without it the static map, tooltips and tables all remain.
///
/// It builds the panel with DOM calls (no markup strings), reads only `data-*` attributes the
/// renderer wrote, and contains neither `]]>` nor a closing script tag, so it sits in a CDATA
/// section that keeps the page well-formed XML while an HTML parser runs it as is.
enum MapScript {
    static let source = #"""
    (function () {
      var root = document.documentElement;
      root.className += ' js';
      var svg = document.getElementById('map-svg');
      if (!svg) { return; }
      var W = parseFloat(svg.getAttribute('width')), H = parseFloat(svg.getAttribute('height'));
      var kmPerUnit = parseFloat(svg.getAttribute('data-km-per-unit'));
      var vb = { x: 0, y: 0, w: W, h: H };
      var NS = 'http://www.w3.org/2000/svg';
      function each(selector, f) { Array.prototype.forEach.call(svg.querySelectorAll(selector), f); }
      function zoom() { return W / vb.w; }
      function roundKm(target) {
        var base = Math.pow(10, Math.floor(Math.log(target) / Math.LN10));
        return target >= 5 * base ? 5 * base : target >= 2 * base ? 2 * base : base;
      }
      function scaleBar(z) {
        var bar = document.getElementById('scale-bar');
        if (!bar) { return; }
        var km = roundKm(180 / z * kmPerUnit), length = km / kmPerUnit * z;
        bar.setAttribute('transform', 'translate(' + (vb.x + 14 / z) + ',' + (vb.y + vb.h - 14 / z) + ') scale(' + (1 / z) + ')');
        var parts = bar.querySelectorAll('rect');
        parts[0].setAttribute('width', length + 38);
        parts[1].setAttribute('width', length / 2);
        parts[2].setAttribute('x', length / 2);
        parts[2].setAttribute('width', length / 2);
        var labels = [0, km / 2, km];
        for (var i = 0; i !== 3; i += 1) {
          var t = bar.querySelector('.sb-t' + i);
          t.setAttribute('x', length * i / 2);
          t.textContent = String(Math.round(labels[i] * 100) / 100);
        }
        bar.querySelector('.sb-km').setAttribute('x', length + 16);
      }
      function apply() {
        vb.w = Math.min(W, Math.max(W / 40, vb.w));
        vb.h = vb.w * H / W;
        vb.x = Math.min(W - vb.w, Math.max(0, vb.x));
        vb.y = Math.min(H - vb.h, Math.max(0, vb.y));
        svg.setAttribute('viewBox', vb.x + ' ' + vb.y + ' ' + vb.w + ' ' + vb.h);
        var z = zoom();
        each('.inc', function (el) { el.setAttribute('r', parseFloat(el.getAttribute('data-r')) / z); });
        each('[data-anchor]', function (el) {
          el.setAttribute('transform', 'translate(' + el.getAttribute('data-anchor') + ') scale(' + (1 / z) + ')');
        });
        var gl = svg.querySelector('.graticule-labels');
        if (gl) { gl.style.display = z > 1.01 ? 'none' : ''; }
        scaleBar(z);
      }
      function zoomAt(factor, sx, sy) {
        var nw = Math.min(W, Math.max(W / 40, vb.w * factor)), f = nw / vb.w;
        vb.x = sx - (sx - vb.x) * f;
        vb.y = sy - (sy - vb.y) * f;
        vb.w = nw;
        apply();
      }
      function toMap(event) {
        var r = svg.getBoundingClientRect();
        return { x: vb.x + (event.clientX - r.left) / r.width * vb.w, y: vb.y + (event.clientY - r.top) / r.height * vb.h };
      }
      svg.addEventListener('wheel', function (event) {
        event.preventDefault();
        var p = toMap(event);
        zoomAt(event.deltaY > 0 ? 1.25 : 0.8, p.x, p.y);
      }, { passive: false });
      var drag = null;
      svg.addEventListener('pointerdown', function (event) {
        drag = { x: event.clientX, y: event.clientY, vx: vb.x, vy: vb.y, moved: 0 };
      });
      svg.addEventListener('pointermove', function (event) {
        if (!drag) { return; }
        var r = svg.getBoundingClientRect();
        var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
        drag.moved = Math.max(drag.moved, Math.abs(dx) + Math.abs(dy));
        if (drag.moved > 3) {
          vb.x = drag.vx - dx / r.width * vb.w;
          vb.y = drag.vy - dy / r.height * vb.h;
          apply();
        }
      });
      svg.addEventListener('pointerup', function (event) {
        var click = drag && drag.moved !== null && 4 > drag.moved;
        drag = null;
        if (click) { select(event.target); }
      });
      svg.addEventListener('pointerleave', function () { drag = null; });
      function centre(factor) { zoomAt(factor, vb.x + vb.w / 2, vb.y + vb.h / 2); }
      document.getElementById('zoom-in').addEventListener('click', function () { centre(0.667); });
      document.getElementById('zoom-out').addEventListener('click', function () { centre(1.5); });
      document.getElementById('zoom-reset').addEventListener('click', function () { vb = { x: 0, y: 0, w: W, h: H }; apply(); });
      svg.addEventListener('keydown', function (event) {
        var k = event.key, step = vb.w * 0.1, handled = true;
        if (k === '+' || k === '=') { centre(0.667); }
        else if (k === '-' || k === '_') { centre(1.5); }
        else if (k === '0') { vb = { x: 0, y: 0, w: W, h: H }; apply(); }
        else if (k === 'ArrowLeft') { vb.x -= step; apply(); }
        else if (k === 'ArrowRight') { vb.x += step; apply(); }
        else if (k === 'ArrowUp') { vb.y -= step; apply(); }
        else if (k === 'ArrowDown') { vb.y += step; apply(); }
        else if (k === 'Escape') { hide(); }
        else { handled = false; }
        if (handled) { event.preventDefault(); }
      });

      var panel = document.getElementById('details'), body = document.getElementById('details-body');
      var selected = null;
      function hide() {
        panel.hidden = true;
        if (selected) { selected.classList.remove('selected'); selected = null; }
      }
      panel.querySelector('.close').addEventListener('click', hide);
      function add(parent, tag, text, cls) {
        var el = document.createElement(tag);
        if (text !== undefined && text !== null) { el.textContent = text; }
        if (cls) { el.className = cls; }
        parent.appendChild(el);
        return el;
      }
      function svgEl(parent, tag, attrs) {
        var el = document.createElementNS(NS, tag);
        for (var a in attrs) { el.setAttribute(a, attrs[a]); }
        parent.appendChild(el);
        return el;
      }
      function intervalBar(parent, lo, mid, hi, raw, color) {
        var s = svgEl(parent, 'svg', { width: '300', height: '26', viewBox: '0 0 300 26', 'class': 'interval' });
        svgEl(s, 'line', { x1: '5', y1: '13', x2: '295', y2: '13', stroke: '#c9ced6', 'stroke-width': '2' });
        var x = function (v) { return 5 + v * 2.9; };
        svgEl(s, 'rect', { x: x(lo), y: '8', width: Math.max(1, x(hi) - x(lo)), height: '10', fill: color, 'fill-opacity': '0.45', stroke: '#2a2f36' });
        svgEl(s, 'line', { x1: x(mid), y1: '4', x2: x(mid), y2: '22', stroke: '#1d2330', 'stroke-width': '2.5' });
        svgEl(s, 'circle', { cx: x(raw), cy: '13', r: '3.5', fill: '#ffffff', stroke: '#1d2330', 'stroke-width': '1.5' });
      }
      function sparkline(parent, values) {
        var s = svgEl(parent, 'svg', { width: '160', height: '30', viewBox: '0 0 160 30', 'class': 'sparkline' });
        var top = Math.max.apply(null, values.concat([0]));
        var n = values.length, pts = [];
        for (var i = 0; i !== n; i += 1) {
          var px = n > 1 ? 4 + i * 152 / (n - 1) : 80, py = 26 - (top > 0 ? values[i] / top * 22 : 0);
          pts.push(px.toFixed(1) + ',' + py.toFixed(1));
        }
        svgEl(s, 'polyline', { points: pts.join(' '), fill: 'none', stroke: '#1d2330', 'stroke-width': '1.6' });
      }
      function showUnit(d) {
        add(body, 'h4', d.id + ' — ' + d.name);
        add(body, 'div', d.place, 'muted');
        var score = add(body, 'p', 'score ' + d.score + ' ');
        var badge = add(score, 'span', d.tier, 'badge t-' + d.tier);
        badge.style.background = d.color;
        if (d.lowData) { add(score, 'span', ' low data', 'flag'); }
        if (d.smoothed) {
          add(body, 'div', 'smoothed ' + d.smoothed[1] + ' [' + d.smoothed[0] + '–' + d.smoothed[2] + '] (' + d.level + ' % interval; dot: raw score)', 'small');
          intervalBar(body, d.smoothed[0], d.smoothed[1], d.smoothed[2], parseFloat(d.score), d.color);
        }
        add(body, 'div', 'trend ' + d.trend + ' · history, month by month:', 'small');
        sparkline(body, d.history);
        add(body, 'div', d.incidents, 'small');
        if (d.hotspot) { add(body, 'div', d.hotspot, 'small'); }
        if (d.top.length) {
          add(body, 'div', 'Top incidents (share of the exposure):', 'small');
          var list = add(body, 'ol');
          d.top.forEach(function (t) {
            add(list, 'li', t.id + ' — ' + t.share + ' % · ' + t.km + ' km · ' + t.date + (t.text ? ': ' + t.text : ''));
          });
        }
      }
      function showIncident(d) {
        add(body, 'h4', d.id);
        add(body, 'div', d.date + ' · ' + d.category + (d.casualties ? ' · ' + d.casualties : ''), 'muted');
        add(body, 'div', 'targets ' + d.targets + ' · precision ' + d.precision + (d.reached ? '' : ' · reached no unit'), 'small');
        if (d.text) { add(body, 'p', d.text); }
        if (d.source) { add(body, 'div', 'source: ' + d.source, 'small muted'); }
      }
      function select(target) {
        var el = target.closest ? target.closest('[data-info]') : null;
        if (!el) { hide(); return; }
        if (selected) { selected.classList.remove('selected'); }
        selected = el;
        el.classList.add('selected');
        while (body.firstChild) { body.removeChild(body.firstChild); }
        var d = JSON.parse(el.getAttribute('data-info'));
        if (d.kind === 'unit') { showUnit(d); } else { showIncident(d); }
        panel.hidden = false;
      }
      apply();
    })();
    """#
}
