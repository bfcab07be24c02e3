// One line chart per indicator on the dashboard: the month's values and the target as a dashed line.
// The table under each chart carries the same numbers.
(function () {
  var data = document.getElementById('indicator-chart-data');
  if (!data || !window.Chart) { return; }
  var model = JSON.parse(data.textContent);
  var colours = ['#0067c5', '#c77300', '#06893a', '#634689', '#005b82'];
  (model.charts || []).forEach(function (chart) {
    var canvas = document.querySelector('canvas[data-indicator-chart="' + chart.key + '"]');
    if (!canvas) { return; }
    var c = 0;
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: chart.labels,
        datasets: chart.series.map(function (s) {
          var colour = s.target ? '#c30000' : colours[c++ % colours.length];
          return {
            label: s.label, data: s.values, borderColor: colour, backgroundColor: colour, spanGaps: true,
            borderDash: s.target ? [6, 4] : [], pointRadius: s.target ? 0 : 3, stepped: s.target ? 'middle' : false
          };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        responsive: true,
        scales: { y: { beginAtZero: true, suggestedMax: chart.percent ? 100 : undefined } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  });
})();
