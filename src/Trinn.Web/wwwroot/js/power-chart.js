// Draws the power curve from the page's <script type="application/json" id="power-data"> block with Chart.js.
// The same numbers are in the table below the chart, so nothing is lost without JavaScript.
(function () {
  var data = document.getElementById('power-data');
  var canvas = document.getElementById('power-chart');
  if (!data || !canvas || typeof Chart === 'undefined') { return; }
  var d = JSON.parse(data.textContent);
  var nb = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 3 });
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: d.n,
      datasets: [
        { label: d.yLabel, data: d.power, borderColor: '#0067c5', backgroundColor: '#0067c5', pointRadius: d.n.map(function (n) { return n === d.required ? 6 : 2; }), tension: 0.2 },
        { label: d.targetLabel, data: d.n.map(function () { return d.target; }), borderColor: '#c30000', borderDash: [6, 4], pointRadius: 0 }
      ]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { title: { display: true, text: d.xLabel } },
        y: { min: 0, max: 1, title: { display: true, text: d.yLabel }, ticks: { callback: function (v) { return nb.format(v); } } }
      },
      plugins: {
        tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + nb.format(c.parsed.y); } } }
      }
    }
  });
  canvas.closest('.trinn-chart').classList.add('trinn-chart--drawn');
})();
