using System.Text.Json.Nodes;
using Trinn.Statistics.Contract;

namespace Trinn.Statistics.Tests;

/// <summary>The contract mapping runs on in-memory columns (how the web app will call it), without files.</summary>
public class StatsRequestTests
{
    private static InMemoryColumns Table() => new(new Dictionary<string, IReadOnlyList<decimal?>>
    {
        ["g"] = [1, 1, 1, 2, 2, 2, null],
        ["v"] = [4.1m, 5.3m, 6.2m, 7.2m, 6.8m, 8.1m, 3m],
    });

    [Fact]
    public void Run_OneWayOnInMemoryColumns_GivesContractTree()
    {
        var request = new JsonObject { ["analysis"] = "oneway_anova", ["input"] = new JsonObject { ["group_column"] = "g", ["value_column"] = "v" } };

        JsonObject r = StatsRequest.Run(request, Table());

        Assert.Equal(6, r["n_used"]!.GetValue<int>());
        Assert.Equal(1, r["n_excluded"]!.GetValue<int>());
        // anova(lm(v ~ factor(g))) with g = c(1,1,1,2,2,2), v = c(4.1,5.3,6.2,7.2,6.8,8.1): anova(...)[1, 2] = 7.041666666666659
        AssertRel.Close(7.041666666666659, r["between"]!["ss"]!.GetValue<double>(), 1e-13);
        Assert.Equal(1, r["between"]!["df"]!.GetValue<double>());
    }

    [Fact]
    public void Run_UnknownAnalysis_ThrowsStatsRequestException()
    {
        var request = new JsonObject { ["analysis"] = "nope", ["input"] = new JsonObject() };
        Assert.Throws<StatsRequestException>(() => StatsRequest.Run(request, Table()));
    }

    [Fact]
    public void Run_TTestWithAbsentGroup_ThrowsStatsRequestException()
    {
        var request = new JsonObject
        {
            ["analysis"] = "t_test_independent",
            ["input"] = new JsonObject { ["group_column"] = "g", ["value_column"] = "v", ["group1"] = 1, ["group2"] = 3 },
        };
        StatsRequestException e = Assert.Throws<StatsRequestException>(() => StatsRequest.Run(request, Table()));
        Assert.Contains("3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownColumn_ThrowsStatsRequestException()
    {
        var request = new JsonObject { ["analysis"] = "frequencies", ["input"] = new JsonObject { ["variable"] = "zz" } };
        Assert.Throws<StatsRequestException>(() => StatsRequest.Run(request, Table()));
    }
}
