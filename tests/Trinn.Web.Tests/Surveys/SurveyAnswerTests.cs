using System.Net.Http.Json;
using Trinn.Core.Surveys;

namespace Trinn.Web.Tests.Surveys;

/// <summary>Bad links and bad answers on the candidate's answer page: a clear Norwegian message, nothing stored, never a 500.</summary>
public abstract class SurveyAnswerTests(SurveyApp app)
{
    private async Task<(SurveyScene Scene, int CandidateId, string Email, string Link)> InvitedAsync()
    {
        var scene = await app.SceneAsync();
        var candidate = await scene.CandidateAsync();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        (await scene.RegisterConsentAsync(specialist, candidate.Id)).Dispose();
        await app.RunSenderAsync();
        return (scene, candidate.Id, candidate.Email!, scene.LinkIn(candidate.Email!));
    }

    private Task<SurveyWave> FirstWaveAsync(int candidateId) =>
        app.Data.WithDbAsync(db => db.Set<SurveyWave>().AsNoTracking().Where(w => w.CandidateId == candidateId).OrderBy(w => w.Number).FirstAsync());

    [Theory]
    [InlineData("tampered")]
    [InlineData("short")]
    [InlineData("unknown")]
    public async Task Link_TamperedOrUnknownToken_NotFoundWithMessage(string kind)
    {
        var (_, _, _, link) = await InvitedAsync();
        var token = link.Split('/')[^1];
        var bad = kind switch
        {
            "tampered" => token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
            "short" => token[..20],
            _ => new string('x', 43),
        };
        using var browser = BrowserClient.Anonymous(app);

        using var response = await browser.GetAsync("/svar/" + bad);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Lenken virker ikke", await response.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_AfterWindowCloses_ExpiredMessageAndPostStoresNothing()
    {
        var (_, candidateId, _, link) = await InvitedAsync();
        using var browser = BrowserClient.Anonymous(app);
        var form = await browser.GetFormAsync(link);
        app.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Contains("Fristen for å svare", await browser.GetHtmlAsync(link), StringComparison.Ordinal);
        using var post = await browser.PostFormAsync(form, new() { ["a.q2"] = "2", ["handling"] = "neste" });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Null((await FirstWaveAsync(candidateId)).DraftJson);
    }

    [Fact]
    public async Task Link_AfterSubmit_ReusedLinkSaysAlreadySubmitted()
    {
        var (_, candidateId, _, link) = await InvitedAsync();
        using var tab1 = BrowserClient.Anonymous(app);
        (await SurveyScene.AnswerAllAsync(tab1, link, SurveyScene.NotInWorkAnswers)).Dispose();
        var scores = await app.Data.WithDbAsync(db => db.Set<SurveyScore>().CountAsync(s => s.CandidateId == candidateId));
        using var other = BrowserClient.Anonymous(app);

        var html = await other.GetHtmlAsync(link);

        Assert.Contains("kan bare sendes inn én gang", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"survey-submit\"", html, StringComparison.Ordinal);
        Assert.Equal(13, scores);
    }

    [Fact]
    public async Task TwoTabs_StaleFormSubmittedAfterOtherTabSubmitted_RefusedNothingChanged()
    {
        var (_, candidateId, _, link) = await InvitedAsync();
        using var tab1 = BrowserClient.Anonymous(app);
        using var tab2 = BrowserClient.Anonymous(app);
        var staleFirstPage = await tab2.GetFormAsync(link);
        (await SurveyScene.AnswerAllAsync(tab1, link, SurveyScene.NotInWorkAnswers)).Dispose();
        var stored = (await FirstWaveAsync(candidateId)).AnswersJson;

        using var response = await tab2.PostFormAsync(staleFirstPage, new() { ["a.q2"] = "1", ["handling"] = "send" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("kan bare sendes inn én gang", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(stored, (await FirstWaveAsync(candidateId)).AnswersJson);
    }

    [Theory]
    [InlineData("q1b", "250")]
    [InlineData("q1b", "tretti")]
    [InlineData("q2", "7")]
    public async Task Page_OutOfRangeAnswer_FieldMessageAndDraftUnchanged(string item, string value)
    {
        var (_, candidateId, _, link) = await InvitedAsync();
        using var browser = BrowserClient.Anonymous(app);
        var form = await browser.GetFormAsync(link);

        using var response = await browser.PostFormAsync(form, new() { ["a.q2"] = "2", ["a." + item] = value, ["handling"] = "neste" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(ResponseExtensions.FieldError(await response.HtmlAsync(), "a_" + item));
        Assert.Null((await FirstWaveAsync(candidateId)).DraftJson);
    }

    [Theory]
    [InlineData("q40", "11")] // work ability 0–10
    [InlineData("q40", "-1")]
    [InlineData("q25", "0")] // self-efficacy 1–10
    [InlineData("q25", "7,5")]
    [InlineData("q5", "5")] // four options
    [InlineData("q6", "99")] // no such benefit
    [InlineData("q35", "C")] // forced choice A/B
    public async Task LaterPage_OutOfRangeAnswer_FieldMessageAndDraftUnchanged(string item, string value)
    {
        var (_, candidateId, _, link) = await InvitedAsync();
        using var browser = BrowserClient.Anonymous(app);
        (await browser.PostFormAsync(await browser.GetFormAsync(link), new() { ["a.q2"] = "2", ["handling"] = "neste" })).Dispose();
        var draft = (await FirstWaveAsync(candidateId)).DraftJson;
        HtmlForm? page = null;
        for (var side = 2; side <= 6 && page is null; side++)
        {
            var form = await browser.GetFormAsync(link + "?side=" + side.ToString(System.Globalization.CultureInfo.InvariantCulture));
            page = form.Html.Contains($"data-item=\"{item}\"", StringComparison.Ordinal) ? form : null;
        }

        Assert.NotNull(page);
        using var response = await browser.PostFormAsync(page, new() { ["a." + item] = value, ["handling"] = "neste" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(ResponseExtensions.FieldError(await response.HtmlAsync(), "a_" + item));
        Assert.Equal(draft, (await FirstWaveAsync(candidateId)).DraftJson);
    }

    [Fact]
    public async Task Page_AnswerToHiddenItem_RefusedWithMessageAndNothingStored()
    {
        var (_, candidateId, _, link) = await InvitedAsync();
        using var browser = BrowserClient.Anonymous(app);
        var form = await browser.GetFormAsync(link);
        (await browser.PostFormAsync(form, new() { ["a.q2"] = "2", ["handling"] = "neste" })).Dispose();
        var draft = (await FirstWaveAsync(candidateId)).DraftJson;
        var next = await browser.GetFormAsync(link + "?side=3");

        // q20 is asked only of those in work; this candidate said "not in work".
        using var response = await browser.PostFormAsync(next, new() { ["a.q20"] = "9", ["a.q25"] = "5", ["handling"] = "neste" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ikke hører til denne siden", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(draft, (await FirstWaveAsync(candidateId)).DraftJson);
    }

    [Fact]
    public async Task Page_SaveAndContinueLater_DraftKeptAndShownAgain()
    {
        var (_, candidateId, _, link) = await InvitedAsync();
        using var browser = BrowserClient.Anonymous(app);
        var form = await browser.GetFormAsync(link);

        using var saved = await browser.PostFormAsync(form, new() { ["a.q1b"] = "41", ["a.q2"] = "2", ["handling"] = "lagre" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var later = BrowserClient.Anonymous(app);
        var html = await later.GetHtmlAsync(link);
        Assert.Contains("value=\"41\"", html, StringComparison.Ordinal);
        Assert.False((await FirstWaveAsync(candidateId)).IsAnswered);
    }

    [Fact]
    public async Task PaperEntry_BySpecialist_StoredAsPaperWithWhoAndScoresOnCandidatePage()
    {
        var scene = await app.SceneAsync();
        var candidate = await scene.CandidateAsync();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        (await scene.RegisterConsentAsync(specialist, candidate.Id)).Dispose();
        var wave = await FirstWaveAsync(candidate.Id);

        using var done = await SurveyScene.AnswerAllAsync(specialist, $"/Surveys/Paper/{wave.Id}", SurveyScene.NotInWorkAnswers);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stored = await FirstWaveAsync(candidate.Id);
        Assert.True(stored.Paper);
        Assert.Equal(scene.Staff.Specialist.Id, stored.EnteredById);
        var page = await specialist.GetHtmlAsync($"/Candidates/Details/{candidate.Id}");
        Assert.Contains("data-testid=\"scores-table\"", page, StringComparison.Ordinal);
        Assert.Contains("7,0", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandOverLink_SpecialistMakesALinkForTheOpenWave_TheCandidateAnswersThroughIt()
    {
        // No mail is sent here: the job specialist gives the link in person (SMS, or on the candidate's phone).
        var scene = await app.SceneAsync();
        var candidate = await scene.CandidateAsync();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        (await scene.RegisterConsentAsync(specialist, candidate.Id)).Dispose();
        var wave = await FirstWaveAsync(candidate.Id);
        var tokensBefore = await app.Data.WithDbAsync(db => db.Set<SurveyLinkToken>().CountAsync(t => t.WaveId == wave.Id));

        var form = await specialist.GetFormAsync($"/Surveys/Consent/{candidate.Id}", $"/Surveys/Consent/{candidate.Id}?waveId={wave.Id}&handler=Link");
        using var made = await specialist.PostFormAsync(form, new());
        var html = await made.HtmlAsync();

        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var shown = html[html.IndexOf("data-testid=\"handed-over-link\"", StringComparison.Ordinal)..];
        var path = System.Text.RegularExpressions.Regex.Match(shown, "/svar/[A-Za-z0-9_-]{43}").Value;
        Assert.NotEmpty(path);
        Assert.Contains("href=\"sms:?&body=http", shown, StringComparison.Ordinal);
        Assert.Equal(tokensBefore + 1, await app.Data.WithDbAsync(db => db.Set<SurveyLinkToken>().CountAsync(t => t.WaveId == wave.Id)));
        Assert.NotNull((await FirstWaveAsync(candidate.Id)).InvitedAtUtc);
        // The link works for the candidate, who has no account.
        using var done = await SurveyScene.AnswerAllAsync(BrowserClient.Anonymous(app), path, SurveyScene.NotInWorkAnswers);
        Assert.NotNull((await FirstWaveAsync(candidate.Id)).SubmittedAtUtc);
        Assert.False((await FirstWaveAsync(candidate.Id)).Paper);
    }

    [Fact]
    public async Task HandOverLink_ConsentWithdrawnMeanwhile_RefusedWithMessageNoTokenStored_OtherTeamNotFound()
    {
        var scene = await app.SceneAsync();
        var candidate = await scene.CandidateAsync();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        (await scene.RegisterConsentAsync(specialist, candidate.Id)).Dispose();
        var wave = await FirstWaveAsync(candidate.Id);
        var form = await specialist.GetFormAsync($"/Surveys/Consent/{candidate.Id}", $"/Surveys/Consent/{candidate.Id}?waveId={wave.Id}&handler=Link");
        var other = await app.SceneAsync();
        using var stranger = await BrowserClient.LoginAsync(app, other.Staff.Specialist.UserName!);
        var strangersForm = await stranger.GetFormAsync($"/Surveys/Consent/{(await other.CandidateAsync()).Id}");
        await app.Data.WithDbAsync(async db =>
        {
            var consent = await db.Set<StudyConsent>().SingleAsync(c => c.CandidateId == candidate.Id);
            await consent.WithdrawAsync(db, WithdrawalPolicy.Keep, TodayOf(app), scene.Staff.Specialist.Id, TodayOf(app));
            return await db.SaveChangesAsync();
        });

        using var refused = await specialist.PostFormAsync(form, new());
        // Another team's job specialist, with a valid form of their own, posting to this candidate's wave.
        using var foreign = await stranger.PostFormAsync(strangersForm, new(), $"/Surveys/Consent/{candidate.Id}?waveId={wave.Id}&handler=Link");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("det kan ikke lages svarlenke", await refused.HtmlAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("/svar/", await refused.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Set<SurveyLinkToken>().CountAsync(t => t.WaveId == wave.Id)));
    }

    private static DateOnly TodayOf(SurveyApp app) => Trinn.Web.Infrastructure.NorwegianTime.Today(app.Clock);

    [Fact]
    public async Task PaperEntry_OtherTeamsWave_NotFound()
    {
        var scene = await app.SceneAsync();
        var candidate = await scene.CandidateAsync();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        (await scene.RegisterConsentAsync(specialist, candidate.Id)).Dispose();
        var wave = await FirstWaveAsync(candidate.Id);
        var other = await app.SceneAsync();
        using var stranger = await BrowserClient.LoginAsync(app, other.Staff.Specialist.UserName!);

        using var response = await stranger.GetAsync($"/Surveys/Paper/{wave.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Menu_StudyPages_LinkedForTheRolesThatMayOpenThem()
    {
        var scene = await app.SceneAsync();
        var forsker = await app.Data.AddUserAsync(Core.Identity.Roles.Forsker);
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        using var admin = await BrowserClient.LoginAsync(app, scene.Admin.UserName!);
        using var researcher = await BrowserClient.LoginAsync(app, forsker.UserName!);

        var specialistMenu = Menu(await specialist.GetHtmlAsync("/Portfolio"));
        var adminMenu = Menu(await admin.GetHtmlAsync("/Admin"));
        var researcherMenu = Menu(await researcher.GetHtmlAsync("/Overview"));
        var studies = await admin.GetHtmlAsync("/Studies");

        Assert.Contains("href=\"/Surveys\"", specialistMenu, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Surveys/Outbox\"", specialistMenu, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Instruments\"", specialistMenu, StringComparison.Ordinal);
        Assert.Contains("href=\"/Surveys/Outbox\"", adminMenu, StringComparison.Ordinal);
        Assert.Contains("href=\"/Instruments\"", adminMenu, StringComparison.Ordinal);
        Assert.Contains("href=\"/Instruments\"", researcherMenu, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Surveys/Outbox\"", researcherMenu, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Surveys/Protocol/{scene.StudyId}\"", studies, StringComparison.Ordinal);
    }

    private static string Menu(string html)
    {
        var start = html.IndexOf("<nav", StringComparison.Ordinal);
        return html[start..html.IndexOf("</nav>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Api_WavesByStatusAndScores_FollowTheTeamRules()
    {
        var (scene, candidateId, _, link) = await InvitedAsync();
        using var browser = BrowserClient.Anonymous(app);
        (await SurveyScene.AnswerAllAsync(browser, link, SurveyScene.NotInWorkAnswers)).Dispose();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);

        var answered = await specialist.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/studies/{scene.StudyId}/waves?status=answered");
        var scheduled = await specialist.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/studies/{scene.StudyId}/waves?status=scheduled");
        var scores = await specialist.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/candidates/{candidateId}/scores");
        using var bad = await specialist.GetAsync($"/api/studies/{scene.StudyId}/waves?status=%3Cscript%3E");

        Assert.Equal(1, answered.GetProperty("totalCount").GetInt32());
        Assert.Equal("answered", answered.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.False(answered.GetProperty("items")[0].TryGetProperty("answers", out _));
        Assert.Equal(3, scheduled.GetProperty("totalCount").GetInt32());
        Assert.Contains(scores.EnumerateArray(), s => s.GetProperty("construct").GetString() == "self_efficacy_not_in_work" && s.GetProperty("value").GetDecimal() == 7m);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var other = await app.SceneAsync();
        using var stranger = await BrowserClient.LoginAsync(app, other.Staff.Specialist.UserName!);
        using var hidden = await stranger.GetAsync($"/api/studies/{scene.StudyId}/waves");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var foreignScores = await stranger.GetAsync($"/api/candidates/{candidateId}/scores");
        Assert.Equal(HttpStatusCode.NotFound, foreignScores.StatusCode);
    }
}

public sealed class SqliteSurveyAnswerTests(SurveyApp app) : SurveyAnswerTests(app), IClassFixture<SurveyApp>;

public sealed class PostgresSurveyAnswerTests(PostgresSurveyApp app) : SurveyAnswerTests(app), IClassFixture<PostgresSurveyApp>;
