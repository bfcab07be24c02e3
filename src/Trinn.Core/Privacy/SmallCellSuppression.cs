namespace Trinn.Core.Privacy;

/// <summary>
/// Small-cell suppression for aggregates shown to leder and forsker: a count below the threshold is hidden,
/// and so are further cells where a row or column total would let someone subtract their way to a hidden one
/// (complementary suppression).
/// </summary>
public static class SmallCellSuppression
{
    public const int DefaultThreshold = 5;

    /// <summary>
    /// Returns which cells of <paramref name="counts"/> must be hidden when row and column totals are shown.
    /// Zero cells are not hidden (an empty cell reveals no person) but may be chosen as complements when
    /// nothing else is available.
    /// </summary>
    public static bool[,] Suppress(int[,] counts, int threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = counts.GetLength(0);
        var cols = counts.GetLength(1);
        var hidden = new bool[rows, cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                hidden[r, c] = counts[r, c] > 0 && counts[r, c] < threshold;
            }
        }

        // A line with exactly one hidden cell gives it away through its total: hide the smallest other cell.
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var r = 0; r < rows; r++)
            {
                changed |= Complement(Enumerable.Range(0, cols).Select(c => (r, c)).ToList(), counts, hidden);
            }

            for (var c = 0; c < cols; c++)
            {
                changed |= Complement(Enumerable.Range(0, rows).Select(r => (r, c)).ToList(), counts, hidden);
            }
        }

        return hidden;
    }

    /// <summary>Shown for a cell hidden only so that a small one cannot be worked out from the totals (Statistics Norway's ":").</summary>
    public const string ComplementSymbol = ":";

    /// <summary>
    /// The shown text of one count: the number; "&lt;threshold" when it is hidden for being small; and
    /// <see cref="ComplementSymbol"/> when it is hidden as a complement, so a hidden 11 is never shown as "&lt;5".
    /// </summary>
    public static string Display(int count, bool hidden, int threshold = DefaultThreshold) =>
        !hidden ? count.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : count > 0 && count < threshold ? "<" + threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : ComplementSymbol;

    private static bool Complement(List<(int R, int C)> line, int[,] counts, bool[,] hidden)
    {
        var hiddenCount = line.Count(p => hidden[p.R, p.C]);
        if (hiddenCount != 1 || line.Count < 2)
        {
            return false;
        }

        var candidates = line.Where(p => !hidden[p.R, p.C]).OrderBy(p => counts[p.R, p.C] == 0 ? 1 : 0).ThenBy(p => counts[p.R, p.C]).ToList();
        if (candidates.Count == 0)
        {
            return false;
        }

        var pick = candidates[0];
        hidden[pick.R, pick.C] = true;
        return true;
    }
}
