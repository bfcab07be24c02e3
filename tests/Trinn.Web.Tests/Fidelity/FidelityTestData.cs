using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Data;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Web.Tests.Fidelity;

/// <summary>Small builders: rounds and responses written straight to the database, and answer-form posts.</summary>
internal static class FidelityTestData
{
    private static int _labels;

    /// <summary>A label no other test uses (labels of open rounds must be unique per team).</summary>
    public static string UniqueLabel(string prefix = "Runde") => $"{prefix} {Interlocked.Increment(ref _labels)}";

    public static async Task<int> AddRoundAsync(
        this FidelityWebFactory factory, int teamId, string? label = null, int opensInDays = 0, int closesInDays = 14, InstrumentDefinition? instrument = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var version = await InstrumentStore.PublishAsync(db, instrument ?? ShippedInstruments.Fidelity, factory.Clock.GetUtcNow().UtcDateTime);
        var round = new FidelityRound
        {
            TeamId = teamId,
            Label = label ?? UniqueLabel(),
            OpensOn = factory.Today.AddDays(opensInDays),
            ClosesOn = factory.Today.AddDays(closesInDays),
            InstrumentKey = version.Key,
            InstrumentVersion = version.Version,
            CreatedById = factory.UserIds["mv1"],
            CreatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }

    /// <summary>Stores a validated response for a user (positions per item: one for single choice, the ticks for multi-select).</summary>
    public static async Task<int> AddResponseAsync(this FidelityWebFactory factory, int roundId, string userName, Dictionary<int, int[]> positions, bool shared = false)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var definition = ShippedInstruments.Fidelity;
        var raw = positions.ToDictionary(
            kv => "item" + kv.Key,
            kv => (IReadOnlyList<string>)kv.Value.Select(p => definition.GetItem("item" + kv.Key).Options[p - 1].Code).ToArray());
        var result = AnswerValidator.Validate(definition, raw);
        Assert.True(result.IsValid);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var response = new FidelityResponse
        {
            RoundId = roundId,
            RespondentId = factory.UserIds[userName],
            InstrumentKey = definition.Key,
            InstrumentVersion = definition.Version,
            AnswersJson = "{}",
            SubmittedAtUtc = now,
        };
        response.Record(result.Answers, shared, now);
        db.Add(response);
        await db.SaveChangesAsync();
        return response.Id;
    }

    public static async Task<FidelityResponse?> FindResponseAsync(this FidelityWebFactory factory, int roundId, string userName)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var userId = factory.UserIds[userName];
        return db.Set<FidelityResponse>().SingleOrDefault(r => r.RoundId == roundId && r.RespondentId == userId);
    }

    /// <summary>Posts the answer form as a browser without JavaScript would: fields "a.itemN", "share", "version".</summary>
    public static async Task<HttpResponseMessage> PostAnswersAsync(
        this HttpClient client, int roundId, IEnumerable<(string Field, string Value)> fields, bool share = false, long? version = null) =>
        await client.PostAnswersAsync(await client.GetFormAsync($"/Fidelity/Answer/{roundId}"), fields, share, version);

    /// <summary>Posts an answer form fetched earlier (a tab left open), with its own token and version unless given.</summary>
    public static async Task<HttpResponseMessage> PostAnswersAsync(
        this HttpClient client, HtmlForm answerForm, IEnumerable<(string Field, string Value)> fields, bool share = false, long? version = null)
    {
        ArgumentNullException.ThrowIfNull(answerForm);
        return await client.PostFormAsync(answerForm, AnswerFields(fields, share, version ?? ReadVersion(answerForm.Html)));
    }

    /// <summary>
    /// Posts answers to a round whose page offers no answer form (not open yet, or closed): the user's own token from the
    /// sign-out form goes with the forged post, with the version the page shows (0 when it shows none).
    /// </summary>
    public static async Task<HttpResponseMessage> PostAnswersWithoutFormAsync(this HttpClient client, int roundId, IEnumerable<(string Field, string Value)> fields)
    {
        var signOut = await client.GetFormAsync($"/Fidelity/Answer/{roundId}", "/Account/Logout");
        return await client.PostFormAsync(signOut, AnswerFields(fields, share: false, ReadVersion(signOut.Html)), $"/Fidelity/Answer/{roundId}");
    }

    private static List<KeyValuePair<string, string>> AnswerFields(IEnumerable<(string Field, string Value)> fields, bool share, long version)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (share)
        {
            form.Add(new("share", "true"));
        }

        form.AddRange(fields.Select(f => new KeyValuePair<string, string>("a." + f.Field, f.Value)));
        return form;
    }

    public static long ReadVersion(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"(\\d+)\"");
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    public static async Task<(HttpStatusCode Status, string Body, string? Location)> FetchAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString());
    }
}
