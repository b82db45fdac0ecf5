using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Ariadne.Web.Features.Statistics;

/// <summary>
/// Charts drawn on the server as SVG (issue 13 item 3): no script, readable at 390 px (the drawing scales to the width),
/// printable. They draw only published values; a hidden cell is drawn as an outlined stub with the word "suppressed", so
/// a chart never shows what its table hides. Each chart is labelled for screen readers and followed by its data table.
/// </summary>
public static class SvgCharts
{
    private const int Width = 600;

    public static IHtmlContent For(PublishedFigure figure, string titleId) => figure.Definition.Chart switch
    {
        ChartKind.Trend => Trend(figure, titleId),
        ChartKind.Durations => Durations(figure, titleId),
        _ => Bars(figure, titleId),
    };

    /// <summary>The categories of a one-way table, or the column totals of a two-way one.</summary>
    public static IReadOnlyList<(string Label, PublishedCell Cell)> Series(PublishedFigure f) =>
        [.. Enumerable.Range(0, f.Table.Columns).Select(c => (f.Columns[c], f.Table.OneWay ? f.Table.Cell(0, c) : f.Table.ColumnTotal(c)))];

    private static HtmlString Bars(PublishedFigure figure, string titleId)
    {
        var series = Series(figure);
        const int rowHeight = 26;
        const int labelWidth = 200;
        var height = Math.Max(1, series.Count) * rowHeight + 10;
        var max = Math.Max(1, series.Select(s => s.Cell.Value ?? 0).DefaultIfEmpty(0).Max());
        var svg = Open(titleId, height, figure);
        for (var i = 0; i < series.Count; i++)
        {
            var (label, cell) = series[i];
            var y = 5 + i * rowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"chart-label\">{Text(Shorten(label))}</text>");
            if (cell.Value is { } v)
            {
                var w = (int)Math.Round((Width - labelWidth - 70) * (double)v / max);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{Math.Max(w, v > 0 ? 2 : 0)}\" height=\"{rowHeight - 8}\" class=\"chart-bar\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 6}\" y=\"{y + 17}\" class=\"chart-value\">{v}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"24\" height=\"{rowHeight - 8}\" class=\"chart-suppressed\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + 30}\" y=\"{y + 17}\" class=\"chart-value\">{PublishedFigure.SuppressedMarker}</text>");
            }
        }
        return Close(svg);
    }

    private static HtmlString Trend(PublishedFigure figure, string titleId)
    {
        var series = Series(figure);
        const int height = 220;
        const int left = 50;
        const int bottom = 190;
        const int top = 15;
        var max = Math.Max(1, series.Select(s => s.Cell.Value ?? 0).DefaultIfEmpty(0).Max());
        var svg = Open(titleId, height, figure);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{Width - 10}\" y2=\"{bottom}\" class=\"chart-axis\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{bottom}\" class=\"chart-axis\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{top + 5}\" text-anchor=\"end\" class=\"chart-label\">{max}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{bottom}\" text-anchor=\"end\" class=\"chart-label\">0</text>");
        if (series.Count > 0)
        {
            double X(int i) => series.Count == 1 ? (left + Width - 10) / 2.0 : left + 10 + i * (Width - left - 30.0) / (series.Count - 1);
            double Y(int v) => bottom - (bottom - top) * (double)v / max;
            var segment = new List<string>();
            void Flush()
            {
                if (segment.Count > 1)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', segment)}\" class=\"chart-line\"/>");
                }
                segment.Clear();
            }
            for (var i = 0; i < series.Count; i++)
            {
                if (series[i].Cell.Value is { } v)
                {
                    segment.Add(FormattableString.Invariant($"{X(i):0.#},{Y(v):0.#}"));
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(v):0.#}\" r=\"3\" class=\"chart-point\"/>");
                }
                else
                {
                    // A gap in the line, and an open marker on the axis: hidden, not zero.
                    Flush();
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{bottom}\" r=\"4\" class=\"chart-suppressed\"><title>{Text(series[i].Label)}: {PublishedFigure.SuppressedMarker}</title></circle>");
                }
            }
            Flush();
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(0):0.#}\" y=\"{bottom + 18}\" text-anchor=\"start\" class=\"chart-label\">{Text(series[0].Label)}</text>");
            if (series.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(series.Count - 1):0.#}\" y=\"{bottom + 18}\" text-anchor=\"end\" class=\"chart-label\">{Text(series[^1].Label)}</text>");
            }
        }
        return Close(svg);
    }

    private static HtmlString Durations(PublishedFigure figure, string titleId)
    {
        var bars = Bars(figure, titleId + "-bands");
        var times = figure.Times;
        var box = new StringBuilder();
        if (times is { LowerQuartile: { } q1, Median: { } median, UpperQuartile: { } q3 })
        {
            const int left = 40;
            var max = Math.Max(10, (int)Math.Ceiling(q3 * 1.25));
            double X(int d) => left + (Width - left - 20) * (double)d / max;
            var svg = Open(titleId, 70, figure);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"50\" x2=\"{Width - 20}\" y2=\"50\" class=\"chart-axis\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(q1):0.#}\" y=\"10\" width=\"{Math.Max(2, X(q3) - X(q1)):0.#}\" height=\"30\" class=\"chart-box\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(median):0.#}\" y1=\"6\" x2=\"{X(median):0.#}\" y2=\"44\" class=\"chart-median\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"66\" class=\"chart-label\">0</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 20}\" y=\"66\" text-anchor=\"end\" class=\"chart-label\">{max} days</text>");
            box.Append(Close(svg).ToString());
        }
        return new HtmlString(box + bars.ToString());
    }

    private static StringBuilder Open(string titleId, int height, PublishedFigure figure)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{titleId}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{Text(figure.Definition.Title)} (the table below gives the figures)</title>");
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Text(string value) => WebUtility.HtmlEncode(value);

    private static string Shorten(string label) => label.Length > 28 ? label[..27] + "…" : label;
}
