// Township charts (ECharts): any element with data-charts-url, in the page or swapped in by htmx,
// is filled from that JSON (ChartController); ECharts itself is loaded on first use.
(function () {
  var loading = null;

  function echartsReady(src) {
    if (window.echarts) {
      return Promise.resolve(window.echarts);
    }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = src;
        script.onload = function () { resolve(window.echarts); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function stackedBars(title, categories, series) {
    return {
      title: {text: title, textStyle: {fontSize: 13}},
      tooltip: {trigger: 'axis'}, legend: {bottom: 0, type: 'scroll'},
      grid: {bottom: 60},
      xAxis: {type: 'category', data: categories}, yAxis: {type: 'value', minInterval: 1},
      series: series.map(function (s) { return {name: s.label, type: 'bar', stack: 'all', data: s.counts}; })
    };
  }

  var charts = {
    records: function (d) { return stackedBars(d.recordsTitle, d.months, d.kinds); },
    media: function (d) { return stackedBars(d.mediaTitle, d.levels, d.media); },
    attendance: function (d) {
      return {
        title: {text: d.attendanceTitle, textStyle: {fontSize: 13}},
        tooltip: {trigger: 'axis', valueFormatter: function (v) { return v == null ? '-' : v + '%'; }},
        xAxis: {type: 'category', data: d.months},
        yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
        series: [{type: 'line', connectNulls: true, data: d.attendance}]
      };
    },
    years: function (d) {
      return {
        title: {text: d.yearsTitle, textStyle: {fontSize: 13}},
        tooltip: {trigger: 'axis'}, legend: {bottom: 0},
        xAxis: {type: 'category', data: d.months}, yAxis: {type: 'value', minInterval: 1},
        series: [{name: d.thisYearLabel, type: 'line', data: d.thisYear},
                 {name: d.lastYearLabel, type: 'line', lineStyle: {type: 'dashed'}, data: d.lastYear}]
      };
    }
  };

  function draw(container) {
    if (container.dataset.drawn) {
      return;
    }
    container.dataset.drawn = 'true';
    Promise.all([
      echartsReady(container.dataset.echarts),
      fetch(container.dataset.chartsUrl, {credentials: 'same-origin'}).then(function (r) { return r.json(); })
    ]).then(function (results) {
      var echarts = results[0], data = results[1];
      container.querySelectorAll('[data-chart]').forEach(function (el) {
        var option = charts[el.dataset.chart];
        if (option) {
          echarts.init(el).setOption(option(data));
        }
      });
      container.dataset.drawn = 'done';
    });
  }

  htmx.onLoad(function (root) {
    if (root.matches && root.matches('[data-charts-url]')) {
      draw(root);
    }
    root.querySelectorAll && root.querySelectorAll('[data-charts-url]').forEach(draw);
  });
})();
