namespace Ariadne.Web.Features.Statistics;

/// <summary>Why a cell is or is not shown. Pages, charts, CSV and API all render this, never the raw count.</summary>
public enum CellStatus
{
    Published,
    /// <summary>Below the threshold: a small count can point at one person (STR-V1..V4 need scale, not people).</summary>
    Primary,
    /// <summary>Not small, but hidden so that a primary cell cannot be recovered from the totals.</summary>
    Secondary,
}

/// <summary>One published figure: <see cref="Value"/> is null whenever the cell is suppressed.</summary>
public readonly record struct PublishedCell(int? Value, CellStatus Status)
{
    public bool Suppressed => Status != CellStatus.Published;
}

/// <summary>The jurisdiction's disclosure rules (ADR 0018).</summary>
/// <param name="Threshold">Counts from 1 to Threshold − 1 are suppressed; zeros are published (they describe nobody).</param>
/// <param name="RoundingBase">0 or 1: exact figures; otherwise every published figure, totals included, is rounded to the
/// nearest multiple independently, so rounded cells need not add up to the rounded total.</param>
public sealed record DisclosureRules(int Threshold = 5, int RoundingBase = 0)
{
    public static DisclosureRules Default { get; } = new();

    /// <summary>Unsuppressed figures for quality control (the coordinator, audited): nothing hidden or rounded.</summary>
    public static DisclosureRules None { get; } = new(0, 0);

    internal bool IsSmall(long value) => value > 0 && value < Threshold;

    internal int? Round(long value) =>
        RoundingBase <= 1 ? (int)value : (int)(Math.Round(value / (double)RoundingBase, MidpointRounding.AwayFromZero) * RoundingBase);
}

/// <summary>
/// A protected two-way table: interior cells, row totals, column totals and the grand total, each published or suppressed.
/// A one-way table (categories and their total) is a table with a single row whose total is the grand total.
/// </summary>
public sealed class ProtectedTable
{
    internal ProtectedTable(PublishedCell[,] extended, bool oneWay)
    {
        Extended = extended;
        OneWay = oneWay;
    }

    /// <summary>(rows + 1) × (columns + 1): the last row holds the column totals, the last column the row totals.</summary>
    internal PublishedCell[,] Extended { get; }

    public bool OneWay { get; }
    public int Rows => Extended.GetLength(0) - 1;
    public int Columns => Extended.GetLength(1) - 1;
    public PublishedCell Cell(int row, int column) => Extended[row, column];
    public PublishedCell RowTotal(int row) => Extended[row, Columns];
    public PublishedCell ColumnTotal(int column) => Extended[Rows, column];
    public PublishedCell GrandTotal => Extended[Rows, Columns];

    /// <summary>Every figure the table publishes (a one-way table has no separate row total or column totals).</summary>
    public IEnumerable<PublishedCell> AllPublished()
    {
        var rows = OneWay ? 1 : Rows + 1;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c <= Columns; c++)
            {
                yield return Extended[r, c];
            }
        }
    }
}

/// <summary>
/// Statistical disclosure control for every figure Ariadne publishes (issue 13 item 2, ADR 0018). Pure: counts in,
/// protected table out. Primary suppression hides counts from 1 to threshold − 1 (totals too). Secondary suppression
/// then works on the table extended by its margins, where every row and every column — totals included — is one
/// equation: it suppresses more cells until (a) no equation has exactly one hidden cell, and (b) no hidden cell is
/// determined by combining equations. For a table with margins, a hidden cell is determined exactly when it is a
/// bridge in the bipartite graph "row line — column line" of hidden cells (the kernel of the margin equations is
/// that graph's cycle space), so (b) adds a cell that closes a cycle through every bridge. Both steps repeat until
/// nothing changes. Complements are chosen cheapest first: small non-zero interior cells, then totals, then zeros
/// (a hidden zero lets the reader bound its partner's value from below, so it is the last resort).
/// </summary>
public static class DisclosureControl
{
    /// <summary>A one-way table: categories and their total.</summary>
    public static ProtectedTable ProtectOneWay(IReadOnlyList<long> counts, DisclosureRules rules) =>
        Protect(OneRow(counts), rules, oneWay: true);

    /// <summary>A two-way table <paramref name="counts"/>[row][column] with row, column and grand totals.</summary>
    public static ProtectedTable ProtectTwoWay(long[,] counts, DisclosureRules rules) => Protect(counts, rules, oneWay: false);

    private static long[,] OneRow(IReadOnlyList<long> counts)
    {
        var table = new long[1, counts.Count];
        for (var c = 0; c < counts.Count; c++)
        {
            table[0, c] = counts[c];
        }
        return table;
    }

    private static ProtectedTable Protect(long[,] counts, DisclosureRules rules, bool oneWay)
    {
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var value = new long[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (counts[r, c] < 0)
                {
                    throw new ArgumentException("Counts cannot be negative.", nameof(counts));
                }
                value[r, c] = counts[r, c];
                value[r, columns] += counts[r, c];
                value[rows, c] += counts[r, c];
                value[rows, columns] += counts[r, c];
            }
        }

        var status = new CellStatus[rows + 1, columns + 1];
        // A one-way table publishes its single row and the grand total only: the column "totals" repeat the cells and
        // the row total repeats the grand total, so they are never separate figures.
        var lastRow = oneWay ? 0 : rows;
        for (var r = 0; r <= lastRow; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                if (rules.IsSmall(value[r, c]))
                {
                    status[r, c] = CellStatus.Primary;
                }
            }
        }

        if (rows > 0 && columns > 0)
        {
            if (oneWay)
            {
                SecureLine(value, status, Enumerable.Range(0, columns + 1).Select(c => (0, c)).ToList(), rows, columns);
            }
            else
            {
                SecureTwoWay(value, status, rows, columns);
            }
        }

        var published = new PublishedCell[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                var source = oneWay && r == rows ? (0, c) : (r, c);
                var s = status[source.Item1, source.Item2];
                published[r, c] = s == CellStatus.Published
                    ? new PublishedCell(rules.Round(value[source.Item1, source.Item2]), s)
                    : new PublishedCell(null, s);
            }
        }
        if (oneWay)
        {
            // The single row's total is the grand total.
            for (var r = 0; r < rows; r++)
            {
                published[r, columns] = published[rows, columns];
            }
        }
        return new ProtectedTable(published, oneWay);
    }

    private static void SecureTwoWay(long[,] value, CellStatus[,] status, int rows, int columns)
    {
        var lines = new List<List<(int, int)>>();
        for (var r = 0; r <= rows; r++)
        {
            lines.Add(Enumerable.Range(0, columns + 1).Select(c => (r, c)).ToList());
        }
        for (var c = 0; c <= columns; c++)
        {
            lines.Add(Enumerable.Range(0, rows + 1).Select(r => (r, c)).ToList());
        }

        while (true)
        {
            var changed = false;
            foreach (var line in lines)
            {
                changed |= SecureLine(value, status, line, rows, columns);
            }
            if (changed)
            {
                continue;
            }
            var bridge = FindBridge(status, rows, columns);
            if (bridge is null)
            {
                return;
            }
            CloseCycle(value, status, bridge.Value, rows, columns);
        }
    }

    /// <summary>An equation with exactly one hidden cell gives it away: hide the cheapest other cell of the equation.</summary>
    private static bool SecureLine(long[,] value, CellStatus[,] status, List<(int Row, int Column)> line, int rows, int columns)
    {
        var hidden = line.Count(p => status[p.Row, p.Column] != CellStatus.Published);
        if (hidden != 1)
        {
            return false;
        }
        var choice = line.Where(p => status[p.Row, p.Column] == CellStatus.Published)
            .OrderBy(p => Cost(value, status, p.Row, p.Column, rows, columns)).First();
        status[choice.Row, choice.Column] = CellStatus.Secondary;
        return true;
    }

    /// <summary>
    /// Cheapest first: non-zero before zero, interior before totals (the grand total last), a cell whose crossing line
    /// already hides something before one that would start a new cascade, then the smallest value (the least lost).
    /// </summary>
    private static (int, int, int, long) Cost(long[,] value, CellStatus[,] status, int row, int column, int rows, int columns)
    {
        var zero = value[row, column] == 0 ? 1 : 0;
        var margin = (row == rows ? 1 : 0) + (column == columns ? 1 : 0);
        var crossingHides = 0;
        for (var r = 0; r <= rows; r++)
        {
            if (r != row && status[r, column] != CellStatus.Published)
            {
                crossingHides = 1;
            }
        }
        for (var c = 0; c <= columns; c++)
        {
            if (c != column && status[row, c] != CellStatus.Published)
            {
                crossingHides = 1;
            }
        }
        return (zero, margin, 1 - crossingHides, value[row, column]);
    }

    /// <summary>A hidden cell (row line r, column line c) that lies on no cycle of hidden cells, if any.</summary>
    private static (int Row, int Column)? FindBridge(CellStatus[,] status, int rows, int columns)
    {
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                if (status[r, c] != CellStatus.Published && !Connected(status, rows, columns, r, c, without: (r, c)))
                {
                    return (r, c);
                }
            }
        }
        return null;
    }

    /// <summary>Row-line nodes 0..rows, column-line nodes rows+1..: is column c reachable from row r over hidden cells?</summary>
    private static bool Connected(CellStatus[,] status, int rows, int columns, int fromRow, int toColumn, (int, int) without) =>
        Reach(status, rows, columns, fromRow, without).Columns.Contains(toColumn);

    private static (HashSet<int> Rows, HashSet<int> Columns) Reach(CellStatus[,] status, int rows, int columns, int fromRow, (int, int) without)
    {
        var seenRows = new HashSet<int> { fromRow };
        var seenColumns = new HashSet<int>();
        var queue = new Queue<(bool IsRow, int Index)>();
        queue.Enqueue((true, fromRow));
        while (queue.Count > 0)
        {
            var (isRow, index) = queue.Dequeue();
            if (isRow)
            {
                for (var c = 0; c <= columns; c++)
                {
                    if (status[index, c] != CellStatus.Published && (index, c) != without && seenColumns.Add(c))
                    {
                        queue.Enqueue((false, c));
                    }
                }
            }
            else
            {
                for (var r = 0; r <= rows; r++)
                {
                    if (status[r, index] != CellStatus.Published && (r, index) != without && seenRows.Add(r))
                    {
                        queue.Enqueue((true, r));
                    }
                }
            }
        }
        return (seenRows, seenColumns);
    }

    /// <summary>
    /// Removing the bridge splits its component into the side of its row line and the side of its column line; hiding
    /// one more cell that joins the two sides puts the bridge on a cycle. The line rule has run, so both sides have
    /// another line each and such a cell exists.
    /// </summary>
    private static void CloseCycle(long[,] value, CellStatus[,] status, (int Row, int Column) bridge, int rows, int columns)
    {
        var rowSide = Reach(status, rows, columns, bridge.Row, bridge);
        var columnSideRows = new HashSet<int>();
        for (var r = 0; r <= rows; r++)
        {
            if (status[r, bridge.Column] != CellStatus.Published && r != bridge.Row)
            {
                columnSideRows.UnionWith(Reach(status, rows, columns, r, bridge).Rows);
            }
        }
        var columnSideColumns = new HashSet<int> { bridge.Column };
        foreach (var r in columnSideRows)
        {
            columnSideColumns.UnionWith(Reach(status, rows, columns, r, bridge).Columns);
        }
        var candidates = new List<(int Row, int Column)>();
        foreach (var r in rowSide.Rows)
        {
            candidates.AddRange(columnSideColumns.Where(c => status[r, c] == CellStatus.Published).Select(c => (r, c)));
        }
        foreach (var r in columnSideRows)
        {
            candidates.AddRange(rowSide.Columns.Where(c => status[r, c] == CellStatus.Published).Select(c => (r, c)));
        }
        if (candidates.Count == 0)
        {
            // Cannot happen after the line rule; hiding the whole table is the safe answer if it ever did.
            for (var r = 0; r <= rows; r++)
            {
                for (var c = 0; c <= columns; c++)
                {
                    if (status[r, c] == CellStatus.Published)
                    {
                        status[r, c] = CellStatus.Secondary;
                    }
                }
            }
            return;
        }
        var choice = candidates.OrderBy(p => Cost(value, status, p.Row, p.Column, rows, columns)).First();
        status[choice.Row, choice.Column] = CellStatus.Secondary;
    }
}
