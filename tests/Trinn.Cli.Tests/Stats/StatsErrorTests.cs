namespace Trinn.Cli.Tests.Stats;

/// <summary>Bad input gives a message on stderr, nothing on stdout, and exit code 2.</summary>
public sealed class StatsErrorTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Run_MissingRequestFile_Exit2()
    {
        (int exit, string stdout, string stderr) = CliRunner.Run("run", "/nonexistent/request.json");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnsupportedAnalysis_Exit2()
    {
        string req = cli.File("r.json", """{"analysis": "kruskal", "data": "/x.csv", "input": {}}""");
        (int exit, _, string stderr) = CliRunner.Run("run", req);
        Assert.Equal(2, exit);
        Assert.Contains("kruskal", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidJson_Exit2()
    {
        (int exit, _, string stderr) = CliRunner.Run("run", cli.File("r.json", "{ not json"));
        Assert.Equal(2, exit);
        Assert.Contains("JSON", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingDataFile_Exit2()
    {
        string req = cli.File("r.json", """{"analysis": "descriptives", "data": "/nonexistent/data.csv", "input": {"variables": ["a"]}}""");
        (int exit, _, string stderr) = CliRunner.Run("run", req);
        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/data.csv", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownColumn_Exit2AndNamesColumn()
    {
        string csv = cli.File("d.csv", "a,b\n1,2\n");
        string req = cli.File("r.json", $$$"""{"analysis": "descriptives", "data": "{{{csv}}}", "input": {"variables": ["zz"]}}""");
        (int exit, _, string stderr) = CliRunner.Run("run", req);
        Assert.Equal(2, exit);
        Assert.Contains("'zz'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NonNumericCell_Exit2AndNamesLineAndColumn()
    {
        string csv = cli.File("d.csv", "a,b\n1,2\n3,x7\n");
        string req = cli.File("r.json", $$$"""{"analysis": "descriptives", "data": "{{{csv}}}", "input": {"variables": ["b"]}}""");
        (int exit, string stdout, string stderr) = CliRunner.Run("run", req);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("line 3", stderr, StringComparison.Ordinal);
        Assert.Contains("'b'", stderr, StringComparison.Ordinal);
        Assert.Contains("x7", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingInputField_Exit2()
    {
        string csv = cli.File("d.csv", "a,b\n1,2\n");
        string req = cli.File("r.json", $$$"""{"analysis": "oneway_anova", "data": "{{{csv}}}", "input": {"group_column": "a"}}""");
        (int exit, _, string stderr) = CliRunner.Run("run", req);
        Assert.Equal(2, exit);
        Assert.Contains("value_column", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RaggedCsvRow_Exit2()
    {
        string csv = cli.File("d.csv", "a,b\n1,2\n3\n");
        string req = cli.File("r.json", $$$"""{"analysis": "descriptives", "data": "{{{csv}}}", "input": {"variables": ["a"]}}""");
        (int exit, _, string stderr) = CliRunner.Run("run", req);
        Assert.Equal(2, exit);
        Assert.Contains("line 3", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RmAnova_FriendlyUnknownLevel_Exit2()
    {
        string csv = cli.File("d.csv", "id,t0,t3\n1,1,2\n2,2,3\n");
        (int exit, _, string stderr) = CliRunner.Run("rm-anova", "--input", csv, "--levels", "t0,t9");
        Assert.Equal(2, exit);
        Assert.Contains("'t9'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Anova_FriendlyMissingFile_Exit2()
    {
        (int exit, _, string stderr) = CliRunner.Run("anova", "--input", "/nonexistent.csv", "--group", "g", "--value", "v");
        Assert.Equal(2, exit);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void PowerRm_NonNumericOption_Exit2()
    {
        (int exit, _, string stderr) = CliRunner.Run("power-rm", "--f", "abc", "--alpha", "0.05", "--power", "0.9", "--measurements", "4", "--corr", "0.5");
        Assert.Equal(2, exit);
        Assert.Contains("--f", stderr, StringComparison.Ordinal);
    }
}
