using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trinn.Core.Data;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.E2E;

/// <summary>The fidelity round in the browser: mv1 opens it, js1 answers on a phone, mv1 reads the result; axe on every page.</summary>
[Collection(BrowserTests.Name)]
public sealed class FidelityTests(BrowserFixture fx)
{
    private static readonly int[] SingleChoiceItems = [1, 2, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];

    [Fact]
    public async Task Metodeveileder_OpensRound_Jobbspesialist_Answers_MetodeveilederReadsResult()
    {
        var label = "Inklusjon " + Guid.NewGuid().ToString("N")[..4];

        // mv1 opens the round for Team 1.
        var mv1 = await fx.LoginAsync("mv1");
        await mv1.GotoAsync("/Fidelity");
        await Axe.AssertAccessibleAsync(mv1);
        await mv1.ClickAsync("a[href='/Fidelity/New']");
        await Pages.WaitForUrlAsync(mv1, new Regex("/Fidelity/New$"));
        await Axe.AssertAccessibleAsync(mv1);
        await mv1.ClickAsync("main button[type=submit]");
        await Assertions.Expect(mv1.Locator("#Input_Label-error")).ToContainTextAsync("Fyll ut Navn på runden");
        await Axe.AssertAccessibleAsync(mv1);
        await mv1.FillAsync("#Input_Label", label);
        await mv1.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(mv1, new Regex("/Fidelity/Status/\\d+$"));
        var roundId = mv1.Url.Split('/').Last();
        await Assertions.Expect(mv1.GetByTestId("respondents")).ToContainTextAsync("0 av 3 har svart");
        await Axe.AssertAccessibleAsync(mv1);

        // js1 answers on a phone: a single choice per item (option 4) and some boxes on the multi-select items, and shares.
        var js1 = await fx.LoginAsync("js1", phone: true);
        await js1.GotoAsync("/Fidelity");
        await Axe.AssertAccessibleAsync(js1);
        await js1.ClickAsync($"a[href='/Fidelity/Answer/{roundId}']");
        await Pages.WaitForUrlAsync(js1, new Regex($"/Fidelity/Answer/{roundId}$"));
        await Axe.AssertAccessibleAsync(js1);
        foreach (var item in SingleChoiceItems)
        {
            await js1.CheckAsync($"#a_item{item}_4");
        }

        foreach (var box in new[] { "#a_item3_2", "#a_item3_3", "#a_item3_4", "#a_item3_5", "#a_item3_6", "#a_item7", "#a_item7_2", "#a_item8_3", "#a_item19", "#a_item19_2" })
        {
            await js1.CheckAsync(box);
        }

        await js1.CheckAsync("#share");
        await js1.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(js1, new Regex($"/Fidelity/Answer/{roundId}\\?saved=(True|true)$"));
        await Assertions.Expect(js1.GetByTestId("saved")).ToContainTextAsync("Svarene er lagret");
        await Assertions.Expect(js1.Locator("#a_item5_4")).ToBeCheckedAsync();
        await Assertions.Expect(js1.Locator("#a_item8_3")).ToBeCheckedAsync();
        await Axe.AssertAccessibleAsync(js1);

        // mv1 sees that js1 answered and shared, reads the shared answers and the round result.
        await mv1.ReloadAsync();
        await Assertions.Expect(mv1.GetByTestId("respondents")).ToContainTextAsync("1 av 3 har svart");
        await mv1.ClickAsync("a[href^='/Fidelity/Shared/']");
        await Pages.WaitForUrlAsync(mv1, new Regex("/Fidelity/Shared/\\d+$"));
        await Assertions.Expect(mv1.GetByTestId("answers")).ToContainTextAsync("21 – 25");
        await Axe.AssertAccessibleAsync(mv1);

        await mv1.GotoAsync($"/Fidelity/Results/{roundId}");
        await Axe.AssertAccessibleAsync(mv1);
        // One respondent who shared: the metodeveileder sees the values. ips_faithful: 15 single-choice items × 4 = 60;
        // item 3 all five phase boxes → 5; item 7 two boxes → 2; item 8 one box → 1; item 19 boxes 1–2 = 2 strategies → 1.
        // Total 69 → rimelig (44–69).
        await Assertions.Expect(mv1.GetByTestId("total")).ToContainTextAsync("69,0");
        await Assertions.Expect(mv1.GetByTestId("band")).ToContainTextAsync("Rimelig");
        await Assertions.Expect(mv1.Locator("tr[data-item='3'] td[data-col='mean']")).ToHaveTextAsync("5,0");

        // On a phone every column of an item is in view without scrolling the table sideways: each item is a small card
        // of "Gjennomsnitt: 5,0" lines, the last column included.
        var mvPhone = await fx.LoginAsync("mv1", phone: true);
        await mvPhone.GotoAsync($"/Fidelity/Results/{roundId}");
        var lastColumn = mvPhone.Locator("tr[data-item='3'] td[data-col='recorded']");
        var cell = await lastColumn.BoundingBoxAsync();
        var width = await mvPhone.EvaluateAsync<int>("() => window.innerWidth");
        Assert.True(cell is not null && cell.X >= 0 && cell.X + cell.Width <= width, $"the last column sits at x = {cell?.X} in a {width} px window");
        await Assertions.Expect(mvPhone.Locator("tr[data-item='3'] td[data-col='mean']")).ToHaveTextAsync("5,0");
        await Axe.AssertAccessibleAsync(mvPhone);
        await mvPhone.Context.CloseAsync();

        await mv1.SelectOptionAsync("#mode", "seed_replication");
        await mv1.ClickAsync("main form[method=get] button[type=submit]");
        await Pages.WaitForUrlAsync(mv1, new Regex("mode=seed_replication"));
        // seed_replication counts the boxes: item 19 → 2, so the total is 70 → godt.
        await Assertions.Expect(mv1.GetByTestId("total")).ToContainTextAsync("70,0");
        await Assertions.Expect(mv1.GetByTestId("band")).ToContainTextAsync("Godt");
        await Axe.AssertAccessibleAsync(mv1);

        await mv1.GotoAsync("/Fidelity/Table");
        await Assertions.Expect(mv1.GetByTestId("table1")).ToContainTextAsync(label);
        await Assertions.Expect(mv1.Locator("canvas[data-chart-item='1']")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(mv1);
    }

    [Fact]
    public async Task Leder_SeesTeamTable_ButNoAnswerForms()
    {
        var leder = await fx.LoginAsync("leder1");
        await leder.GotoAsync("/Fidelity");
        await Axe.AssertAccessibleAsync(leder);
        await Assertions.Expect(leder.Locator("main a[href^='/Fidelity/Answer/']")).ToHaveCountAsync(0);
        await leder.GotoAsync("/Fidelity/Table");
        await Axe.AssertAccessibleAsync(leder);
    }

    [Fact]
    public async Task AnswerForm_Branching_ShowsAndHidesQuestionsLive()
    {
        // A round on a copy of the scale in which question 2 is asked only when question 1 is "20 eller færre".
        int roundId;
        using (var scope = fx.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
            var key = "se_fidelity_e2e_" + Guid.NewGuid().ToString("N")[..6];
            var branched = ShippedInstruments.Fidelity with
            {
                Key = key,
                Items = ShippedInstruments.Fidelity.Items.Select(i => i.Id == "item2" ? i with { ShowIf = "[item1] = '5'" } : i).ToList(),
            };
            var version = await InstrumentStore.PublishAsync(db, branched, DateTime.UtcNow);
            var mv1 = await db.Users.SingleAsync(u => u.UserName == "mv1");
            var round = new FidelityRound
            {
                TeamId = mv1.TeamId!.Value,
                Label = "Forgrening " + key[^6..],
                OpensOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
                ClosesOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7),
                InstrumentKey = version.Key,
                InstrumentVersion = version.Version,
                CreatedById = mv1.Id,
            };
            db.Add(round);
            await db.SaveChangesAsync();
            roundId = round.Id;
        }

        var js2 = await fx.LoginAsync("js2", phone: true);
        await js2.GotoAsync($"/Fidelity/Answer/{roundId}");
        var question2 = js2.Locator("[data-item='item2']");
        await Assertions.Expect(question2).ToBeHiddenAsync();
        await Axe.AssertAccessibleAsync(js2);

        await js2.CheckAsync("#a_item1_5");
        await Assertions.Expect(question2).ToBeVisibleAsync();
        await js2.CheckAsync("#a_item1_3");
        await Assertions.Expect(question2).ToBeHiddenAsync();
        await js2.CheckAsync("#a_item1_5");
        await Assertions.Expect(question2).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(js2);
        await js2.CheckAsync("#a_item2_4");
        await js2.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(js2, new Regex($"/Fidelity/Answer/{roundId}\\?saved=(True|true)$"));
        await Assertions.Expect(js2.Locator("#a_item2_4")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task AnswerPage_ClosedRound_IsReadOnlyWithAClearMessage()
    {
        int roundId;
        using (var scope = fx.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
            var version = await InstrumentStore.PublishAsync(db, ShippedInstruments.Fidelity, DateTime.UtcNow);
            var mv1 = await db.Users.SingleAsync(u => u.UserName == "mv1");
            var js2 = await db.Users.SingleAsync(u => u.UserName == "js2");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var round = new FidelityRound
            {
                TeamId = mv1.TeamId!.Value,
                Label = "Stengt " + Guid.NewGuid().ToString("N")[..4],
                OpensOn = today.AddDays(-30),
                ClosesOn = today.AddDays(-2),
                InstrumentKey = version.Key,
                InstrumentVersion = version.Version,
                CreatedById = mv1.Id,
            };
            db.Add(round);
            await db.SaveChangesAsync();
            db.Add(new FidelityResponse
            {
                RoundId = round.Id,
                RespondentId = js2.Id,
                InstrumentKey = version.Key,
                InstrumentVersion = version.Version,
                AnswersJson = "{\"instrument_key\":\"se_fidelity\",\"instrument_version\":1,\"values\":{\"item1\":[\"2\"]}}",
            });
            await db.SaveChangesAsync();
            roundId = round.Id;
        }

        var page = await fx.LoginAsync("js2", phone: true);
        await page.GotoAsync($"/Fidelity/Answer/{roundId}");

        await Assertions.Expect(page.GetByTestId("closed")).ToContainTextAsync("Svarene kan ikke lenger endres");
        await Assertions.Expect(page.GetByTestId("answers")).ToContainTextAsync("31 – 40");
        await Assertions.Expect(page.Locator("main input[type=radio]")).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page);
    }
}
