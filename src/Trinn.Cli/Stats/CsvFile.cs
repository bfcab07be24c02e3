using Trinn.Core.Research;
using Trinn.Statistics.Contract;

namespace Trinn.Cli.Stats;

/// <summary>Reads a CSV file into a <see cref="CsvTable"/> (the contract's CSV rules); problems become <see cref="StatsRequestException"/>s naming the file.</summary>
internal static class CsvFile
{
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
