using System.Globalization;
using Ariadne.Web.Features.Shared.Csv;

namespace Ariadne.Web.Features.Statistics;

/// <summary>
/// A published figure as CSV, through the one CSV writer: the definition and legend first, then the table with its totals,
/// hidden cells written as the same marker the page shows. Written straight to the response stream.
/// </summary>
public static class StatisticsCsv
{
    public static async Task WriteAsync(Stream output, PublishedFigure figure, StatisticsFilter filter, CancellationToken ct)
    {
        var csv = CsvWriter.ForStream(output);
        foreach (var row in Rows(figure, filter))
        {
            await csv.WriteRowAsync(row, ct);
        }
        await csv.FlushAsync(ct);
    }

    public static string FileName(PublishedFigure figure) => $"ariadne-statistics-{figure.Definition.Id}.csv";

    public static IEnumerable<string?[]> Rows(PublishedFigure figure, StatisticsFilter filter)
    {
        var d = figure.Definition;
        var t = figure.Table;
        yield return ["Figure", d.Title];
        yield return ["Definition", d.Definition];
        yield return ["Period", filter.Describe()];
        yield return ["Legend", Legend(figure)];
        yield return [];
        if (t.OneWay)
        {
            yield return [d.ColumnsLabel, "Count"];
            for (var c = 0; c < t.Columns; c++)
            {
                yield return [figure.Columns[c], PublishedFigure.Show(t.Cell(0, c))];
            }
            yield return ["Total", PublishedFigure.Show(t.GrandTotal)];
        }
        else
        {
            yield return [$"{d.RowsLabel} / {d.ColumnsLabel}", .. figure.Columns, "Total"];
            for (var r = 0; r < t.Rows; r++)
            {
                yield return [figure.Rows[r], .. Enumerable.Range(0, t.Columns).Select(c => PublishedFigure.Show(t.Cell(r, c))),
                    PublishedFigure.Show(t.RowTotal(r))];
            }
            yield return ["Total", .. Enumerable.Range(0, t.Columns).Select(c => PublishedFigure.Show(t.ColumnTotal(c))),
                PublishedFigure.Show(t.GrandTotal)];
        }
        if (figure.Times is { } times)
        {
            yield return [];
            yield return ["Lower quartile (days)", Days(times.LowerQuartile)];
            yield return ["Median (days)", Days(times.Median)];
            yield return ["Upper quartile (days)", Days(times.UpperQuartile)];
        }
    }

    public static string Legend(PublishedFigure figure) => figure.Unsuppressed
        ? "UNSUPPRESSED figures for quality control: not for publication (this view is audited)."
        : $"'{PublishedFigure.SuppressedMarker}': hidden by disclosure control — a count from 1 to {figure.Rules.Threshold - 1}, or a "
            + "cell hidden so that such a count cannot be worked out from the totals. Zeros are shown."
            + (figure.Rules.RoundingBase > 1 ? $" Figures are rounded to a multiple of {figure.Rules.RoundingBase}; totals are rounded on their own." : "");

    private static string Days(int? days) => days?.ToString(CultureInfo.InvariantCulture) ?? PublishedFigure.SuppressedMarker;
}
