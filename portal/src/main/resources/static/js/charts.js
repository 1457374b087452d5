// Draws each table marked data-chart as a line chart above it, from the table's own cells: the table is the record
// (and what screen readers and spreadsheets use); without JavaScript the page is the same minus the pictures.
(function () {
  'use strict';
  function number(text) {
    var value = parseFloat(String(text).replace(/[^0-9.\-]/g, ''));
    return isNaN(value) ? 0 : value;
  }
  function draw(table) {
    var target = document.getElementById(table.getAttribute('data-chart'));
    if (!target || typeof echarts === 'undefined') {
      return;
    }
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var months = rows.map(function (row) { return row.cells[0].textContent.trim(); });
    var series = [];
    headers.forEach(function (header, index) {
      if (header.hasAttribute('data-plot')) {
        series.push({
          name: header.textContent.trim(),
          type: 'line',
          data: rows.map(function (row) { return number(row.cells[index].textContent); })
        });
      }
    });
    target.hidden = false;
    var chart = echarts.init(target, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('table[data-chart]'), draw);
  });
})();
