using System.Text;
using Trinn.Core.Research;
using Trinn.Statistics.Contract;

namespace Trinn.Core.Tests.Research;

/// <summary>The streamed reader follows <see cref="CsvTable"/>'s rules: the same cells give the same values and the same problems.</summary>
public sealed class CsvRowsTests
{
    private static CsvRows Rows(string text, string? source = null, int chunk = int.MaxValue) =>
        new(() => new ChunkedStream(Encoding.UTF8.GetBytes(text), chunk), source);

    [Theory]
    [InlineData("\uFEFFid, v ,w\r\n1,1000000000000.4,\n2,,3.5\n")]
    [InlineData("v,w\n+5,.5\n5.,-0.25\n 7 ,1e3\n0.12345678901234567890123,1234567890123456789\n-0,00012.500\n")]
    [InlineData("v\n1\n\n2\n")]
    [InlineData("v,w\n1,2\n\n3,4")]
    [InlineData("v,w\n\u00A02\u00A0,3\n4,\u2009\n")]
    public void Column_SameValuesAsCsvTable(string csv)
    {
        var table = CsvTable.Parse(new StringReader(csv));
        foreach (int chunk in new[] { 1, 3, int.MaxValue })
        {
            CsvRows rows = Rows(csv, chunk: chunk);
            Assert.Equal(table.RowCount, rows.RowCount);
            foreach (string name in table.Columns)
            {
                IReadOnlyList<decimal?> expected = table.Column(name);
                IReadOnlyList<decimal?> actual = rows.Column(name);
                Assert.Equal(expected, actual);
                // The same scale too (1.50 stays 1.50), so the exact sums see the same digits.
                Assert.Equal(expected.Select(v => v?.Scale), actual.Select(v => v?.Scale));
                Assert.Equal(table.Labels(name), rows.Labels(name));
            }
        }
    }

    [Theory]
    [InlineData("", "the file has no header row.")]
    [InlineData("a,,c\n1,2,3\n", "column 2 of the header has no name.")]
    [InlineData("a,a\n1,2\n", "the column 'a' appears twice in the header.")]
    [InlineData("a,b\n1,2\n\n3\n", "line 4 has 1 fields, the header has 2.")]
    [InlineData("a,b\n1,2\n\n3,x7\n", "line 4, column 'b': 'x7' is not a number.")]
    [InlineData("a,b\n1,2,3,4,5\n", "line 2 has 5 fields, the header has 2.")]
    public void ReadRows_BadFile_SameMessageAsCsvTable(string csv, string message)
    {
        var e = Assert.Throws<StatsRequestException>(() => Rows(csv, "/data/f.csv").ReadRows(["a", "b"], null, (_, _) => { }));
        Assert.Equal("/data/f.csv: " + message, e.Message);
        Assert.IsType<CsvDataException>(e.InnerException);
    }

    [Fact]
    public void ReadRows_UnknownColumn_ListsColumns()
    {
        var e = Assert.Throws<StatsRequestException>(() => Rows("a,b\n1,2\n").ReadRows(["zz"], null, (_, _) => { }));
        Assert.Contains("unknown column 'zz'. Columns: a, b.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_LabelsAndRepeatedColumns_InRequestedOrder()
    {
        var seen = new List<string>();
        int rows = Rows("id,x,y\nP1,1,2\n Å2 ,3,\n").ReadRows(["y", "x", "y"], "id", (v, label) =>
            seen.Add($"{label}:{v[0]}|{v[1]}|{v[2]}"));
        Assert.Equal(2, rows);
        Assert.Equal(["P1:2|1|2", "Å2:|3|"], seen);
    }

    [Fact]
    public void ReadRows_LineLongerThanTheBuffer_IsRead()
    {
        string wide = string.Join(',', Enumerable.Range(0, 200_000).Select(i => "c" + i));
        string values = string.Join(',', Enumerable.Range(0, 200_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        decimal? last = null;
        Rows(wide + "\n" + values + "\n").ReadRows(["c199999"], null, (v, _) => last = v[0]);
        Assert.Equal(199999m, last);
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read, as a network or pipe might.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
