using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Trinn.Cli.Fidelity;

namespace Trinn.Cli.Tests.Fidelity;

public sealed class FidelityScoreCommandTests : IDisposable
{
    private const string Header = "team,round,respondent,item1,item2,item3,item4,item5,item6,item7,item8,item9,item10,item11,item12,item13,item14,item15,item16,item17,item18,item19";

    // Table 1 of the report (INSTRUMENTS.md A.5), items 1–19: inclusion Team 1 (67.6, rimelig) and 12 months Team 2 (72.4, godt).
    private static readonly string[] InclusionTeam1 = ["5", "4", "5", "3.4", "4.2", "4.2", "2", "2", "4.3", "3.4", "3", "4.4", "3.8", "4.6", "4", "4.6", "3.5", "2.2", "0"];
    private static readonly string[] TwelveMonthsTeam2 = ["5", "3", "5", "2.6", "4.2", "4.4", "4", "2", "4.4", "4.6", "3.2", "4.8", "3.4", "4.6", "4.6", "4.8", "4", "1.8", "2"];

    private readonly string _directory = Directory.CreateTempSubdirectory("trinn-fidelity-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteFile(string content)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content, Encoding.UTF8);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(FidelityCommand.Create());
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Ten respondents per column whose scores sum to 10 × the printed mean (one-decimal means are then exact);
    /// a multi-select item with value c is c ticked boxes for everyone.
    /// </summary>
    private static IEnumerable<string> Rows(string team, string round, string[] means)
    {
        const int n = 10;
        for (var r = 0; r < n; r++)
        {
            var cells = new List<string> { team, round, $"js{r + 1}" };
            for (var item = 1; item <= 19; item++)
            {
                var sum = (int)(decimal.Parse(means[item - 1], CultureInfo.InvariantCulture) * n);
                var score = sum / n + (r < sum % n ? 1 : 0);
                var multi = item is 3 or 7 or 8 or 19;
                cells.Add(!multi ? score.ToString(CultureInfo.InvariantCulture)
                    : score == 0 ? "0"
                    : string.Join('|', Enumerable.Range(1, score)));
            }

            yield return string.Join(',', cells);
        }
    }

    private static string Table1Csv() =>
        string.Join('\n', [Header, .. Rows("Team 1", "Inklusjon", InclusionTeam1), .. Rows("Team 2", "12 mnd", TwelveMonthsTeam2)]) + "\n";

    [Fact]
    public void Score_Table1ColumnsSeedReplication_ReportedTotalsAndBands()
    {
        var path = WriteFile(Table1Csv());

        var (exitCode, output, error) = Run("fidelity", "score", "--responses", path, "--mode", "seed_replication");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());

        var first = results[0];
        Assert.Equal("Team 1", first.GetProperty("team").GetString());
        Assert.Equal("Inklusjon", first.GetProperty("round").GetString());
        Assert.Equal("seed_replication", first.GetProperty("mode").GetString());
        Assert.Equal(67.6m, first.GetProperty("total").GetDecimal());
        Assert.Equal("rimelig", first.GetProperty("band").GetString());
        var items = first.GetProperty("items");
        Assert.Equal(19, items.GetArrayLength());
        for (var i = 0; i < 19; i++)
        {
            Assert.Equal(i + 1, items[i].GetProperty("item").GetInt32());
            Assert.Equal(decimal.Parse(InclusionTeam1[i], CultureInfo.InvariantCulture), items[i].GetProperty("mean").GetDecimal());
            Assert.Equal(10, items[i].GetProperty("n").GetInt32());
        }

        var second = results[1];
        Assert.Equal("Team 2", second.GetProperty("team").GetString());
        Assert.Equal(72.4m, second.GetProperty("total").GetDecimal());
        Assert.Equal("godt", second.GetProperty("band").GetString());
    }

    [Fact]
    public void Score_NoMode_DefaultsToIpsFaithful()
    {
        var path = WriteFile(Table1Csv());

        var (exitCode, output, _) = Run("fidelity", "score", "--responses", path);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var first = json.RootElement.GetProperty("results")[0];
        Assert.Equal("ips_faithful", first.GetProperty("mode").GetString());
        // Item 19: 0 ticks → 1 under IPS; item 3: boxes 1–5 → four phases → 4. 67.6 − 0 + 1 − 1 = 67.6.
        Assert.Equal(1m, first.GetProperty("items")[18].GetProperty("mean").GetDecimal());
        Assert.Equal(4m, first.GetProperty("items")[2].GetProperty("mean").GetDecimal());
        Assert.Equal(67.6m, first.GetProperty("total").GetDecimal());
    }

    [Fact]
    public void Score_ColumnsInOtherOrderAndExtraColumn_SameResult()
    {
        var header = Header.Split(',');
        var order = header.Reverse().ToArray();
        var rows = Table1Csv().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(r => r.Split(','))
            .Select(cells => string.Join(',', order.Select(c => cells[Array.IndexOf(header, c)])) + ",x");
        var reordered = WriteFile(string.Join('\n', [string.Join(',', order) + ",kommentar", .. rows]));

        var expected = Run("fidelity", "score", "--responses", WriteFile(Table1Csv()), "--mode", "seed_replication");
        var actual = Run("fidelity", "score", "--responses", reordered, "--mode", "seed_replication");

        Assert.Equal(0, actual.ExitCode);
        Assert.Equal(expected.Output, actual.Output);
    }

    [Fact]
    public void Score_Item19LegacyForm_DuplicateBoxCountedOnceAndFlagged()
    {
        // Boxes 1–5 ticked on the legacy form: four distinct strategies → max(1, 4 − 1) = 3, flagged.
        var path = WriteFile(Header + "\nT,R,a,5,3,1,3,3,3,1,1,3,3,3,3,3,3,3,3,3,3,1|2|3|4|5\n");

        var (exitCode, output, _) = Run("fidelity", "score", "--responses", path, "--item19-form", "legacy");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var result = json.RootElement.GetProperty("results")[0];
        Assert.Equal(3m, result.GetProperty("items")[18].GetProperty("mean").GetDecimal());
        Assert.Equal("item19_legacy_ceiling", result.GetProperty("flags")[0].GetString());
        Assert.Equal("legacy", result.GetProperty("item19_form").GetString());
    }

    [Fact]
    public void Score_SeedMedianAggregate_MultiSelectTeamValueIsMedian()
    {
        // Item 7 tick counts 0, 1, 4 → median 1 (mean would be 5/3).
        var path = WriteFile(string.Join('\n', Header,
            "T,R,a,5,3,1,3,3,3,0,1,3,3,3,3,3,3,3,3,3,3,1",
            "T,R,b,5,3,1,3,3,3,1,1,3,3,3,3,3,3,3,3,3,3,1",
            "T,R,c,5,3,1,3,3,3,1|2|3|4,1,3,3,3,3,3,3,3,3,3,3,1"));

        var (exitCode, output, _) = Run("fidelity", "score", "--responses", path, "--mode", "seed_replication", "--aggregate", "median");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var item7 = json.RootElement.GetProperty("results")[0].GetProperty("items")[6];
        Assert.Equal(1m, item7.GetProperty("mean").GetDecimal());
        Assert.Equal(3, item7.GetProperty("n").GetInt32());
        Assert.Equal(0, item7.GetProperty("min").GetInt32());
        Assert.Equal(4, item7.GetProperty("max").GetInt32());
    }

    [Fact]
    public void Score_UnansweredItem_MeanNullAndNZero()
    {
        var path = WriteFile(Header + "\nT,R,a,5,,1|2,3,3,3,1,1,3,3,3,3,3,3,3,3,3,3,1\n");

        var (exitCode, output, _) = Run("fidelity", "score", "--responses", path);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var result = json.RootElement.GetProperty("results")[0];
        var item2 = result.GetProperty("items")[1];
        Assert.Equal(JsonValueKind.Null, item2.GetProperty("mean").ValueKind);
        Assert.Equal(0, item2.GetProperty("n").GetInt32());
        Assert.False(result.GetProperty("complete").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("band").ValueKind);
    }

    [Fact]
    public void Score_TeamsAndRounds_OrderOfFirstAppearance()
    {
        const string answers = "5,3,1,3,3,3,1,1,3,3,3,3,3,3,3,3,3,3,1";
        var path = WriteFile(string.Join('\n', Header, $"B,3 mnd,a,{answers}", $"A,Inklusjon,a,{answers}", $"B,Inklusjon,a,{answers}", $"B,3 mnd,b,{answers}"));

        var (_, output, _) = Run("fidelity", "score", "--responses", path);

        using var json = JsonDocument.Parse(output);
        var keys = json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => $"{r.GetProperty("team").GetString()}/{r.GetProperty("round").GetString()}");
        Assert.Equal(["B/3 mnd", "B/Inklusjon", "A/Inklusjon"], keys);
    }

    [Theory]
    [InlineData("T,R,a,6,3,1,3,3,3,1,1,3,3,3,3,3,3,3,3,3,3,1", "Rad 2, kolonne «item1»", "1–5")]
    [InlineData("T,R,a,5,x,1,3,3,3,1,1,3,3,3,3,3,3,3,3,3,3,1", "Rad 2, kolonne «item2»", "ikke et heltall")]
    [InlineData("T,R,a,5,3,7,3,3,3,1,1,3,3,3,3,3,3,3,3,3,3,1", "Rad 2, kolonne «item3»", "1–6")]
    [InlineData("T,R,a,5,3,1,3,3,3,6,1,3,3,3,3,3,3,3,3,3,3,1", "Rad 2, kolonne «item7»", "1–5")]
    [InlineData("T,R,a,5,3,1,3,3,3,1|1,1,3,3,3,3,3,3,3,3,3,3,1", "Rad 2, kolonne «item7»", "to ganger")]
    [InlineData("T,R,a,5,3,1,3,3,3,1,0|2,3,3,3,3,3,3,3,3,3,3,1", "Rad 2, kolonne «item8»", "0 kan bare stå alene")]
    [InlineData("T,R,a,5,3,1,3,3,3,1,1,3,3,3,3,3,3,3,3,3,3,1;2", "Rad 2, kolonne «item19»", "ikke et heltall")]
    [InlineData("T,R,a,5,3,1,3,3,3,1,1,3.5,3,3,3,3,3,3,3,3,3,1", "Rad 2, kolonne «item9»", "ikke et heltall")]
    [InlineData(",R,a,5,3,1,3,3,3,1,1,3,3,3,3,3,3,3,3,3,3,1", "Rad 2, kolonne «team»", "mangler")]
    public void Score_BadValue_ExitCode2WithRowAndColumn(string row, string where, string detail)
    {
        var path = WriteFile(Header + "\n" + row + "\n");

        var (exitCode, output, error) = Run("fidelity", "score", "--responses", path);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(where, error, StringComparison.Ordinal);
        Assert.Contains(detail, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_BadValueOnThirdDataRow_NamesRowFour()
    {
        const string ok = "T,R,{0},5,3,1,3,3,3,1,1,3,3,3,3,3,3,3,3,3,3,1";
        var path = WriteFile(string.Join('\n', Header, string.Format(CultureInfo.InvariantCulture, ok, "a"),
            string.Format(CultureInfo.InvariantCulture, ok, "b"), "T,R,c,5,3,1,3,3,3,1,1,3,3,3,3,3,3,3,3,0,3,1"));

        var (exitCode, _, error) = Run("fidelity", "score", "--responses", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("Rad 4, kolonne «item17»", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SameRespondentTwiceInRound_ExitCode2()
    {
        const string answers = "5,3,1,3,3,3,1,1,3,3,3,3,3,3,3,3,3,3,1";
        var path = WriteFile(string.Join('\n', Header, $"T,R,a,{answers}", $"T,R,a,{answers}"));

        var (exitCode, _, error) = Run("fidelity", "score", "--responses", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("Rad 3, kolonne «respondent»", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_MissingColumn_ExitCode2NamingColumn()
    {
        var path = WriteFile(Header.Replace(",item7", string.Empty, StringComparison.Ordinal) + "\n");

        var (exitCode, _, error) = Run("fidelity", "score", "--responses", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("Rad 1, kolonne «item7»: kolonnen mangler", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_MissingFile_ExitCode2()
    {
        var (exitCode, _, error) = Run("fidelity", "score", "--responses", Path.Combine(_directory, "finnes-ikke.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains("Finner ikke filen", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_UnknownMode_RejectedByParser()
    {
        var (exitCode, output, error) = Run("fidelity", "score", "--responses", WriteFile(Table1Csv()), "--mode", "fast");

        Assert.Equal(1, exitCode);
        Assert.Contains("fast", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\"results\"", output, StringComparison.Ordinal);
    }
}
