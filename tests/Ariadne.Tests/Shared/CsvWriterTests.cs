using System.Text;
using Ariadne.Web.Features.Shared.Csv;

namespace Ariadne.Tests.Shared;

/// <summary>The one CSV writer: formula injection neutralised, quoting correct, rows streamed (issue 13 item 7).</summary>
public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+40721234567", "'+40721234567")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cells_are_neutralised_and_quoted(string? value, string expected) =>
        Assert.Equal(expected, CsvWriter.Cell(value));

    [Fact]
    public void Carriage_return_at_the_start_is_neutralised_and_quoted() =>
        Assert.Equal("\"'\rx\"", CsvWriter.Cell("\rx"));

    [Fact]
    public void Rows_read_back_as_written_apart_from_the_neutralising_apostrophe()
    {
        string?[][] rows =
        [
            ["name", "note", "n"],
            ["Ана, \"Ани\"", "=HYPERLINK(\"http://x\")", "3"],
            ["multi\r\nline", null, "-1"],
        ];
        var text = CsvWriter.ToText(rows);
        var parsed = Parse(text);
        Assert.Equal(3, parsed.Count);
        Assert.Equal(["Ана, \"Ани\"", "'=HYPERLINK(\"http://x\")", "3"], parsed[1]);
        Assert.Equal(["multi\r\nline", "", "'-1"], parsed[2]);
    }

    [Fact]
    public async Task Stream_writer_flushes_as_it_goes_and_counts_rows()
    {
        using var stream = new MemoryStream();
        var csv = CsvWriter.ForStream(stream);
        for (var i = 0; i < 10_000; i++)
        {
            await csv.WriteRowAsync([i.ToString(System.Globalization.CultureInfo.InvariantCulture), "x"]);
        }
        // Rows reached the stream before the final flush: the export does not wait for its last row.
        Assert.True(stream.Length > 0);
        await csv.FlushAsync();
        Assert.Equal(10_000, csv.RowsWritten);
        Assert.Equal(10_000, Parse(Encoding.UTF8.GetString(stream.ToArray())).Count);
    }

    /// <summary>A minimal RFC 4180 reader, written for the test, independent of the writer.</summary>
    private static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString()); cell.Clear(); rows.Add([.. row]); row.Clear(); i++;
            }
            else { cell.Append(c); }
        }
        return rows;
    }
}
