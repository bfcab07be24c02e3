using Trinn.Core.Research;
using Trinn.Statistics.Contract;

namespace Trinn.Core.Tests.Research;

public sealed class CsvTableTests
{
    [Fact]
    public void Parse_ExactDecimalsAndMissing_ColumnsByName()
    {
        var table = CsvTable.Parse(new StringReader("\uFEFFid, v ,w\r\n1,1000000000000.4,\n2,,3.5\n"));
        Assert.Equal(["id", "v", "w"], table.Columns);
        Assert.Equal(2, table.RowCount);
        Assert.Equal([1000000000000.4m, null], table.Column("v"));
        Assert.Equal([null, 3.5m], table.Numbers("w"));
        Assert.Equal(["1", "2"], table.Labels("id"));
    }

    [Fact]
    public void Parse_BlankLine_MissingInOneColumnFileSkippedOtherwise()
    {
        Assert.Equal([1m, null, 2m], CsvTable.Parse(new StringReader("x\n1\n\n2\n")).Column("x"));
        Assert.Equal(2, CsvTable.Parse(new StringReader("x,y\n1,2\n\n3,4\n")).RowCount);
    }

    [Theory]
    [InlineData("", CsvProblem.NoHeader, 1)]
    [InlineData("a,,c\n1,2,3\n", CsvProblem.EmptyColumnName, 1)]
    [InlineData("a,a\n1,2\n", CsvProblem.DuplicateColumn, 1)]
    [InlineData("a,b\n1,2\n\n3\n", CsvProblem.WrongFieldCount, 4)]
    public void Parse_BadFile_ProblemWithLine(string csv, CsvProblem problem, int line)
    {
        var e = Assert.Throws<CsvDataException>(() => CsvTable.Parse(new StringReader(csv)));
        Assert.Equal(problem, e.Problem);
        Assert.Equal(line, e.Line);
    }

    [Fact]
    public void Numbers_NotANumber_NamesLineColumnAndText()
    {
        // The blank line is skipped but still counted, so the line is the one an editor shows.
        var table = CsvTable.Parse(new StringReader("a,b\n1,2\n\n3,x7\n"));
        var e = Assert.Throws<CsvDataException>(() => table.Numbers("b"));
        Assert.Equal((CsvProblem.NotANumber, 4, "b", "x7"), (e.Problem, e.Line, e.Column, e.Text));
        Assert.False(table.IsNumeric("b"));
        Assert.True(table.IsNumeric("a"));
    }

    [Fact]
    public void Column_Problems_AreStatsRequestExceptionsWithSource()
    {
        var table = CsvTable.Parse(new StringReader("a\nx\n"), source: "/data/f.csv");
        var bad = Assert.Throws<StatsRequestException>(() => table.Column("a"));
        Assert.Equal("/data/f.csv: line 2, column 'a': 'x' is not a number.", bad.Message);
        var unknown = Assert.Throws<StatsRequestException>(() => table.Column("zz"));
        Assert.Contains("unknown column 'zz'", unknown.Message, StringComparison.Ordinal);
        Assert.IsType<CsvDataException>(unknown.InnerException);
    }
}
