// Job-related self-efficacy across waves on the candidate page; drops are drawn as red points. The table beside it
// carries the same numbers (and every construct), so the chart is an addition, never the only way to read them.
(function () {
  if (!window.Chart) { return; }
  document.querySelectorAll('canvas[data-scores-chart]').forEach(function (canvas) {
    if (canvas.dataset.drawn) { return; }
    canvas.dataset.drawn = '1';
    var series = JSON.parse(canvas.dataset.scoresChart);
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: series.map(function (p) { return 'Runde ' + p.wave; }),
        datasets: [{
          label: canvas.dataset.label,
          data: series.map(function (p) { return p.value; }),
          borderColor: '#0067c5',
          pointBackgroundColor: series.map(function (p) { return p.dropped ? '#c30000' : '#0067c5'; }),
          pointRadius: series.map(function (p) { return p.dropped ? 7 : 4; }),
          spanGaps: true
        }]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        responsive: true,
        scales: { y: { min: 1, max: 10, ticks: { stepSize: 1 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  });
})();
