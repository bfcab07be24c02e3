// One line chart per fidelity item across rounds, a line per team. The table above carries the same numbers.
(function () {
  var data = document.getElementById('fidelity-chart-data');
  if (!data || !window.Chart) { return; }
  var model = JSON.parse(data.textContent);
  var colours = ['#0067c5', '#c77300', '#06893a', '#c30000', '#634689', '#005b82'];
  model.items.forEach(function (item) {
    var canvas = document.querySelector('canvas[data-chart-item="' + item.item + '"]');
    if (!canvas) { return; }
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: model.rounds,
        datasets: item.series.map(function (s, i) {
          return { label: s.team, data: s.values, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], spanGaps: true };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        responsive: true,
        scales: { y: { min: 0, max: 5, ticks: { stepSize: 1 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  });
})();
