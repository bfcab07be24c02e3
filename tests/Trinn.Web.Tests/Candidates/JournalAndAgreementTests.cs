using System.Globalization;
using Trinn.Core.Candidates;

namespace Trinn.Web.Tests.Candidates;

/// <summary>Journal notes and the stage 1 cooperation agreement through the pages, on SQLite and on PostgreSQL.</summary>
public abstract class JournalAndAgreementTests(TrinnFactory app)
{
    [Fact]
    public async Task Journal_ValidNote_IsSavedAndBecomesTheLastContact()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist, lastContact: app.Data.Today.AddDays(-30));
        await GiveEmployerContactConsentAsync(candidate.Id, true);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var text = TestData.Unique("Besøkte arbeidsgiver ");

        using var response = await client.SubmitAsync($"/Candidates/Journal/{candidate.Id}", Note(app.Data.Today.AddDays(-1), text, "45"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var note = await app.Data.WithDbAsync(db => db.JournalNotes.AsNoTracking().SingleAsync(n => n.Text == text));
        Assert.Equal(candidate.Id, note.CandidateId);
        Assert.Equal(JournalKind.WithEmployer, note.Kind);
        Assert.Equal(WorkPlace.OutOfOffice, note.Place);
        Assert.Equal(45, note.DurationMinutes);
        Assert.Equal(staff.Specialist.Id, note.AuthorId);
        Assert.Contains(text, await client.GetHtmlAsync($"/Candidates/Details/{candidate.Id}"), StringComparison.Ordinal);
        var portfolio = await client.GetHtmlAsync("/Portfolio");
        Assert.Contains(app.Data.Today.AddDays(-1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), portfolio, StringComparison.Ordinal);
        Assert.DoesNotContain("data-warning=\"no-contact\"", portfolio, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "Notat", "30", "Input_Date", "Datoen kan ikke være fram i tid.")]
    [InlineData(0, "", "30", "Input_Text", "Fyll ut Notat.")]
    [InlineData(0, "Notat", "1441", "Input_DurationMinutes", "Varigheten må være mellom 0 og 1440 minutter.")]
    public async Task Journal_InvalidNote_ShowsFieldErrorAndSavesNothing(int daysAhead, string text, string minutes, string field, string message)
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        using var response = await client.SubmitAsync($"/Candidates/Journal/{candidate.Id}", Note(app.Data.Today.AddDays(daysAhead), text, minutes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, ResponseExtensions.FieldError(await response.HtmlAsync(), field));
        Assert.Empty((await app.Data.LoadCandidateAsync(candidate.Id)).JournalNotes);
    }

    [Fact]
    public async Task Agreement_Valid_IsSavedWithConsentsAndShownOnDetails()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist, referredDaysAgo: 10);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var agreed = TestData.Unique("Finne jobb i butikk ");

        using var response = await client.SubmitAsync($"/Candidates/Agreement/{candidate.Id}", Agreement(app.Data.Today.AddDays(-2), agreed));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.Data.WithDbAsync(db => db.CooperationAgreements.AsNoTracking().SingleAsync(a => a.CandidateId == candidate.Id));
        Assert.Equal(agreed, stored.Agreed);
        Assert.Equal(app.Data.Today.AddDays(-2), stored.SignedOn);
        Assert.True(stored.ConsentEmployerContact);
        Assert.False(stored.ConsentResearch);
        Assert.Contains(agreed, await client.GetHtmlAsync($"/Candidates/Details/{candidate.Id}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-11, "Datoen kan ikke være før innsøkingsdatoen.")]
    [InlineData(1, "Datoen kan ikke være fram i tid.")]
    public async Task Agreement_SignedOutsideReferralAndToday_ShowsFieldErrorAndSavesNothing(int days, string message)
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist, referredDaysAgo: 10);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        using var response = await client.SubmitAsync($"/Candidates/Agreement/{candidate.Id}", Agreement(app.Data.Today.AddDays(days), "Avtale"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, ResponseExtensions.FieldError(await response.HtmlAsync(), "Input_SignedOn"));
        Assert.False(await app.Data.WithDbAsync(db => db.CooperationAgreements.AnyAsync(a => a.CandidateId == candidate.Id)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task Journal_NoteWithEmployerWithoutEmployerContactConsent_RefusedAtKindAndNothingSaved(bool? consent)
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        if (consent is { } given)
        {
            await GiveEmployerContactConsentAsync(candidate.Id, given);
        }

        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var text = TestData.Unique("Snakket med arbeidsgiver ");

        using var response = await client.SubmitAsync($"/Candidates/Journal/{candidate.Id}", Note(app.Data.Today, text, "30"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ikke samtykket til at jobbspesialisten kontakter arbeidsgivere", ResponseExtensions.FieldError(await response.HtmlAsync(), "Input_Kind"), StringComparison.Ordinal);
        Assert.False(await app.Data.WithDbAsync(db => db.JournalNotes.AnyAsync(n => n.Text == text)));
    }

    private Task<int> GiveEmployerContactConsentAsync(int candidateId, bool consent) => app.Data.WithDbAsync(async db =>
    {
        db.CooperationAgreements.Add(new CooperationAgreement { CandidateId = candidateId, SignedOn = app.Data.Today.AddDays(-20), Agreed = "Avtale", ConsentEmployerContact = consent });
        return await db.SaveChangesAsync();
    });

    private static Dictionary<string, string> Note(DateOnly date, string text, string minutes) => new()
    {
        ["Input.Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Kind"] = ((int)JournalKind.WithEmployer).ToString(CultureInfo.InvariantCulture),
        ["Input.Place"] = ((int)WorkPlace.OutOfOffice).ToString(CultureInfo.InvariantCulture),
        ["Input.DurationMinutes"] = minutes,
        ["Input.Text"] = text,
    };

    private static Dictionary<string, string> Agreement(DateOnly signedOn, string agreed) => new()
    {
        ["Input.SignedOn"] = signedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Agreed"] = agreed,
        ["Input.ConsentEmployerContact"] = "true",
        ["Input.ConsentNavVeileder"] = "true",
        ["Input.ConsentHealthAndNetwork"] = "false",
        ["Input.ConsentResearch"] = "false",
    };
}

public sealed class JournalAndAgreementSqliteTests(TrinnFactory app) : JournalAndAgreementTests(app), IClassFixture<TrinnFactory>;

public sealed class JournalAndAgreementPostgresTests(PostgresTrinnFactory app) : JournalAndAgreementTests(app), IClassFixture<PostgresTrinnFactory>;
