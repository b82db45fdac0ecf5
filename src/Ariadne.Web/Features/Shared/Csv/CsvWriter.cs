using System.Text;

namespace Ariadne.Web.Features.Shared.Csv;

/// <summary>
/// The one CSV writer of Ariadne: every export (audit trail, statistics, HTCDS, CTDC…) goes through it, so the
/// defence against spreadsheet formula injection lives in one place. A cell that begins with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return is prefixed with an apostrophe: spreadsheets otherwise run it
/// as a formula (<c>=HYPERLINK(…)</c> in a victim's alias would phone home from the analyst's machine). Rows are
/// written as they come, never gathered in memory, so an export of a million rows streams to the response.
/// </summary>
public sealed class CsvWriter(TextWriter output)
{
    /// <summary>RFC 4180 line ending, which every spreadsheet reads.</summary>
    private const string LineEnd = "\r\n";

    public long RowsWritten { get; private set; }

    public static CsvWriter ForStream(Stream stream) =>
        new(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true));

    public void WriteRow(IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                output.Write(',');
            }
            output.Write(Cell(cell));
            first = false;
        }
        output.Write(LineEnd);
        RowsWritten++;
    }

    public void WriteRow(params string?[] cells) => WriteRow((IEnumerable<string?>)cells);

    public async Task WriteRowAsync(IEnumerable<string?> cells, CancellationToken cancellationToken = default)
    {
        WriteRow(cells);
        // Flush every few thousand rows so a long export reaches the client as it is produced.
        if (RowsWritten % 4096 == 0)
        {
            await output.FlushAsync(cancellationToken);
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => output.FlushAsync(cancellationToken);

    /// <summary>One cell: neutralised against formulas, then quoted when it holds a comma, quote or line break.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>Writes whole rows to a string: for small exports and tests.</summary>
    public static string ToText(IEnumerable<IEnumerable<string?>> rows)
    {
        using var text = new StringWriter();
        var csv = new CsvWriter(text);
        foreach (var row in rows)
        {
            csv.WriteRow(row);
        }
        return text.ToString();
    }
}
