using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Data;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Web.Tests.Fidelity;

/// <summary>Opening rounds, answering, editing until the round closes, and branching on the server.</summary>
[Collection(FidelityWebTests.Name)]
public sealed partial class FidelityRoundTests(FidelityWebFactory factory)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task NewRound_Metodeveileder_OpensRoundForOwnTeam()
    {
        var mv1 = await factory.LoginAsync("mv1");
        var label = FidelityTestData.UniqueLabel("Inklusjon");

        var response = await PostNewAsync(mv1, label, factory.Today, factory.Today.AddDays(10));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Fidelity/Status/", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var round = await db.Set<FidelityRound>().SingleAsync(r => r.Label == label);
        Assert.Equal(factory.Team1, round.TeamId);
        Assert.Equal(ShippedInstruments.FidelityKey, round.InstrumentKey);
        Assert.Equal(factory.UserIds["mv1"], round.CreatedById);
    }

    [Theory]
    [InlineData("", 0, 5, "Fyll ut Navn på runden.")]
    [InlineData("Ok", 5, 4, "Stengedatoen kan ikke være før åpningsdatoen.")]
    [InlineData("Ok", -10, -1, "Stengedatoen kan ikke være tilbake i tid.")]
    public async Task NewRound_InvalidInput_ShowsFieldErrorAndOpensNothing(string label, int opens, int closes, string message)
    {
        var mv1 = await factory.LoginAsync("mv1");
        label = label.Length == 0 ? "" : FidelityTestData.UniqueLabel(label);

        var response = await PostNewAsync(mv1, label, factory.Today.AddDays(opens), factory.Today.AddDays(closes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("aksel-error-summary", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        if (label.Length > 0)
        {
            using var scope = factory.Services.CreateScope();
            Assert.False(await scope.ServiceProvider.GetRequiredService<TrinnDbContext>().Set<FidelityRound>().AnyAsync(r => r.Label == label));
        }
    }

    [Fact]
    public async Task NewRound_SameLabelAsOpenRound_IsRefused_ButAllowedAfterItClosed()
    {
        var label = FidelityTestData.UniqueLabel("3 mnd");
        await factory.AddRoundAsync(factory.Team1, label);
        await factory.AddRoundAsync(factory.Team2, FidelityTestData.UniqueLabel("Andre"));
        var mv1 = await factory.LoginAsync("mv1");

        var refused = await PostNewAsync(mv1, label, factory.Today, factory.Today.AddDays(3));
        var closedLabel = FidelityTestData.UniqueLabel("12 mnd");
        await factory.AddRoundAsync(factory.Team1, closedLabel, opensInDays: -20, closesInDays: -5);
        var allowed = await PostNewAsync(mv1, closedLabel, factory.Today, factory.Today.AddDays(3));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Teamet har allerede en runde med dette navnet som ikke er stengt.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }

    [Fact]
    public async Task Answer_EditUntilClose_ThenReadOnlyAndRefused()
    {
        var round = await factory.AddRoundAsync(factory.Team1, closesInDays: 2);
        var js1 = await factory.LoginAsync("js1");

        var first = await js1.PostAnswersAsync(round, [("item1", "5"), ("item7", ""), ("item7", "1"), ("item7", "3")]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stored = await factory.FindResponseAsync(round, "js1");
        Assert.NotNull(stored);
        Assert.Equal(["5"], stored.Answers().Ticked("item1"));
        Assert.Equal(["1", "3"], stored.Answers().Ticked("item7"));
        Assert.False(stored.SharedWithSupervisor);

        // Edit on the last day: one row per respondent, updated in place.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        js1 = await factory.LoginAsync("js1");
        var edit = await js1.PostAnswersAsync(round, [("item1", "4"), ("item7", "")], share: true);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var edited = await factory.FindResponseAsync(round, "js1");
        Assert.Equal(stored.Id, edited!.Id);
        Assert.Equal(["4"], edited.Answers().Ticked("item1"));
        Assert.Equal([], edited.Answers().Ticked("item7"));
        Assert.True(edited.SharedWithSupervisor);
        Assert.True(edited.Version > stored.Version);

        // The day after closing: read-only page, and a post is refused.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        js1 = await factory.LoginAsync("js1");
        var page = WebUtility.HtmlDecode(await js1.GetStringAsync($"/Fidelity/Answer/{round}"));
        Assert.Contains("Svarene kan ikke lenger endres.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"a.item1\"", page, StringComparison.Ordinal);
        var refused = await js1.PostAnswersWithoutFormAsync(round, [("item1", "1")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Runden er stengt, så svarene ble ikke lagret.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(["4"], (await factory.FindResponseAsync(round, "js1"))!.Answers().Ticked("item1"));
    }

    [Fact]
    public async Task Answer_NothingAnswered_RefusedWithMessage_NotCountedOrScored()
    {
        // The form as sent with every question blank: the tick-box questions (3, 7, 8, 19) still send their empty marker.
        var round = await factory.AddRoundAsync(factory.Team1);
        var js2 = await factory.LoginAsync("js2");

        var response = await js2.PostAnswersAsync(round, [("item3", ""), ("item7", ""), ("item8", ""), ("item19", "")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Du har ikke svart på noen spørsmål, så ingenting ble lagret.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await factory.FindResponseAsync(round, "js2"));
        // One tick is an answer.
        Assert.Equal(HttpStatusCode.Redirect, (await js2.PostAnswersAsync(round, [("item7", ""), ("item7", "1")])).StatusCode);
    }

    [Fact]
    public async Task Answer_RoundNotYetOpen_IsRefused()
    {
        var round = await factory.AddRoundAsync(factory.Team1, opensInDays: 3, closesInDays: 10);
        var js2 = await factory.LoginAsync("js2");

        var response = await js2.PostAnswersWithoutFormAsync(round, [("item1", "5")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Runden er ikke åpnet ennå", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await factory.FindResponseAsync(round, "js2"));
    }

    [Fact]
    public async Task Answer_StaleVersion_IsRefusedWithConflictMessage()
    {
        var round = await factory.AddRoundAsync(factory.Team1);
        var mv1 = await factory.LoginAsync("mv1");
        Assert.Equal(HttpStatusCode.Redirect, (await mv1.PostAnswersAsync(round, [("item2", "2")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await mv1.PostAnswersAsync(round, [("item2", "3")])).StatusCode);

        var stale = await mv1.PostAnswersAsync(round, [("item2", "5")], version: 0);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Noen andre lagret endringer samtidig", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(["3"], (await factory.FindResponseAsync(round, "mv1"))!.Answers().Ticked("item2"));
    }

    [Fact]
    public async Task Answer_UnknownOption_ShowsErrorSummaryLinkingToTheField()
    {
        var round = await factory.AddRoundAsync(factory.Team1);
        var js2 = await factory.LoginAsync("js2");

        var response = await js2.PostAnswersAsync(round, [("item4", "9")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("href=\"#a_item4\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"a_item4\"", html, StringComparison.Ordinal);
        Assert.Contains("Velg et av alternativene som er oppgitt.", html, StringComparison.Ordinal);
        Assert.Null(await factory.FindResponseAsync(round, "js2"));
    }

    [Fact]
    public async Task Answer_HiddenByBranching_IsNotStored()
    {
        // A new version of the scale in which item 2 is asked only when item 1 is "20 eller færre" (code 5).
        var branched = ShippedInstruments.Fidelity.NewVersion() with
        {
            Items = ShippedInstruments.Fidelity.Items.Select(i => i.Id == "item2" ? i with { ShowIf = "[item1] = '5'" } : i).ToList(),
        };
        var round = await factory.AddRoundAsync(factory.Team1, instrument: branched);
        var js1 = await factory.LoginAsync("js1");

        var hidden = await js1.PostAnswersAsync(round, [("item1", "3"), ("item2", "4")]);
        var storedHidden = (await factory.FindResponseAsync(round, "js1"))!.Answers();
        var shown = await js1.PostAnswersAsync(round, [("item1", "5"), ("item2", "4")]);
        var storedShown = (await factory.FindResponseAsync(round, "js1"))!.Answers();

        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.False(storedHidden.IsAnswered("item2"));
        Assert.Equal(["3"], storedHidden.Ticked("item1"));
        Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);
        Assert.Equal(["4"], storedShown.Ticked("item2"));
        Assert.True(storedShown.InstrumentVersion > 1);
    }

    [Fact]
    public async Task AnswerForm_ItemHiddenByStoredAnswers_IsRenderedHidden_AndVisibilityHandlerFollowsTheForm()
    {
        var branched = ShippedInstruments.Fidelity.NewVersion() with
        {
            Items = ShippedInstruments.Fidelity.Items.Select(i => i.Id == "item2" ? i with { ShowIf = "[item1] = '5'" } : i).ToList(),
        };
        var round = await factory.AddRoundAsync(factory.Team1, instrument: branched);
        var js2 = await factory.LoginAsync("js2");

        var form = await js2.GetFormAsync($"/Fidelity/Answer/{round}");
        var page = form.Html;
        var visibility = await js2.PostFormAsync(form, new Dictionary<string, string> { ["a.item1"] = "5" }, $"/Fidelity/Answer/{round}?handler=Visibility");

        Assert.Matches("data-item=\"item2\" data-show-if=\"true\" hidden", page);
        Assert.Contains("data-branching=\"true\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, visibility.StatusCode);
        Assert.Contains("\"item2\"", await visibility.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ShowsWhoAnswered_NeverWhatTheyAnswered()
    {
        var round = await factory.AddRoundAsync(factory.Team1);
        await factory.AddResponseAsync(round, "js1", new() { [12] = [2] }, shared: false);
        var mv1 = await factory.LoginAsync("mv1");

        var html = WebUtility.HtmlDecode(await mv1.GetStringAsync($"/Fidelity/Status/{round}"));

        Assert.Matches(@"<th scope=""row"">Person js1</th>\s*<td>Ja</td>", html);
        Assert.Matches(@"<th scope=""row"">Person js2</th>\s*<td>Nei</td>", html);
        Assert.Contains("1 av 3 har svart", html, StringComparison.Ordinal);
        Assert.DoesNotContain("samle informasjon", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/Fidelity/Shared/", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostNewAsync(HttpClient client, string label, DateOnly opens, DateOnly closes)
    {
        var form = await client.GetFormAsync("/Fidelity/New");
        var page = form.Html;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Label", label),
            new("Input.OpensOn", Iso(opens)),
            new("Input.ClosesOn", Iso(closes)),
        };

        // The form asks who should answer, with everyone in the team ticked: the user submits the ticked boxes.
        fields.AddRange(System.Text.RegularExpressions.Regex.Matches(page, "name=\"Input.Respondents\" value=\"([^\"]+)\" checked")
            .Select(m => new KeyValuePair<string, string>("Input.Respondents", m.Groups[1].Value)));
        return await client.PostFormAsync(form, fields);
    }
}
