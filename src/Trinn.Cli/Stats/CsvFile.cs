using Trinn.Core.Research;
using Trinn.Statistics.Contract;

namespace Trinn.Cli.Stats;

/// <summary>Reads a CSV file into a <see cref="CsvTable"/> (the contract's CSV rules); problems become <see cref="StatsRequestException"/>s naming the file.</summary>
internal static class CsvFile
{
    /// <summary>
    /// The file as a <see cref="CsvRows"/>: read row by row, once per pass, for the analyses that keep only sums
    /// (<see cref="StatsRequest.RowWise"/>), so memory stays flat however large the file is.
    /// </summary>
    public static CsvRows Rows(string path)
    {
        if (!File.Exists(path))
        {
            throw new StatsRequestException($"Data file not found: {path}");
        }

        // No FileStream buffer: CsvRows reads 1 MB blocks itself.
        return new CsvRows(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan), source: path);
    }

    /// <summary>The file for <paramref name="analysis"/>: streamed for the row-wise analyses, in memory otherwise.</summary>
    public static IColumnSource For(string analysis, string path) =>
        StatsRequest.RowWise.Contains(analysis) ? Rows(path) : Load(path);

    public static CsvTable Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new StatsRequestException($"Data file not found: {path}");
        }

        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        try
        {
            return CsvTable.Parse(reader, source: path);
        }
        catch (CsvDataException e)
        {
            throw new StatsRequestException($"{path}: {e.Message}", e);
        }
    }
}
