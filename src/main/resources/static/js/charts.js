/*
 * Draws the bar charts of the statistics pages with ECharts (webjar, loaded before this file).
 * Each chart is a <div class="chart-canvas" data-chart="{json}"> written by the server (web/Chart.java):
 *   title, categories, series [{name, data, color}], totals (draw as percent of these), target {value, label},
 *   stacked, horizontal, unit — every text already in the reader's language.
 * No inline script or style is needed (the CSP forbids both): sizes are set through element.style here.
 * Problems are collected in window.chartErrors (script errors and CSP refusals) so a browser test can read them.
 */
(function () {
  'use strict';

  var errors = window.chartErrors = window.chartErrors || [];
  window.addEventListener('error', function (event) {
    errors.push('error: ' + (event.message || event.type));
  });
  document.addEventListener('securitypolicyviolation', function (event) {
    errors.push('csp: ' + event.violatedDirective + ' ' + (event.blockedURI || ''));
  });

  var INK = '#1f2933';
  var MUTED = '#5f6b76';
  var TARGET = '#a4161a';
  var charts = [];

  function percent(count, total) {
    return total > 0 ? Math.round(count * 1000 / total) / 10 : 0;
  }

  function option(spec, width) {
    var horizontal = !!spec.horizontal;
    var totals = spec.totals || null;
    var narrow = width < 480;

    var series = spec.series.map(function (s, index) {
      var data = s.data.map(function (count, i) {
        return { value: totals ? percent(count, totals[i]) : count, count: count };
      });
      var bar = {
        name: s.name,
        type: 'bar',
        data: data,
        barMaxWidth: 36,
        emphasis: { focus: 'series' }
      };
      if (s.color) {
        bar.itemStyle = { color: s.color };
      }
      if (spec.stacked) {
        bar.stack = 'all';
      } else {
        bar.label = { show: true, position: horizontal ? 'right' : 'top', color: INK };
      }
      if (index === 0 && spec.target) {
        var line = {};
        line[horizontal ? 'xAxis' : 'yAxis'] = Number(spec.target.value);
        bar.markLine = {
          silent: true,
          symbol: 'none',
          data: [line],
          lineStyle: { color: TARGET, type: 'dashed', width: 2 },
          // across: above the bars (at the axis end it would sit on the 100% label)
          label: { formatter: spec.target.label, color: TARGET, position: horizontal ? 'start' : 'insideEndTop' }
        };
      }
      return bar;
    });

    var valueAxis = {
      type: 'value',
      axisLabel: { color: MUTED, formatter: totals ? '{value}%' : '{value}' },
      splitLine: { lineStyle: { color: '#e8edf2' } }
    };
    if (totals) {
      valueAxis.max = 100;
    } else {
      valueAxis.minInterval = 1;
    }
    var categoryAxis = {
      type: 'category',
      data: spec.categories,
      inverse: horizontal, // the table's order, top to bottom
      axisLabel: { color: INK, interval: 0, width: horizontal ? (narrow ? 72 : 120) : (narrow ? 64 : 110),
        overflow: 'break' }
    };

    return {
      animationDuration: 300,
      textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
      title: {
        text: spec.title,
        left: 0,
        textStyle: { fontSize: 14, fontWeight: 600, color: INK, width: Math.max(width - 8, 100), overflow: 'break' }
      },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        renderMode: 'richText', // drawn on the canvas: HTML tooltips carry inline styles the CSP refuses
        confine: true,
        formatter: function (items) {
          var lines = [items.length ? items[0].name : ''];
          items.forEach(function (item) {
            var text = item.seriesName + ': ' + item.data.count;
            if (totals) {
              text += ' (' + item.data.value + '%)';
            }
            lines.push(text);
          });
          return lines.join('\n');
        }
      },
      // every colour named at once, wrapped over lines on a phone (no paging arrows)
      legend: spec.series.length > 1 ? { bottom: 0, itemGap: 8, textStyle: { color: INK } } : { show: false },
      grid: { left: 4, right: horizontal ? 36 : 8, top: top(spec, width), bottom: legendHeight(spec, width) + 8,
        containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: series
    };
  }

  function legendHeight(spec, width) {
    if (spec.series.length < 2) {
      return 0;
    }
    return Math.ceil(spec.series.length / (width < 480 ? 3 : 6)) * 24;
  }

  function top(spec, width) {
    return (width < 480 && spec.title.length > 18 ? 56 : 40) + (spec.target && spec.horizontal ? 18 : 0);
  }

  function height(spec, width) {
    var extra = legendHeight(spec, width) + top(spec, width) - 40;
    if (spec.horizontal) {
      return 90 + extra + spec.categories.length * (spec.series.length > 1 || spec.stacked ? 32 : 28);
    }
    return 260 + extra;
  }

  function draw(element) {
    try {
      var spec = JSON.parse(element.getAttribute('data-chart'));
      var width = element.clientWidth || element.parentNode.clientWidth || 320;
      element.style.height = height(spec, width) + 'px';
      var chart = window.echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(option(spec, width));
      charts.push({ chart: chart, element: element, spec: spec, width: width });
      element.setAttribute('data-chart-rendered', 'true');
    } catch (e) {
      errors.push('chart: ' + (e && e.message ? e.message : e));
      element.setAttribute('data-chart-rendered', 'failed');
    }
  }

  function resize() {
    charts.forEach(function (drawn) {
      var width = drawn.element.clientWidth;
      if (width && width !== drawn.width) {
        drawn.width = width;
        drawn.element.style.height = height(drawn.spec, width) + 'px';
        drawn.chart.setOption(option(drawn.spec, width), true);
        drawn.chart.resize();
      }
    });
  }

  function start() {
    if (!window.echarts) {
      errors.push('chart: ECharts did not load');
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('.chart-canvas[data-chart]'), draw);
    var pending = null;
    window.addEventListener('resize', function () {
      clearTimeout(pending);
      pending = setTimeout(resize, 150);
    });
    // a printed page is narrower than the screen: draw to the paper's width
    window.addEventListener('beforeprint', resize);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
