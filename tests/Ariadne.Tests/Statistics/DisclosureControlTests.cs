using Ariadne.Web.Features.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ariadne.Tests.Statistics;

/// <summary>
/// Issue 13 done-when: for random tables, no published cell is below the threshold and no suppressed cell can be derived
/// from what is published. The attacker here is written independently of <see cref="DisclosureControl"/>: it sets up the
/// table's equations (every row and column, margins included, and the grand total), substitutes published figures, and
/// (1) solves by substitution to a fixed point, (2) asks linear algebra whether any hidden cell is fixed by a combination
/// of equations.
/// </summary>
public sealed class DisclosureControlTests
{
    private const int Runs = 400;

    // Many small counts and many zeros, so that suppression patterns cascade; sometimes large counts.
    private static readonly Gen<long> s_count = Gen.Frequency(
        (3, Gen.Choose(0, 0).Select(v => (long)v)),
        (5, Gen.Choose(1, 6).Select(v => (long)v)),
        (3, Gen.Choose(5, 40).Select(v => (long)v)),
        (1, Gen.Choose(100, 5000).Select(v => (long)v)));

    private static Arbitrary<long[,]> TwoWayTables() =>
        (from rows in Gen.Choose(1, 6)
         from columns in Gen.Choose(1, 6)
         from cells in s_count.ArrayOf(rows * columns)
         select ToTable(rows, columns, cells)).ToArbitrary();

    private static Arbitrary<long[]> OneWayTables() => (from n in Gen.Choose(1, 10) from cells in s_count.ArrayOf(n) select cells).ToArbitrary();

    private static long[,] ToTable(int rows, int columns, long[] cells)
    {
        var table = new long[rows, columns];
        for (var i = 0; i < cells.Length; i++)
        {
            table[i / columns, i % columns] = cells[i];
        }
        return table;
    }

    [Property(MaxTest = Runs)]
    public Property Two_way_tables_publish_no_small_cell_and_leak_no_hidden_cell() =>
        Prop.ForAll(TwoWayTables(), Gen.Choose(2, 11).ToArbitrary(), (table, threshold) =>
        {
            var result = DisclosureControl.ProtectTwoWay(table, new DisclosureRules(threshold));
            var attack = Attacker.TwoWay(table, result);
            return (NoSmallPublished(result, threshold) && attack.Substitution.Count == 0 && attack.LinearAlgebra.Count == 0
                    && PublishedAreTrue(table, result))
                .Label($"substitution recovers {string.Join(", ", attack.Substitution)}; algebra recovers {string.Join(", ", attack.LinearAlgebra)}");
        });

    [Property(MaxTest = Runs)]
    public Property One_way_tables_publish_no_small_cell_and_leak_no_hidden_cell() =>
        Prop.ForAll(OneWayTables(), Gen.Choose(2, 11).ToArbitrary(), (counts, threshold) =>
        {
            var result = DisclosureControl.ProtectOneWay(counts, new DisclosureRules(threshold));
            var attack = Attacker.OneWay(counts, result);
            return (NoSmallPublished(result, threshold) && attack.Substitution.Count == 0 && attack.LinearAlgebra.Count == 0)
                .Label($"recovers {string.Join(", ", attack.Substitution.Concat(attack.LinearAlgebra))}");
        });

    [Property(MaxTest = Runs)]
    public Property Rounding_publishes_multiples_of_the_base_and_never_a_small_count() =>
        Prop.ForAll(TwoWayTables(), table =>
        {
            var result = DisclosureControl.ProtectTwoWay(table, new DisclosureRules(5, 5));
            return result.AllPublished().Where(c => !c.Suppressed).All(c => c.Value!.Value % 5 == 0)
                && NoSmallPublished(result, 5);
        });

    private static bool NoSmallPublished(ProtectedTable result, int threshold) =>
        result.AllPublished().Where(c => !c.Suppressed).All(c => c.Value == 0 || c.Value >= threshold);

    private static bool PublishedAreTrue(long[,] table, ProtectedTable result)
    {
        for (var r = 0; r < result.Rows; r++)
        {
            for (var c = 0; c < result.Columns; c++)
            {
                if (!result.Cell(r, c).Suppressed && result.Cell(r, c).Value != table[r, c])
                {
                    return false;
                }
            }
        }
        return true;
    }

    [Fact]
    public void A_single_small_cell_takes_a_partner_in_its_row_and_column_and_a_fourth_cell_closes_the_rectangle()
    {
        long[,] table = { { 2, 20, 30 }, { 40, 50, 60 }, { 70, 80, 90 } };
        var result = DisclosureControl.ProtectTwoWay(table, DisclosureRules.Default);

        Assert.Equal(CellStatus.Primary, result.Cell(0, 0).Status);
        // Cheapest complements: 20 in its row, 40 in its column, and 50 where they cross.
        Assert.Equal(CellStatus.Secondary, result.Cell(0, 1).Status);
        Assert.Equal(CellStatus.Secondary, result.Cell(1, 0).Status);
        Assert.Equal(CellStatus.Secondary, result.Cell(1, 1).Status);
        Assert.Equal(4, result.AllPublished().Count(c => c.Suppressed));
        Assert.Equal(442, result.GrandTotal.Value);
    }

    [Fact]
    public void Zeros_are_published_and_are_not_chosen_as_complements_while_a_non_zero_cell_can_serve()
    {
        var result = DisclosureControl.ProtectOneWay([0, 3, 0, 12, 40], DisclosureRules.Default);

        Assert.Equal(new int?[] { 0, null, 0, null, 40 }, Enumerable.Range(0, 5).Select(c => result.Cell(0, c).Value));
        Assert.Equal(CellStatus.Secondary, result.Cell(0, 3).Status);
        Assert.Equal(55, result.GrandTotal.Value);
    }

    [Fact]
    public void A_small_total_is_suppressed_with_its_only_category()
    {
        var result = DisclosureControl.ProtectOneWay([0, 4], DisclosureRules.Default);

        Assert.True(result.Cell(0, 1).Suppressed);
        Assert.True(result.GrandTotal.Suppressed);
        Assert.Equal(0, result.Cell(0, 0).Value);
    }

    [Fact]
    public void Two_blocks_of_small_cells_joined_by_one_small_cell_leak_nothing()
    {
        // The joining cell is where a line-by-line rule is weakest: it can end up on no cycle of hidden cells, and then
        // it follows from combining equations even though every single equation has two unknowns.
        long[,] table =
        {
            { 1, 1, 50, 50, 50 },
            { 1, 1, 1, 50, 50 },
            { 50, 50, 50, 1, 1 },
            { 50, 50, 50, 1, 1 },
        };
        var result = DisclosureControl.ProtectTwoWay(table, DisclosureRules.Default);
        var attack = Attacker.TwoWay(table, result);

        Assert.Empty(attack.Substitution);
        Assert.Empty(attack.LinearAlgebra);
        Assert.Contains(result.AllPublished(), c => c.Status == CellStatus.Secondary);
    }

    [Fact]
    public void Rounding_rounds_totals_independently_to_the_nearest_multiple()
    {
        var result = DisclosureControl.ProtectOneWay([12, 13, 0], new DisclosureRules(5, 5));

        Assert.Equal(new int?[] { 10, 15, 0 }, Enumerable.Range(0, 3).Select(c => result.Cell(0, c).Value));
        Assert.Equal(25, result.GrandTotal.Value);
    }

    [Fact]
    public void Without_rules_nothing_is_hidden()
    {
        var result = DisclosureControl.ProtectOneWay([1, 2, 3], DisclosureRules.None);

        Assert.All(result.AllPublished(), c => Assert.False(c.Suppressed));
        Assert.Equal(6, result.GrandTotal.Value);
    }

    [Fact]
    public void The_attacker_finds_a_lone_hidden_cell_so_a_broken_protection_would_fail_the_properties()
    {
        // A protection that only did primary suppression: the attacker must recover the small cell from its row total.
        long[,] table = { { 2, 20 }, { 40, 50 } };
        var primaryOnly = DisclosureControl.ProtectTwoWay(table, DisclosureRules.None);
        var attack = Attacker.TwoWay(table, primaryOnly, hide: [(0, 0)]);

        Assert.Contains((0, 0), attack.Substitution);
        Assert.Contains((0, 0), attack.LinearAlgebra);
    }

    /// <summary>The reader of a published table, knowing the equations and the published figures.</summary>
    private static class Attacker
    {
        public sealed record Result(List<(int Row, int Column)> Substitution, List<(int Row, int Column)> LinearAlgebra);

        public static Result TwoWay(long[,] table, ProtectedTable result, (int, int)[]? hide = null)
        {
            var rows = table.GetLength(0);
            var columns = table.GetLength(1);
            var hidden = new List<(int, int)>();
            for (var r = 0; r <= rows; r++)
            {
                for (var c = 0; c <= columns; c++)
                {
                    var cell = r < rows && c < columns ? result.Cell(r, c) : r < rows ? result.RowTotal(r) : c < columns ? result.ColumnTotal(c) : result.GrandTotal;
                    if (cell.Suppressed || (hide?.Contains((r, c)) ?? false))
                    {
                        hidden.Add((r, c));
                    }
                }
            }
            // Each line: its cells minus its total is zero.
            var equations = new List<List<((int, int) Cell, int Sign)>>();
            for (var r = 0; r <= rows; r++)
            {
                equations.Add(Enumerable.Range(0, columns).Select(c => ((r, c), 1)).Append(((r, columns), -1)).ToList());
            }
            for (var c = 0; c <= columns; c++)
            {
                equations.Add(Enumerable.Range(0, rows).Select(r => ((r, c), 1)).Append(((rows, c), -1)).ToList());
            }
            return Solve(hidden, equations);
        }

        public static Result OneWay(long[] counts, ProtectedTable result)
        {
            var hidden = new List<(int, int)>();
            for (var c = 0; c < counts.Length; c++)
            {
                if (result.Cell(0, c).Suppressed)
                {
                    hidden.Add((0, c));
                }
            }
            if (result.GrandTotal.Suppressed)
            {
                hidden.Add((0, counts.Length));
            }
            var equation = Enumerable.Range(0, counts.Length).Select(c => ((0, c), 1)).Append(((0, counts.Length), -1)).ToList();
            return Solve(hidden, [equation]);
        }

        private static Result Solve(List<(int, int)> hidden, List<List<((int, int) Cell, int Sign)>> equations) =>
            new(BySubstitution(hidden, equations), ByLinearAlgebra(hidden, equations));

        /// <summary>The brief's sufficient check: an equation with one unknown gives it; substitute and repeat.</summary>
        private static List<(int, int)> BySubstitution(List<(int, int)> hidden, List<List<((int, int) Cell, int Sign)>> equations)
        {
            var unknown = hidden.ToHashSet();
            var derived = new List<(int, int)>();
            bool progress;
            do
            {
                progress = false;
                foreach (var equation in equations)
                {
                    var unknownHere = equation.Where(t => unknown.Contains(t.Cell)).ToList();
                    if (unknownHere.Count == 1)
                    {
                        unknown.Remove(unknownHere[0].Cell);
                        derived.Add(unknownHere[0].Cell);
                        progress = true;
                    }
                }
            }
            while (progress);
            return derived;
        }

        /// <summary>
        /// Stronger: a hidden cell is determined when its unit vector lies in the row space of the equations restricted to
        /// hidden cells (the published cells move to the right-hand side). Rank by Gaussian elimination on exact integers.
        /// </summary>
        private static List<(int, int)> ByLinearAlgebra(List<(int, int)> hidden, List<List<((int, int) Cell, int Sign)>> equations)
        {
            var index = hidden.Select((cell, i) => (cell, i)).ToDictionary(p => p.cell, p => p.i);
            var matrix = equations.Select(e =>
            {
                var row = new long[hidden.Count];
                foreach (var (cell, sign) in e)
                {
                    if (index.TryGetValue(cell, out var i))
                    {
                        row[i] += sign;
                    }
                }
                return row;
            }).ToList();
            var rank = Rank(matrix);
            var determined = new List<(int, int)>();
            for (var i = 0; i < hidden.Count; i++)
            {
                var unit = new long[hidden.Count];
                unit[i] = 1;
                if (Rank([.. matrix, unit]) == rank)
                {
                    determined.Add(hidden[i]);
                }
            }
            return determined;
        }

        private static int Rank(List<long[]> source)
        {
            var m = source.Select(r => r.Select(v => (System.Numerics.BigInteger)v).ToArray()).ToList();
            var columns = m.Count == 0 ? 0 : m[0].Length;
            var rank = 0;
            for (var col = 0; col < columns && rank < m.Count; col++)
            {
                var pivot = m.FindIndex(rank, r => !r[col].IsZero);
                if (pivot < 0)
                {
                    continue;
                }
                (m[rank], m[pivot]) = (m[pivot], m[rank]);
                for (var r = 0; r < m.Count; r++)
                {
                    if (r != rank && !m[r][col].IsZero)
                    {
                        var a = m[rank][col];
                        var b = m[r][col];
                        for (var k = 0; k < columns; k++)
                        {
                            m[r][k] = m[r][k] * a - m[rank][k] * b;
                        }
                    }
                }
                rank++;
            }
            return rank;
        }
    }
}
