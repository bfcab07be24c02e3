namespace Trinn.Web.Tests.Fidelity;

/// <summary>The numbers on the results pages, worked out by hand, and the protection of single respondents.</summary>
[Collection(FidelityWebTests.Name)]
public sealed partial class FidelityResultsTests(FidelityWebFactory factory)
{
    /// <summary>
    /// Three respondents (positions; multi-select items as the ticked boxes):
    /// <code>
    /// item      js1            js2        mv1          ips scores    ips mean        seed scores  seed mean
    /// 1         5              5          4            5,5,4         14/3 = 4.667    same         4.667
    /// 2         2              3          4            2,3,4         3               same         3
    /// 3         b–f {2..6}     a {1}      a,b,c {1,2,3} 5,2,3        10/3 = 3.333    5,1,3        3
    /// 7         none {}        {1,2}      {1..5}       1,2,5         8/3 = 2.667     0,2,5        7/3 = 2.333
    /// 8         {1}            {1,2,3}    {1,2,3,4}    1,3,4         8/3 = 2.667     1,3,4        2.667
    /// 19        {1..5}         {4}        {}           5,1,1         7/3 = 2.333     5,1,0        2
    /// 4–6, 9–18 4              4          4            4 each        4 (13 items)    same         4
    /// </code>
    /// Item 3 (ips): P = ticked among boxes 2–6: 5 → 5; P = 0 with box 1 → 2; P = 2 → 3.
    /// Item 19 (ips, repaired form): strategies = ticked + [box 4]; js1 5 + 1 = 6 → 5; js2 1 + 1 = 2 → max(1, 1) = 1; mv1 0 → 1.
    /// Item 1: SD = sqrt(((1/3)² + (1/3)² + (2/3)²) / 2) = sqrt(1/3) = 0.577; item 2: SD = 1.
    /// ips total = 14/3 + 3 + 10/3 + 8/3 + 8/3 + 7/3 + 13 × 4 = 47/3 + 55 = 70.667 → 70,7, godt (70–84).
    /// seed total = 14/3 + 3 + 3 + 7/3 + 8/3 + 2 + 13 × 4 = 29/3 + 60 = 69.667 → 69,7, rimelig (44–69; below 70).
    /// </summary>
    [Fact]
    public async Task Results_HandMadeAnswers_MatchHandArithmetic_InBothModes()
    {
        var round = await factory.AddRoundAsync(factory.Team1);
        await factory.AddResponseAsync(round, "js1", Answers(item1: 5, item2: 2, item3: [2, 3, 4, 5, 6], item7: [], item8: [1], item19: [1, 2, 3, 4, 5]));
        await factory.AddResponseAsync(round, "js2", Answers(item1: 5, item2: 3, item3: [1], item7: [1, 2], item8: [1, 2, 3], item19: [4]));
        await factory.AddResponseAsync(round, "mv1", Answers(item1: 4, item2: 4, item3: [1, 2, 3], item7: [1, 2, 3, 4, 5], item8: [1, 2, 3, 4], item19: []));
        var leder = await factory.LoginAsync("leder1");

        var ips = WebUtility.HtmlDecode(await leder.GetStringAsync($"/Fidelity/Results/{round}"));
        var seed = WebUtility.HtmlDecode(await leder.GetStringAsync($"/Fidelity/Results/{round}?mode=seed_replication"));

        Assert.Equal("4,7", Cell(ips, 1, "mean"));
        Assert.Equal("3", Cell(ips, 1, "n"));
        Assert.Equal("0,58", Cell(ips, 1, "sd"));
        Assert.Equal("4–5", Cell(ips, 1, "minmax"));
        Assert.Equal("3,0", Cell(ips, 2, "mean"));
        Assert.Equal("1,00", Cell(ips, 2, "sd"));
        Assert.Equal("2–4", Cell(ips, 2, "minmax"));
        Assert.Equal("3,3", Cell(ips, 3, "mean"));
        Assert.Equal("2–5", Cell(ips, 3, "minmax"));
        Assert.Equal("2,7", Cell(ips, 7, "mean"));
        Assert.Equal("2,7", Cell(ips, 8, "mean"));
        Assert.Equal("2,3", Cell(ips, 19, "mean"));
        Assert.Equal("1–5", Cell(ips, 19, "minmax"));
        Assert.Equal("4,0", Cell(ips, 13, "mean"));
        Assert.Equal("0,00", Cell(ips, 13, "sd"));
        Assert.Equal("–", Cell(ips, 13, "recorded"));
        Assert.Equal("70,7", Between(ips, "data-testid=\"total\">", "<").Trim());
        Assert.StartsWith("Godt", Between(ips, "data-testid=\"band\">", "<").Trim(), StringComparison.Ordinal);

        Assert.Equal("3,0", Cell(seed, 3, "mean"));
        Assert.Equal("1–5", Cell(seed, 3, "minmax"));
        Assert.Equal("2,3", Cell(seed, 7, "mean"));
        Assert.Equal("0–5", Cell(seed, 7, "minmax"));
        Assert.Equal("2,0", Cell(seed, 19, "mean"));
        Assert.Equal("69,7", Between(seed, "data-testid=\"total\">", "<").Trim());
        Assert.StartsWith("Rimelig", Between(seed, "data-testid=\"band\">", "<").Trim(), StringComparison.Ordinal);
        Assert.Contains("Som i rapporten (seed_replication)", seed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_SingleRespondent_WithheldUnlessViewerIsThatPersonOrSharedWithMetodeveileder()
    {
        var round = await factory.AddRoundAsync(factory.Team1);
        await factory.AddResponseAsync(round, "js1", new() { [1] = [2] }, shared: false);

        var js1 = await MeanAsync("js1", round);
        var js2 = await MeanAsync("js2", round);
        var mv1 = await MeanAsync("mv1", round);
        var leder = await MeanAsync("leder1", round);

        Assert.Equal("2,0", js1.Mean);
        Assert.Equal("2,0", js1.Total); // The sum of the answered items, marked as incomplete (no band).
        Assert.StartsWith("Holdes tilbake", js2.Mean, StringComparison.Ordinal);
        Assert.StartsWith("Holdes tilbake", js2.Total, StringComparison.Ordinal);
        Assert.StartsWith("Holdes tilbake", mv1.Mean, StringComparison.Ordinal);
        Assert.StartsWith("Holdes tilbake", leder.Mean, StringComparison.Ordinal);

        var js1Client = await factory.LoginAsync("js1");
        Assert.Equal(HttpStatusCode.Redirect, (await js1Client.PostAnswersAsync(round, [("item1", "2")], share: true)).StatusCode);

        Assert.Equal("2,0", (await MeanAsync("mv1", round)).Mean);
        Assert.StartsWith("Holdes tilbake", (await MeanAsync("js2", round)).Mean, StringComparison.Ordinal);
        Assert.StartsWith("Holdes tilbake", (await MeanAsync("forsker1", round)).Mean, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_TwoRespondents_AreShownToEveryone()
    {
        var round = await factory.AddRoundAsync(factory.Team2);
        await factory.AddResponseAsync(round, "js3", new() { [1] = [2] });
        await factory.AddResponseAsync(round, "mv2", new() { [1] = [5] });

        Assert.Equal("3,5", (await MeanAsync("leder1", round)).Mean);
        Assert.Equal("3,5", (await MeanAsync("forsker1", round)).Mean);
    }

    [Fact]
    public async Task Table_RoundsByLabelAndTeam_ShowTheSameNumbersAsTheChartData()
    {
        var label = FidelityTestData.UniqueLabel("Tabell");
        var r1 = await factory.AddRoundAsync(factory.Team1, label);
        var r2 = await factory.AddRoundAsync(factory.Team2, label);
        await factory.AddResponseAsync(r1, "js1", new() { [18] = [1] });
        await factory.AddResponseAsync(r1, "js2", new() { [18] = [2] });
        await factory.AddResponseAsync(r2, "js3", new() { [18] = [4] });
        var leder = await factory.LoginAsync("leder1");

        var html = WebUtility.HtmlDecode(await leder.GetStringAsync("/Fidelity/Table"));
        var json = Between(html, "<script type=\"application/json\" id=\"fidelity-chart-data\">", "</script>");

        Assert.Contains($"<th scope=\"colgroup\" colspan=\"2\">{label}</th>", html, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var rounds = doc.RootElement.GetProperty("rounds").EnumerateArray().Select(e => e.GetString()).ToList();
        var index = rounds.IndexOf(label);
        var item18 = doc.RootElement.GetProperty("items")[17].GetProperty("series");
        Assert.Equal(1.5m, item18[0].GetProperty("values")[index].GetDecimal()); // Team 1: (1 + 2) / 2
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item18[1].GetProperty("values")[index].ValueKind); // Team 2: one respondent, withheld
        Assert.Contains("1,5", Row(html, 18), StringComparison.Ordinal);
    }

    private async Task<(string Mean, string Total)> MeanAsync(string user, int round)
    {
        var client = await factory.LoginAsync(user);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Fidelity/Results/{round}"));
        return (Cell(html, 1, "mean"), Between(html, "data-testid=\"total\">", "<").Trim());
    }

    private static Dictionary<int, int[]> Answers(int item1, int item2, int[] item3, int[] item7, int[] item8, int[] item19)
    {
        var answers = new Dictionary<int, int[]> { [1] = [item1], [2] = [item2], [3] = item3, [7] = item7, [8] = item8, [19] = item19 };
        foreach (var item in new[] { 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18 })
        {
            answers[item] = [4];
        }

        return answers;
    }

    private static string Row(string html, int item) => Between(html, $"<tr data-item=\"{item}\">", "</tr>");

    private static string Cell(string html, int item, string column) =>
        Between(Row(html, item), $"data-col=\"{column}\">", "</td>").Trim();

    private static string Between(string html, string start, string end)
    {
        var i = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{start}' not found");
        i += start.Length;
        var j = html.IndexOf(end, i, StringComparison.Ordinal);
        return html[i..j];
    }
}
